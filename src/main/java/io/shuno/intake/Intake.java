package io.shuno.intake;

import com.fasterxml.jackson.databind.JsonNode;
import io.shuno.deadletters.DeadLetter;
import io.shuno.deadletters.DeadLetters;
import io.shuno.deadletters.RejectionClass;
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

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * The bean behind one intake route. For each batch of records: parse, validate and read every record, dead-letter
 * the ones that cannot be read, apply the others — all in one database transaction — and only then commit, per
 * partition, the offset of the last record handled. A crash anywhere before the commit means the batch is read
 * again, and the inbox turns the second reading into a no-op.
 * <p>
 * A record's content can never hold its partition: whatever goes wrong reading it makes it a dead letter, and a
 * batch that fails to apply for a reason that is not infrastructure is bisected until the record that fails alone is
 * found and dead-lettered ({@link RejectionClass#APPLY_FAILED}); the rest is applied. Only an infrastructure fault
 * (database or broker unreachable, serialization failure, deadlock) fails the batch, to be read again after a
 * back-off.
 */
public class Intake<T> {

    private static final Logger log = LoggerFactory.getLogger(Intake.class);
    private static final int MAX_REPORTED_VIOLATIONS = 5;

    private final RecordFormat<T> format;
    private final SchemaCatalog schemas;
    private final RecordParser parser = new RecordParser();
    private final TransactionTemplate transactions;
    private final DeadLetters deadLetters;
    private final Consumer<List<Inbound<T>>> apply;
    private final RetryBackOff backOff = new RetryBackOff();

    Intake(RecordFormat<T> format, SchemaCatalog schemas, TransactionTemplate transactions,
           DeadLetters deadLetters, Consumer<List<Inbound<T>>> apply) {
        this.format = format;
        this.schemas = schemas;
        this.transactions = transactions;
        this.deadLetters = deadLetters;
        this.apply = apply;
    }

    /** A record that was read, with what its dead letter would need should applying it fail. */
    private record Readable<T>(Inbound<T> inbound, byte[] key, byte[] payload, JsonNode document,
                               Optional<Long> replayOf) {
    }

    public void accept(List<Exchange> records) {
        List<Readable<T>> accepted = new ArrayList<>(records.size());
        List<DeadLetter> rejected = new ArrayList<>();
        for (Exchange record : records) {
            Message message = record.getMessage();
            RecordPosition position = new RecordPosition(message.getHeader(KafkaConstants.TOPIC, String.class),
                    message.getHeader(KafkaConstants.PARTITION, Integer.class),
                    message.getHeader(KafkaConstants.OFFSET, Long.class));
            byte[] key = message.getHeader(KafkaConstants.KEY, byte[].class);
            byte[] value = message.getBody(byte[].class);
            byte[] payload = value == null ? new byte[0] : value;
            Optional<Long> replayOf = Replays.replayOf(message);
            JsonNode document = null;
            try {
                document = parser.parse(value);
                accepted.add(new Readable<>(readOrReject(position, document), key, payload, document, replayOf));
            } catch (RejectedRecordException e) {
                rejected.add(new DeadLetter(position, key, payload, e.rejectionClass(), e.getMessage(),
                        ClaimedMunicipality.of(document), replayOf));
            }
        }
        List<DeadLetter> failedToApply;
        try {
            failedToApply = applyOrIsolate(accepted, rejected);
        } catch (RuntimeException e) {
            backOff.failed();
            throw e;
        }
        backOff.succeeded();
        commitOffsets(records);
        rejected.addAll(failedToApply);
        if (!rejected.isEmpty()) {
            log.warn("{}: dead-lettered {} of {} records ({})", format.schemaName(), rejected.size(), records.size(),
                    rejected.stream().map(d -> d.rejectionClass().name()).distinct().toList());
        }
        log.debug("{}: handled a batch of {} records", format.schemaName(), records.size());
    }

    /**
     * Keeps the dead letters and applies the rest in one transaction. If that fails for a reason that is not
     * infrastructure, keeps the dead letters on their own and bisects the rest: returns the records that failed to
     * apply alone, now dead letters too.
     */
    private List<DeadLetter> applyOrIsolate(List<Readable<T>> accepted, List<DeadLetter> rejected) {
        try {
            transactions.executeWithoutResult(status -> {
                applyInOrder(accepted);
                deadLetters.keep(rejected);
            });
            return List.of();
        } catch (RuntimeException batchFailure) {
            if (InfrastructureFaults.isInfrastructure(batchFailure) || accepted.isEmpty()) {
                throw batchFailure;
            }
            log.warn("{}: a batch of {} records failed to apply ({}); looking for the record that causes it",
                    format.schemaName(), accepted.size(), batchFailure.getClass().getSimpleName());
            transactions.executeWithoutResult(status -> deadLetters.keep(rejected));
            List<DeadLetter> failedToApply = new ArrayList<>();
            Bisection.isolate(accepted, batchFailure,
                    part -> transactions.executeWithoutResult(status -> applyInOrder(part)),
                    (culprit, failure) -> {
                        DeadLetter letter = failedToApply(culprit, failure);
                        transactions.executeWithoutResult(status -> deadLetters.keep(List.of(letter)));
                        failedToApply.add(letter);
                    });
            return failedToApply;
        }
    }

    /**
     * Applies the records and closes the dead letters their replays came from, in the caller's transaction. Applying
     * comes first: it takes the invoices' locks, which must precede the transaction's first write (see
     * ReconciliationLocks).
     */
    private void applyInOrder(List<Readable<T>> readable) {
        apply.accept(readable.stream().map(Readable::inbound).toList());
        deadLetters.replayed(readable.stream().flatMap(r -> r.replayOf().stream()).toList());
    }

    private DeadLetter failedToApply(Readable<T> culprit, RuntimeException failure) {
        log.warn("{}: the record at {} fails to apply on its own ({}); dead-lettered", format.schemaName(),
                culprit.inbound().position(), failure.getClass().getSimpleName());
        return new DeadLetter(culprit.inbound().position(), culprit.key(), culprit.payload(),
                RejectionClass.APPLY_FAILED, "read without fault, but applying it fails: " + describe(failure),
                ClaimedMunicipality.of(culprit.document()), culprit.replayOf());
    }

    /**
     * The failure in one line: a database error by its SQLState and first line (its detail lines may quote the row,
     * personal data included), any other by its class and first line.
     */
    private static String describe(Throwable failure) {
        for (Throwable cause = failure; cause != null && cause.getCause() != cause; cause = cause.getCause()) {
            if (cause instanceof SQLException sql) {
                return "database error " + sql.getSQLState() + ": " + firstLine(sql.getMessage());
            }
        }
        return failure.getClass().getSimpleName() + ": " + firstLine(failure.getMessage());
    }

    private static String firstLine(String message) {
        return message == null ? "" : message.lines().findFirst().orElse("");
    }

    /** Everything after parsing; whatever it throws, the record is rejected with a reason, never the batch failed. */
    private Inbound<T> readOrReject(RecordPosition position, JsonNode document) throws RejectedRecordException {
        try {
            return read(position, document);
        } catch (RuntimeException e) {
            // Not a rule shuno states, so its message is not shown: it might quote the content. Nor is it logged:
            // where it was thrown says enough to find the cause.
            log.warn("{}: reading the record at {} failed unexpectedly: {} at {}", format.schemaName(), position,
                    e.getClass().getName(), e.getStackTrace().length == 0 ? "?" : e.getStackTrace()[0]);
            throw new RejectedRecordException(RejectionClass.INVALID_PAYLOAD,
                    "could not be read (" + e.getClass().getSimpleName() + ")");
        }
    }

    private Inbound<T> read(RecordPosition position, JsonNode document) throws RejectedRecordException {
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
        return new Inbound<>(format.messageId(document),
                new Fingerprint(ContentIdentity.of(format.schemaName()).digest(document)), position, command);
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
