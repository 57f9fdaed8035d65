package io.shuno.intake;

import io.shuno.ledger.Outbox;
import io.shuno.ledger.OutboxMessage;
import io.shuno.platform.ShunoProperties;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Keeps rejected records in PostgreSQL for replay and publishes each, unchanged, on the dead-letter topic with
 * headers naming its source and the reason. A redelivered rejected record is kept once.
 */
@Component
class DeadLetters {

    static final String SOURCE_TOPIC = "shuno.dlt.source-topic";
    static final String SOURCE_PARTITION = "shuno.dlt.source-partition";
    static final String SOURCE_OFFSET = "shuno.dlt.source-offset";
    static final String REASON = "shuno.dlt.reason";
    static final String ERROR_CLASS = "shuno.dlt.error-class";

    private final JdbcTemplate jdbc;
    private final Outbox outbox;
    private final String topic;

    DeadLetters(JdbcTemplate jdbc, Outbox outbox, ShunoProperties properties) {
        this.jdbc = jdbc;
        this.outbox = outbox;
        this.topic = properties.topics().deadLetters();
    }

    @Transactional(propagation = Propagation.MANDATORY)
    void keep(List<DeadLetter> deadLetters) {
        if (deadLetters.isEmpty()) {
            return;
        }
        int[][] kept = jdbc.batchUpdate("""
                insert into dead_letters (source_topic, partition_no, offset_no, record_key, payload, reason, error_class)
                values (?, ?, ?, ?, ?, ?, ?) on conflict (source_topic, partition_no, offset_no) do nothing""",
                deadLetters, deadLetters.size(), (ps, letter) -> {
                    ps.setString(1, letter.source().topic());
                    ps.setInt(2, letter.source().partition());
                    ps.setLong(3, letter.source().offset());
                    ps.setBytes(4, letter.key());
                    ps.setBytes(5, letter.payload());
                    ps.setString(6, letter.reason());
                    ps.setString(7, letter.rejectionClass().name());
                });
        List<OutboxMessage> messages = new ArrayList<>();
        for (int i = 0; i < deadLetters.size(); i++) {
            if (kept[0][i] != 0) {
                DeadLetter letter = deadLetters.get(i);
                messages.add(new OutboxMessage(topic,
                        letter.key() == null ? null : new String(letter.key(), StandardCharsets.UTF_8),
                        letter.payload(), Map.of(
                        SOURCE_TOPIC, letter.source().topic(),
                        SOURCE_PARTITION, Integer.toString(letter.source().partition()),
                        SOURCE_OFFSET, Long.toString(letter.source().offset()),
                        REASON, letter.reason(),
                        ERROR_CLASS, letter.rejectionClass().name())));
            }
        }
        outbox.append(messages);
    }
}
