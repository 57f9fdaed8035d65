package io.shuno.matching;

import io.shuno.platform.Columns;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Remembers every handled message by business key; the primary key refuses a second handling. */
@Component
class Inbox {

    private final JdbcTemplate jdbc;

    Inbox(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Fingerprints of the given messages already handled, by message id. */
    Map<String, StoredFingerprint> fingerprints(String source, Collection<String> messageIds) {
        Map<String, StoredFingerprint> found = new HashMap<>();
        jdbc.query("""
                select message_id, fingerprint, fingerprint_version from inbox
                where source = ? and message_id = any(?)""",
                row -> {
                    found.put(row.getString("message_id"), new StoredFingerprint(
                            StoredFingerprint.Version.of(row.getInt("fingerprint_version")),
                            row.getString("fingerprint")));
                }, source, messageIds.toArray(String[]::new));
        return found;
    }

    void record(List<InboxEntry> entries) {
        if (entries.isEmpty()) {
            return;
        }
        jdbc.update("""
                insert into inbox (source, message_id, fingerprint, fingerprint_version, topic, partition_no, offset_no)
                select * from unnest(?::text[], ?::text[], ?::text[], ?::smallint[], ?::text[], ?::int[], ?::bigint[])""",
                Columns.of(entries).text(InboxEntry::source).text(InboxEntry::messageId)
                        .text(entry -> entry.fingerprint().digest())
                        .integer(entry -> entry.fingerprint().version().number).text(entry -> entry.position().topic())
                        .integer(entry -> entry.position().partition()).bigint(entry -> entry.position().offset())
                        .parameters());
    }
}
