package io.shuno.ledger;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.component.kafka.KafkaConstants;
import org.apache.camel.support.DefaultMessage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * Used by the outbox-relay route: takes the oldest outbox rows and the settlements not yet published
 * ({@link SettlementPublication}) as Kafka messages, and once the broker has acknowledged every one, deletes those
 * rows and moves the settlements' published position past them. A crash between the two publishes them again with
 * the same ids (at least once); consumers deduplicate by settlementId / exceptionId. The route calls {@link #claim}
 * in a loop: the leader reads when notified of new rows, when its last claim left rows behind, soon again when
 * settlements wait for an older transaction, or once per idle period anyway; any other instance looks once per idle
 * period whether the leader is gone. Each call waits at most a short slice, so stopping the route never waits for an
 * idle period.
 */
@Component("outboxRelay")
public class OutboxRelay {

    static final String CLAIMED_IDS = "shunoOutboxIds";
    static final String CLAIMED_SETTLEMENTS = "shunoSettlementsThrough";
    /** The longest one call waits, and so the longest stopping the route waits for it. */
    private static final int WAIT_SLICE_MILLIS = 200;
    /**
     * How soon to look again at settlements that wait for an older transaction: it may commit without booking
     * anything, and so without waking the relay. Soon at first (a batch of another instance is about to commit), then
     * less and less often, should a long transaction hold them back.
     */
    private static final Logger log = LoggerFactory.getLogger(OutboxRelay.class);
    private static final int FIRST_RECHECK_MILLIS = 5;
    private static final int LAST_RECHECK_MILLIS = 200;
    /** How long settlements may wait for an older transaction before operators are told. */
    private static final long HELD_BACK_WARNING_NANOS = TimeUnit.SECONDS.toNanos(10);
    private static final TypeReference<Map<String, String>> HEADERS = new TypeReference<>() {
    };

    private final JdbcTemplate jdbc;
    private final OutboxLeadership leadership;
    private final SettlementPublication settlements;
    private final ObjectMapper json;
    private final CamelContext camel;
    private final int batchSize;
    private final int idleMillis;
    private boolean rowsLeft = true;
    private boolean settlementsWaiting;
    private int recheckMillis = FIRST_RECHECK_MILLIS;
    private long waitingSinceNanos;
    private boolean heldBackReported;
    private long lastLookNanos;

    OutboxRelay(JdbcTemplate jdbc, OutboxLeadership leadership, SettlementPublication settlements, ObjectMapper json,
                CamelContext camel, @Value("${shuno.relay.batch-size}") int batchSize,
                @Value("${shuno.relay.idle-ms}") int idleMillis) {
        this.jdbc = jdbc;
        this.leadership = leadership;
        this.settlements = settlements;
        this.json = json;
        this.camel = camel;
        this.batchSize = batchSize;
        this.idleMillis = idleMillis;
    }

    public List<Message> claim(Exchange exchange) throws InterruptedException {
        if (!rowsLeft && !idlePeriodOver()
                && !leadership.awaitAppended(settlementsWaiting ? recheckMillis : WAIT_SLICE_MILLIS)
                && !settlementsWaiting && !idlePeriodOver()) {
            return List.of();
        }
        lastLookNanos = System.nanoTime();
        if (!leadership.isLeader()) {
            rowsLeft = false;
            settlementsWaiting = false;
            return List.of();
        }
        List<Long> ids = new ArrayList<>();
        List<Message> messages = new ArrayList<>(jdbc.query("""
                select id, topic, message_key, payload, headers::text as headers from outbox order by id limit ?""",
                (row, n) -> {
            ids.add(row.getLong("id"));
            return message(new OutboxMessage(row.getString("topic"), row.getString("message_key"),
                    row.getBytes("payload"), parseHeaders(row.getString("headers"))));
        }, batchSize));
        exchange.setProperty(CLAIMED_IDS, ids);
        // Outbox rows first: settlements booked before V15 wait there, and go before what was booked after.
        SettlementPublication.Batch booked = messages.size() < batchSize
                ? settlements.next(batchSize - messages.size())
                : new SettlementPublication.Batch(List.of(), Optional.empty(), false);
        booked.messages().forEach(message -> messages.add(message(message)));
        booked.last().ifPresent(last -> exchange.setProperty(CLAIMED_SETTLEMENTS, last));
        rowsLeft = messages.size() == batchSize;
        waiting(booked.waiting());
        return messages;
    }

    /**
     * Settlements wait for the transactions that began before them to end (see SettlementPublication): any transaction
     * of the PostgreSQL server, also of another database. One that stays open holds every settlement back, which
     * operators must hear of: it is said once, with how to find it.
     */
    private void waiting(boolean waiting) {
        if (!waiting) {
            settlementsWaiting = false;
            recheckMillis = FIRST_RECHECK_MILLIS;
            heldBackReported = false;
            return;
        }
        long now = System.nanoTime();
        if (!settlementsWaiting) {
            waitingSinceNanos = now;
        } else {
            recheckMillis = Math.min(recheckMillis * 2, LAST_RECHECK_MILLIS);
        }
        settlementsWaiting = true;
        if (!heldBackReported && now - waitingSinceNanos > HELD_BACK_WARNING_NANOS) {
            heldBackReported = true;
            log.warn("settlements have been held back for {} s by a transaction of the database server that began "
                    + "before they were booked and is still open (find it: select pid, datname, xact_start, state "
                    + "from pg_stat_activity where backend_xid is not null order by xact_start); they leave as soon as "
                    + "it ends", TimeUnit.NANOSECONDS.toSeconds(now - waitingSinceNanos));
        }
    }

    private boolean idlePeriodOver() {
        return System.nanoTime() - lastLookNanos >= TimeUnit.MILLISECONDS.toNanos(idleMillis);
    }

    /** After the broker acknowledged the whole claim. */
    public void published(Exchange exchange) {
        List<?> ids = exchange.getProperty(CLAIMED_IDS, List.class);
        if (!ids.isEmpty()) {
            jdbc.update("delete from outbox where id = any(?)",
                    (Object) ids.stream().map(Long.class::cast).toArray(Long[]::new));
        }
        SettlementPublication.Position through = exchange.getProperty(CLAIMED_SETTLEMENTS,
                SettlementPublication.Position.class);
        if (through != null) {
            settlements.publishedThrough(through);
        }
    }

    private Message message(OutboxMessage outboxMessage) {
        Message message = new DefaultMessage(camel);
        message.setBody(outboxMessage.payload());
        message.setHeader(KafkaConstants.OVERRIDE_TOPIC, outboxMessage.topic());
        if (outboxMessage.key() != null) {
            message.setHeader(KafkaConstants.KEY, outboxMessage.key());
        }
        outboxMessage.headers().forEach(message::setHeader);
        return message;
    }

    private Map<String, String> parseHeaders(String headers) {
        try {
            return json.readValue(headers, HEADERS);
        } catch (IOException e) {
            throw new UncheckedIOException("outbox headers are written by shuno as a JSON object", e);
        }
    }
}
