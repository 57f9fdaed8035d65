package io.shuno.ledger;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.shuno.platform.Columns;
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
        // In list order: the relay publishes by id.
        jdbc.update("""
                insert into outbox (topic, message_key, payload, headers)
                select topic, message_key, payload, headers::jsonb
                from unnest(?::text[], ?::text[], ?::bytea[], ?::text[]) with ordinality
                    as m(topic, message_key, payload, headers, listed)
                order by listed""", Columns.of(messages).text(OutboxMessage::topic).text(OutboxMessage::key)
                .bytes(OutboxMessage::payload).text(this::headersJson).parameters());
    }

    private String headersJson(OutboxMessage message) {
        try {
            return json.writeValueAsString(message.headers());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("headers of a string map always serialise", e);
        }
    }
}
