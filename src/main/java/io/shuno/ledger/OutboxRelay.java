package io.shuno.ledger;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.component.kafka.KafkaConstants;
import org.apache.camel.support.DefaultMessage;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Used by the outbox-relay route: takes the oldest outbox rows as Kafka messages, and deletes them once the
 * broker has acknowledged every one. A crash between the two publishes them again with the same
 * ids (at least once); consumers deduplicate by settlementId / exceptionId. The route calls {@link #claim} in a
 * loop: the leader reads the outbox when notified of new rows, when its last claim left rows behind, or once per
 * idle period anyway; any other instance looks once per idle period whether the leader is gone. Each call waits at
 * most a short slice, so stopping the route never waits for an idle period.
 */
@Component("outboxRelay")
public class OutboxRelay {

    static final String CLAIMED_IDS = "shunoOutboxIds";
    /** The longest one call waits, and so the longest stopping the route waits for it. */
    private static final int WAIT_SLICE_MILLIS = 200;
    private static final TypeReference<Map<String, String>> HEADERS = new TypeReference<>() {
    };

    private final JdbcTemplate jdbc;
    private final OutboxLeadership leadership;
    private final ObjectMapper json;
    private final CamelContext camel;
    private final int batchSize;
    private final int idleMillis;
    private boolean rowsLeft = true;
    private long lastLookNanos;

    OutboxRelay(JdbcTemplate jdbc, OutboxLeadership leadership, ObjectMapper json, CamelContext camel,
                @Value("${shuno.relay.batch-size}") int batchSize, @Value("${shuno.relay.idle-ms}") int idleMillis) {
        this.jdbc = jdbc;
        this.leadership = leadership;
        this.json = json;
        this.camel = camel;
        this.batchSize = batchSize;
        this.idleMillis = idleMillis;
    }

    public List<Message> claim(Exchange exchange) throws InterruptedException {
        if (!rowsLeft && !idlePeriodOver()
                && !leadership.awaitAppended(WAIT_SLICE_MILLIS) && !idlePeriodOver()) {
            return List.of();
        }
        lastLookNanos = System.nanoTime();
        if (!leadership.isLeader()) {
            rowsLeft = false;
            return List.of();
        }
        List<Long> ids = new ArrayList<>();
        List<Message> messages = jdbc.query("""
                select id, topic, message_key, payload, headers::text from outbox order by id limit ?""",
                (row, n) -> {
            ids.add(row.getLong(1));
            Message message = new DefaultMessage(camel);
            message.setBody(row.getBytes(4));
            message.setHeader(KafkaConstants.OVERRIDE_TOPIC, row.getString(2));
            String key = row.getString(3);
            if (key != null) {
                message.setHeader(KafkaConstants.KEY, key);
            }
            parseHeaders(row.getString(5)).forEach(message::setHeader);
            return message;
        }, batchSize);
        rowsLeft = messages.size() == batchSize;
        exchange.setProperty(CLAIMED_IDS, ids);
        return messages;
    }

    private boolean idlePeriodOver() {
        return System.nanoTime() - lastLookNanos >= TimeUnit.MILLISECONDS.toNanos(idleMillis);
    }

    public void deletePublished(Exchange exchange) {
        List<?> ids = exchange.getProperty(CLAIMED_IDS, List.class);
        jdbc.update("delete from outbox where id = any(?)",
                (Object) ids.stream().map(Long.class::cast).toArray(Long[]::new));
    }

    private Map<String, String> parseHeaders(String headers) {
        try {
            return json.readValue(headers, HEADERS);
        } catch (IOException e) {
            throw new UncheckedIOException("outbox headers are written by shuno as a JSON object", e);
        }
    }
}
