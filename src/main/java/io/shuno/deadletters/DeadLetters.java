package io.shuno.deadletters;

import io.shuno.ledger.Outbox;
import io.shuno.ledger.OutboxMessage;
import io.shuno.matching.RecordPosition;
import io.shuno.platform.Columns;
import io.shuno.platform.ShunoProperties;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * Keeps rejected records in PostgreSQL for replay and publishes each, unchanged, on the dead-letter topic with
 * headers naming its source and the reason. A redelivered rejected record is kept once.
 */
@Component
public class DeadLetters {

    static final String SOURCE_TOPIC = "shuno.dlt.source-topic";
    static final String SOURCE_PARTITION = "shuno.dlt.source-partition";
    static final String SOURCE_OFFSET = "shuno.dlt.source-offset";
    static final String REASON = "shuno.dlt.reason";
    static final String ERROR_CLASS = "shuno.dlt.error-class";
    /** The Kafka header that names the dead letter (its id, in decimal) a record replays. */
    public static final String REPLAY_OF = "shuno.replay-of";

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
    public void keep(List<DeadLetter> deadLetters) {
        if (deadLetters.isEmpty()) {
            return;
        }
        List<DeadLetter> failedReplays = new ArrayList<>();
        List<DeadLetter> others = new ArrayList<>();
        for (DeadLetter letter : deadLetters) {
            if (letter.replayOf().map(id -> failedAgain(id, letter)).orElse(false)) {
                failedReplays.add(letter);
            } else {
                others.add(letter);
            }
        }
        Set<RecordPosition> inserted = insert(others);
        outbox.append(deadLetters.stream()
                .filter(letter -> failedReplays.contains(letter) || inserted.contains(letter.source()))
                .map(this::announcement).toList());
    }

    /** Replays that intake accepted: their dead letters are done with. */
    @Transactional(propagation = Propagation.MANDATORY)
    public void replayed(List<Long> deadLetterIds) {
        if (!deadLetterIds.isEmpty()) {
            jdbc.update("update dead_letters set status = 'REPLAYED' where id = any(?) and status = 'REPLAYING'",
                    (Object) deadLetterIds.toArray(Long[]::new));
        }
    }

    /** An operator's replay of the dead letter (in a bulk job, when given) is on its way back to its topic. */
    @Transactional(propagation = Propagation.MANDATORY)
    public void replaying(long deadLetterId, OffsetDateTime at, Optional<UUID> job) {
        jdbc.update("""
                update dead_letters set status = 'REPLAYING', replay_count = replay_count + 1, last_replayed_at = ?,
                    replay_job = ? where id = ?""", at, job.orElse(null), deadLetterId);
    }

    /** An operator decided the dead letter is not to be replayed, and said why. */
    @Transactional(propagation = Propagation.MANDATORY)
    public void discarded(long deadLetterId, OffsetDateTime at, String by, String comment) {
        jdbc.update("""
                update dead_letters set status = 'DISCARDED', discarded_at = ?, discarded_by = ?, discard_comment = ?
                where id = ?""", at, by, comment, deadLetterId);
    }

    /**
     * Whether the record is the replay of that dead letter, failing again: only a dead letter being replayed (or
     * already failed again, for a redelivery) with the same topic and the same bytes. Anything else that names it —
     * a stale or forged header — is a record of its own and becomes a dead letter of its own, never a rewrite of
     * another one.
     */
    private boolean failedAgain(long deadLetterId, DeadLetter letter) {
        return jdbc.update("""
                update dead_letters set reason = ?, error_class = ?, status = 'OPEN'
                where id = ? and status in ('REPLAYING', 'OPEN') and source_topic = ? and payload = ?""",
                letter.reason(), letter.rejectionClass().name(), deadLetterId, letter.source().topic(),
                letter.payload()) == 1;
    }

    /** One statement for the batch; what was kept before (a redelivery) is left alone and not returned. */
    private Set<RecordPosition> insert(List<DeadLetter> letters) {
        if (letters.isEmpty()) {
            return Set.of();
        }
        return new HashSet<>(jdbc.query("""
                insert into dead_letters (source_topic, partition_no, offset_no, record_key, payload, reason, error_class,
                    municipality_code)
                select source_topic, partition_no, offset_no, record_key, payload, reason, error_class, municipality_code
                from unnest(?::text[], ?::integer[], ?::bigint[], ?::bytea[], ?::bytea[], ?::text[], ?::text[], ?::text[])
                    with ordinality as l(source_topic, partition_no, offset_no, record_key, payload, reason, error_class,
                    municipality_code, listed)
                order by listed
                on conflict (source_topic, partition_no, offset_no) do nothing
                returning source_topic, partition_no, offset_no""",
                (row, n) -> new RecordPosition(row.getString("source_topic"), row.getInt("partition_no"),
                        row.getLong("offset_no")),
                Columns.of(letters).text(letter -> letter.source().topic()).integer(letter -> letter.source().partition())
                        .bigint(letter -> letter.source().offset()).bytes(DeadLetter::key).bytes(DeadLetter::payload)
                        .text(DeadLetter::reason).text(letter -> letter.rejectionClass().name())
                        .text(letter -> letter.municipality().orElse(null)).parameters()));
    }

    private OutboxMessage announcement(DeadLetter letter) {
        Map<String, String> headers = new HashMap<>(Map.of(
                SOURCE_TOPIC, letter.source().topic(),
                SOURCE_PARTITION, Integer.toString(letter.source().partition()),
                SOURCE_OFFSET, Long.toString(letter.source().offset()),
                REASON, letter.reason(),
                ERROR_CLASS, letter.rejectionClass().name()));
        letter.replayOf().ifPresent(id -> headers.put(REPLAY_OF, Long.toString(id)));
        return new OutboxMessage(topic, announcedKey(letter.key()), letter.payload(), headers);
    }

    /**
     * The record's key as the announcement's key when it is text PostgreSQL can hold (UTF-8 without U+0000); a key
     * that is not goes unannounced, so that it cannot stop the dead letter — its bytes are kept with the record.
     */
    private static String announcedKey(byte[] key) {
        if (key == null) {
            return null;
        }
        try {
            String text = StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(key)).toString();
            return text.indexOf(0) < 0 ? text : null;
        } catch (CharacterCodingException e) {
            return null;
        }
    }
}
