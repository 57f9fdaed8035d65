package io.shuno.operations;

import io.shuno.intake.RejectionClass;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.nio.charset.StandardCharsets;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.Base64;
import java.util.List;
import java.util.Optional;

/** Reads the dead letters intake kept (table dead_letters), for operators and for replay. */
@Component
public class DeadLetterStore {

    private static final String COLUMNS = """
            id, source_topic, partition_no, offset_no, reason, error_class, status, municipality_code, record_key,
            payload, replay_count, received_at, last_replayed_at, discarded_at, discarded_by, discard_comment""";

    private final JdbcTemplate jdbc;

    DeadLetterStore(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public Page<DeadLetterView> find(DeadLetterFilter filter, Actor actor, PageRequest page) {
        SqlFilter where = filter.where(actor);
        List<DeadLetterView> letters = jdbc.query("select " + COLUMNS + " from dead_letters" + where.where()
                + " order by id limit ? offset ?", (row, n) -> map(row), where.parameters(page));
        Long total = jdbc.queryForObject("select count(*) from dead_letters" + where.where(), Long.class,
                where.parameters());
        return new Page<>(letters, page.page(), page.size(), total);
    }

    public DeadLetterView get(long id, Actor actor) {
        DeadLetterView letter = jdbc.query("select " + COLUMNS + " from dead_letters where id = ?",
                (row, n) -> map(row), id).stream().findFirst()
                .orElseThrow(() -> OperationFailure.notFound("dead letter " + id));
        actor.mustCover(Optional.ofNullable(letter.municipalityCode()));
        return letter;
    }

    /** The dead letter, locked until the transaction ends, so two acts on it happen one after the other. */
    Optional<DeadLetterView> lock(long id) {
        return jdbc.query("select " + COLUMNS + " from dead_letters where id = ? for update", (row, n) -> map(row), id)
                .stream().findFirst();
    }

    /**
     * The ids of the dead letters a bulk replay sends back: those matching, except the discarded and refused files
     * (not Kafka records: a corrected file is dropped again instead).
     */
    List<Long> replayable(DeadLetterFilter filter, Actor actor) {
        SqlFilter where = filter.where(actor).when(Optional.of("DISCARDED"), "status <> ?")
                .when(Optional.of(RejectionClass.FILE_REJECTED.name()), "error_class <> ?");
        return jdbc.queryForList("select id from dead_letters" + where.where() + " order by id", Long.class,
                where.parameters());
    }

    private static DeadLetterView map(ResultSet row) throws SQLException {
        byte[] key = row.getBytes("record_key");
        byte[] payload = row.getBytes("payload");
        return new DeadLetterView(row.getLong("id"), row.getString("source_topic"), row.getInt("partition_no"),
                row.getLong("offset_no"), row.getString("reason"), row.getString("error_class"),
                row.getString("status"), row.getString("municipality_code"),
                key == null ? null : new String(key, StandardCharsets.UTF_8),
                new String(payload, StandardCharsets.UTF_8), Base64.getEncoder().encodeToString(payload),
                row.getInt("replay_count"), row.getObject("received_at", OffsetDateTime.class),
                row.getObject("last_replayed_at", OffsetDateTime.class),
                row.getObject("discarded_at", OffsetDateTime.class), row.getString("discarded_by"),
                row.getString("discard_comment"));
    }
}
