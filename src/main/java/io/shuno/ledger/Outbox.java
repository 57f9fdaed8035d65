package io.shuno.ledger;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import java.util.List;

/**
 * The transactional outbox: messages are written with the state they announce and published afterwards by the
 * relay, so a crash can delay a message but never lose it or publish one for state that was rolled back.
 */
@Component
public class Outbox {

    private final JdbcTemplate jdbc;
    private final ObjectMapper json;

    Outbox(JdbcTemplate jdbc, ObjectMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    @Transactional(propagation = Propagation.MANDATORY)
    public void append(List<OutboxMessage> messages) {
        if (messages.isEmpty()) {
            return;
        }
        jdbc.batchUpdate("insert into outbox (topic, message_key, payload, headers) values (?, ?, ?, ?::jsonb)",
                messages, messages.size(), (statement, message) -> {
                    statement.setString(1, message.topic());
                    statement.setString(2, message.key());
                    statement.setBytes(3, message.payload());
                    statement.setString(4, headersJson(message));
                });
    }

    private String headersJson(OutboxMessage message) {
        try {
            return json.writeValueAsString(message.headers());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("headers of a string map always serialise", e);
        }
    }
}
