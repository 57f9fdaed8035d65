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
import java.util.HashMap;
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

    /**
     * Keeps each new dead letter once (a redelivered rejected record finds its row) and updates the dead letter a
     * failed replay came from with its new reason; both are announced on the dead-letter topic.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    void keep(List<DeadLetter> deadLetters) {
        if (deadLetters.isEmpty()) {
            return;
        }
        List<OutboxMessage> messages = new ArrayList<>();
        for (DeadLetter letter : deadLetters) {
            boolean kept = letter.replayOf().map(id -> failedAgain(id, letter)).orElse(false) || insert(letter);
            if (kept) {
                messages.add(announcement(letter));
            }
        }
        outbox.append(messages);
    }

    /** Replays that intake accepted: their dead letters are done with. */
    @Transactional(propagation = Propagation.MANDATORY)
    void replayed(List<Long> deadLetterIds) {
        if (!deadLetterIds.isEmpty()) {
            jdbc.update("update dead_letters set status = 'REPLAYED' where id = any(?) and status = 'REPLAYING'",
                    (Object) deadLetterIds.toArray(Long[]::new));
        }
    }

    private boolean failedAgain(long deadLetterId, DeadLetter letter) {
        return jdbc.update("""
                update dead_letters set reason = ?, error_class = ?, status = 'OPEN'
                where id = ? and status <> 'DISCARDED'""",
                letter.reason(), letter.rejectionClass().name(), deadLetterId) == 1;
    }

    private boolean insert(DeadLetter letter) {
        return jdbc.update("""
                insert into dead_letters (source_topic, partition_no, offset_no, record_key, payload, reason, error_class,
                    municipality_code)
                values (?, ?, ?, ?, ?, ?, ?, ?) on conflict (source_topic, partition_no, offset_no) do nothing""",
                letter.source().topic(), letter.source().partition(), letter.source().offset(), letter.key(),
                letter.payload(), letter.reason(), letter.rejectionClass().name(),
                letter.municipality().orElse(null)) == 1;
    }

    private OutboxMessage announcement(DeadLetter letter) {
        Map<String, String> headers = new HashMap<>(Map.of(
                SOURCE_TOPIC, letter.source().topic(),
                SOURCE_PARTITION, Integer.toString(letter.source().partition()),
                SOURCE_OFFSET, Long.toString(letter.source().offset()),
                REASON, letter.reason(),
                ERROR_CLASS, letter.rejectionClass().name()));
        letter.replayOf().ifPresent(id -> headers.put(Replays.REPLAY_OF, Long.toString(id)));
        return new OutboxMessage(topic, letter.key() == null ? null : new String(letter.key(), StandardCharsets.UTF_8),
                letter.payload(), headers);
    }
}
