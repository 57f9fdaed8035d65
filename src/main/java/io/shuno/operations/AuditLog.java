package io.shuno.operations;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.shuno.platform.SqlFilter;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;

/**
 * The audit log: every act of an operator or staff member, written in the transaction of the act itself (so there
 * is no act without its entry), append-only (the database refuses updates and deletes), queryable and exported as
 * CSV for Excel.
 */
@Component
public class AuditLog {

    private static final String COLUMNS = "id, at, actor, action, target_type, target_id, municipality_code, "
            + "before_state::text as before_state, after_state::text as after_state, comment";
    /** Excel reads a CSV as Shift_JIS unless it starts with a UTF-8 byte order mark. */
    private static final String BYTE_ORDER_MARK = "\uFEFF";

    private final JdbcTemplate jdbc;
    private final ObjectMapper json;
    private final Clock clock;

    AuditLog(JdbcTemplate jdbc, ObjectMapper json, Clock clock) {
        this.jdbc = jdbc;
        this.json = json;
        this.clock = clock;
    }

    @Transactional(propagation = Propagation.MANDATORY)
    void record(Actor actor, String action, String targetType, String targetId, Optional<String> municipality,
                Object before, Object after, String comment) {
        jdbc.update("""
                insert into audit_log (at, actor, action, target_type, target_id, municipality_code, before_state,
                    after_state, comment) values (?, ?, ?, ?, ?, ?, ?::jsonb, ?::jsonb, ?)""",
                OffsetDateTime.now(clock), actor.id(), action, targetType, targetId, municipality.orElse(null),
                toJson(before), toJson(after), comment);
    }

    public Page<AuditEntry> find(AuditFilter filter, Actor actor, PageRequest page) {
        SqlFilter where = filter.where(actor);
        List<AuditEntry> entries = jdbc.query("select " + COLUMNS + " from audit_log" + where.where()
                + " order by id limit ? offset ?", (row, n) -> map(row), where.parameters(page.size(), page.offset()));
        Long total = jdbc.queryForObject("select count(*) from audit_log" + where.where(), Long.class,
                where.parameters());
        return new Page<>(entries, page.page(), page.size(), total);
    }

    /** Every matching entry, oldest first, as RFC 4180 CSV in UTF-8 with a byte order mark. */
    public void exportCsv(AuditFilter filter, Actor actor, Writer out) {
        SqlFilter where = filter.where(actor);
        try {
            out.write(BYTE_ORDER_MARK);
            out.write("id,at,actor,action,target_type,target_id,municipality_code,before,after,comment\r\n");
            jdbc.query("select " + COLUMNS + " from audit_log" + where.where() + " order by id", row -> {
                AuditEntry entry = map(row);
                writeLine(out, List.of(Long.toString(entry.id()),
                        entry.at().atZoneSameInstant(clock.getZone()).toOffsetDateTime().toString(), entry.actor(),
                        entry.action(), entry.targetType(), entry.targetId(), text(entry.municipalityCode()),
                        text(entry.before()), text(entry.after()), text(entry.comment())));
            }, where.parameters());
            out.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void writeLine(Writer out, List<String> fields) {
        try {
            for (int i = 0; i < fields.size(); i++) {
                if (i > 0) {
                    out.write(',');
                }
                out.write('"' + fields.get(i).replace("\"", "\"\"") + '"');
            }
            out.write("\r\n");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String text(Object value) {
        return value == null ? "" : value.toString();
    }

    private AuditEntry map(ResultSet row) throws SQLException {
        return new AuditEntry(row.getLong("id"), row.getObject("at", OffsetDateTime.class), row.getString("actor"),
                row.getString("action"), row.getString("target_type"), row.getString("target_id"),
                row.getString("municipality_code"), fromJson(row.getString("before_state")),
                fromJson(row.getString("after_state")), row.getString("comment"));
    }

    private String toJson(Object state) {
        try {
            return state == null ? null : json.writeValueAsString(state);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("audit states are plain records", e);
        }
    }

    private JsonNode fromJson(String state) {
        try {
            return state == null ? null : json.readTree(state);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("the audit log holds JSON written by shuno", e);
        }
    }
}
