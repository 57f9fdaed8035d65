package io.shuno.intake;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.shuno.matching.Fingerprint;
import io.shuno.matching.Inbound;
import io.shuno.matching.RecordPosition;
import io.shuno.reconciliation.InvalidIdentifierException;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.component.kafka.KafkaConstants;
import org.apache.camel.component.kafka.consumer.DefaultKafkaManualCommit;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.transaction.support.TransactionTemplate;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * The bean behind one intake route. For each batch of records: validate and read every record, dead-letter the
 * invalid ones, apply the valid ones — all in one database transaction — and only then commit, per partition, the
 * offset of the last record handled. A crash anywhere before the commit means the batch is read again, and the
 * inbox turns the second reading into a no-op.
 */
public class Intake<T> {

    private static final Logger log = LoggerFactory.getLogger(Intake.class);
    private static final int MAX_REPORTED_VIOLATIONS = 5;

    private final RecordFormat<T> format;
    private final SchemaCatalog schemas;
    private final ObjectMapper json;
    private final TransactionTemplate transactions;
    private final DeadLetters deadLetters;
    private final Consumer<List<Inbound<T>>> apply;
    private final RetryBackOff backOff = new RetryBackOff();

    Intake(RecordFormat<T> format, SchemaCatalog schemas, ObjectMapper json, TransactionTemplate transactions,
           DeadLetters deadLetters, Consumer<List<Inbound<T>>> apply) {
        this.format = format;
        this.schemas = schemas;
        this.json = json;
        this.transactions = transactions;
        this.deadLetters = deadLetters;
        this.apply = apply;
    }

    public void accept(List<Exchange> records) {
        List<Inbound<T>> accepted = new ArrayList<>(records.size());
        List<DeadLetter> rejected = new ArrayList<>();
        List<Long> replaysAccepted = new ArrayList<>();
        for (Exchange record : records) {
            Message message = record.getMessage();
            RecordPosition position = new RecordPosition(message.getHeader(KafkaConstants.TOPIC, String.class),
                    message.getHeader(KafkaConstants.PARTITION, Integer.class),
                    message.getHeader(KafkaConstants.OFFSET, Long.class));
            byte[] value = message.getBody(byte[].class);
            Optional<Long> replayOf = Replays.replayOf(message);
            try {
                accepted.add(read(position, value));
                replayOf.ifPresent(replaysAccepted::add);
            } catch (RejectedRecordException e) {
                byte[] payload = value == null ? new byte[0] : value;
                rejected.add(new DeadLetter(position, message.getHeader(KafkaConstants.KEY, byte[].class), payload,
                        e.rejectionClass(), e.getMessage(), ClaimedMunicipality.of(json, payload), replayOf));
            }
        }
        try {
            transactions.executeWithoutResult(status -> {
                deadLetters.keep(rejected);
                deadLetters.replayed(replaysAccepted);
                apply.accept(accepted);
            });
        } catch (RuntimeException e) {
            backOff.failed();
            throw e;
        }
        backOff.succeeded();
        commitOffsets(records);
        if (!rejected.isEmpty()) {
            log.warn("{}: dead-lettered {} of {} records ({})", format.schemaName(), rejected.size(), records.size(),
                    rejected.stream().map(d -> d.rejectionClass().name()).distinct().toList());
        }
        log.debug("{}: handled a batch of {} records", format.schemaName(), records.size());
    }

    private Inbound<T> read(RecordPosition position, byte[] value) throws RejectedRecordException {
        if (value == null || value.length == 0) {
            throw new RejectedRecordException(RejectionClass.NOT_JSON, "empty record: a JSON object was expected");
        }
        JsonNode document;
        try {
            document = json.readTree(value);
        } catch (JsonProcessingException e) {
            // The parser's own message quotes the content, which may hold personal data: report only where it broke.
            throw new RejectedRecordException(RejectionClass.NOT_JSON, "not a JSON document (line "
                    + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr() + ")");
        } catch (java.io.IOException e) {
            throw new RejectedRecordException(RejectionClass.NOT_JSON, "not a JSON document");
        }
        if (document == null || document.isMissingNode()) {
            throw new RejectedRecordException(RejectionClass.NOT_JSON, "not a JSON document");
        }
        List<String> violations = schemas.violations(format.schemaName(), document);
        if (!violations.isEmpty()) {
            throw new RejectedRecordException(RejectionClass.SCHEMA_VIOLATION, "violates " + format.schemaName()
                    + " schema: " + String.join("; ", violations.subList(0, Math.min(violations.size(),
                    MAX_REPORTED_VIOLATIONS))) + (violations.size() > MAX_REPORTED_VIOLATIONS
                    ? " (and " + (violations.size() - MAX_REPORTED_VIOLATIONS) + " more)" : ""));
        }
        T command;
        try {
            command = format.read(new Fields(document));
        } catch (InvalidIdentifierException e) {
            throw new RejectedRecordException(RejectionClass.INVALID_IDENTIFIER, e.getMessage());
        } catch (IllegalArgumentException e) {
            throw new RejectedRecordException(RejectionClass.INVALID_PAYLOAD, e.getMessage());
        }
        return new Inbound<>(format.messageId(document), fingerprint(document, command), position, command);
    }

    /** Content identity of the message's contract content, and the old digest that inbox rows written before have. */
    private Fingerprint fingerprint(JsonNode document, T command) {
        return new Fingerprint(ContentIdentity.of(format.schemaName()).digest(document),
                ContentIdentity.digestOfRecordText(command));
    }

    /**
     * One commit for every partition of the batch, sent without waiting: offsets only spare a restart from reading
     * again what was handled (the inbox makes a second reading a no-op), so a commit that fails or is still in flight
     * at a crash costs a re-read, never a payment. It runs on the polling thread, which owns the consumer.
     */
    private void commitOffsets(List<Exchange> records) {
        Map<TopicPartition, OffsetAndMetadata> next = new HashMap<>();
        DefaultKafkaManualCommit handled = null;
        for (Exchange record : records) {
            handled = record.getMessage().getHeader(KafkaConstants.MANUAL_COMMIT, DefaultKafkaManualCommit.class);
            next.merge(handled.getPartition(), new OffsetAndMetadata(handled.getRecordOffset() + 1),
                    (a, b) -> a.offset() >= b.offset() ? a : b);
        }
        if (handled != null) {
            handled.getCamelExchangePayload().consumer.commitAsync(next, (offsets, failure) -> {
                if (failure != null) {
                    log.warn("{}: offsets {} not committed ({}); those records will be read again and recognised",
                            format.schemaName(), offsets.keySet(), failure.toString());
                }
            });
        }
    }
}
