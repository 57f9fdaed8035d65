package io.shuno.deadletters;

import io.shuno.platform.MunicipalityScope;
import io.shuno.platform.SqlFilter;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.nio.charset.StandardCharsets;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * What the dead letters (table dead_letters) say, for operators, the overview and replays. Lists come a page at a
 * time ({@code limit}, {@code offset}), each with a count of all that match.
 */
@Component
public class DeadLetterQueries {

    private static final String COLUMNS = """
            id, source_topic, partition_no, offset_no, reason, error_class, status, municipality_code, record_key,
            payload, replay_count, received_at, last_replayed_at, discarded_at, discarded_by, discard_comment""";

    private final JdbcTemplate jdbc;

    DeadLetterQueries(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public List<DeadLetterView> find(DeadLetterFilter filter, MunicipalityScope scope, int limit, long offset) {
        SqlFilter where = filter.where(scope);
        return jdbc.query("select " + COLUMNS + " from dead_letters" + where.where() + " order by id limit ? offset ?",
                (row, n) -> map(row), where.parameters(limit, offset));
    }

    public long count(DeadLetterFilter filter, MunicipalityScope scope) {
        return count(filter.where(scope));
    }

    /** The dead letters still waiting for an operator. */
    public long countOpen(MunicipalityScope scope) {
        return count(new SqlFilter().within(scope, "municipality_code")
                .when(Optional.of(DeadLetterStatus.OPEN.name()), "status = ?"));
    }

    private long count(SqlFilter where) {
        return jdbc.queryForObject("select count(*) from dead_letters" + where.where(), Long.class,
                where.parameters());
    }

    public Optional<DeadLetterView> read(long id) {
        return jdbc.query("select " + COLUMNS + " from dead_letters where id = ?", (row, n) -> map(row), id).stream()
                .findFirst();
    }

    /** The dead letter, locked until the transaction ends, so two acts on it happen one after the other. */
    public Optional<DeadLetterView> lock(long id) {
        return jdbc.query("select " + COLUMNS + " from dead_letters where id = ? for update", (row, n) -> map(row), id)
                .stream().findFirst();
    }

    /** The ids of the dead letters a bulk replay sends back: those matching, except the discarded. */
    public List<Long> replayable(DeadLetterFilter filter, MunicipalityScope scope) {
        SqlFilter where = filter.where(scope).when(Optional.of(DeadLetterStatus.DISCARDED.name()), "status <> ?")
                .when(Optional.of(RejectionClass.FILE_REJECTED.name()), "error_class <> ?");
        return jdbc.queryForList("select id from dead_letters" + where.where() + " order by id", Long.class,
                where.parameters());
    }

    /** How many of the dead letters a replay job sent back stand where, in the order of the statuses' names. */
    public Map<DeadLetterStatus, Long> ofReplayJob(UUID job) {
        Map<DeadLetterStatus, Long> byStatus = new LinkedHashMap<>();
        jdbc.query("select status, count(*) as letters from dead_letters where replay_job = ? group by status"
                + " order by status", row -> {
            byStatus.put(DeadLetterStatus.valueOf(row.getString("status")), row.getLong("letters"));
        }, job);
        return byStatus;
    }

    private static DeadLetterView map(ResultSet row) throws SQLException {
        byte[] key = row.getBytes("record_key");
        byte[] payload = row.getBytes("payload");
        return new DeadLetterView(row.getLong("id"), row.getString("source_topic"), row.getInt("partition_no"),
                row.getLong("offset_no"), row.getString("reason"), RejectionClass.valueOf(row.getString("error_class")),
                DeadLetterStatus.valueOf(row.getString("status")), row.getString("municipality_code"),
                key == null ? null : new String(key, StandardCharsets.UTF_8),
                new String(payload, StandardCharsets.UTF_8), Base64.getEncoder().encodeToString(payload),
                row.getInt("replay_count"), row.getObject("received_at", OffsetDateTime.class),
                row.getObject("last_replayed_at", OffsetDateTime.class),
                row.getObject("discarded_at", OffsetDateTime.class), row.getString("discarded_by"),
                row.getString("discard_comment"));
    }
}
