package io.shuno.deadletters;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Files refused whole at a drop folder, kept beside the rejected records so that operators find them in the same
 * dead-letter queue. Such a dead letter names the topic its rows would have gone to, partition -1 (no Kafka record
 * has one) and an offset derived from the file's name and content, so the same refused file dropped again stays one
 * dead letter. Its payload describes the file, never its rows: they hold names and account numbers.
 */
@Component
public class RejectedFiles {

    private final JdbcTemplate jdbc;
    private final ObjectMapper json;

    RejectedFiles(JdbcTemplate jdbc, ObjectMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    /**
     * Keeps the refused file as an OPEN dead letter of class FILE_REJECTED; a file kept before gets the new reason.
     *
     * @param identityNumber a number that tells this file (name and content) from every other, as its "offset"
     */
    public void keep(String topic, String fileName, String contentHash, long identityNumber, String reason) {
        Map<String, String> description = new LinkedHashMap<>();
        description.put("file", fileName);
        description.put("contentHash", contentHash);
        description.put("reason", reason);
        byte[] payload;
        try {
            payload = json.writeValueAsBytes(description);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a map of strings always writes", e);
        }
        // The same shaping of the reason as every dead letter's (one line, bounded length).
        String oneLine = new DeadLetter(null, null, payload, RejectionClass.FILE_REJECTED, reason, Optional.empty(),
                Optional.empty()).reason();
        jdbc.update("""
                insert into dead_letters (source_topic, partition_no, offset_no, record_key, payload, reason, error_class)
                values (?, -1, ?, ?, ?, ?, ?)
                on conflict (source_topic, partition_no, offset_no) do update set reason = excluded.reason
                """, topic, identityNumber, fileName.getBytes(StandardCharsets.UTF_8), payload, oneLine,
                RejectionClass.FILE_REJECTED.name());
    }
}
