package io.shuno.intake;

import com.fasterxml.jackson.databind.JsonNode;
import io.shuno.deadletters.DeadLetter;
import io.shuno.deadletters.DeadLetters;
import io.shuno.deadletters.RejectionClass;
import io.shuno.matching.Fingerprint;
import io.shuno.matching.Inbound;
import io.shuno.matching.LoadedState;
import io.shuno.matching.Needs;
import io.shuno.matching.RecordPosition;
import io.shuno.matching.UnitOfWork;
import io.shuno.reconciliation.InvalidIdentifierException;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.component.kafka.KafkaConstants;
import org.apache.camel.component.kafka.consumer.KafkaManualCommit;
import org.apache.kafka.common.TopicPartition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The one batch pipeline behind every intake route, with the topic's {@link Source} as its plug-in. For each batch
 * of records: parse, validate and read every record, dead-letter the ones that cannot be read; then, in one database
 * transaction, gather what the messages need ({@link Source#declareNeeds}), lock and load it all in bulk, skip what
 * the inbox has seen (a conflicting duplicate becomes an exception for staff), let the source decide each new message
 * on the loaded state, and write everything once; only after the commit, per partition, commit the offset of the last
 * record handled. A crash anywhere before the offset commit means the batch is read again, and the inbox turns the
 * second reading into a no-op.
 * <p>
 * A record's content can never hold its partition: whatever goes wrong reading it makes it a dead letter, and a
 * batch that fails to apply for a reason that is not infrastructure is bisected until the record that fails alone is
 * found and dead-lettered ({@link RejectionClass#APPLY_FAILED}); the rest is applied. Only an infrastructure fault
 * (database or broker unreachable, serialization failure, deadlock) fails the batch, to be read again after a
 * back-off.
 */
public class BatchPipeline<T> {

    private static final Logger log = LoggerFactory.getLogger(BatchPipeline.class);
    private static final int MAX_REPORTED_VIOLATIONS = 5;

    private final Source<T> source;
    private final PipelineParts parts;
    private final RecordParser parser = new RecordParser();
    private final RetryBackOff backOff = new RetryBackOff();

    BatchPipeline(Source<T> source, PipelineParts parts) {
        this.source = source;
        this.parts = parts;
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
            log.warn("{}: dead-lettered {} of {} records ({})", source.schemaName(), rejected.size(), records.size(),
                    rejected.stream().map(d -> d.rejectionClass().name()).distinct().toList());
        }
        log.debug("{}: handled a batch of {} records", source.schemaName(), records.size());
    }

    /**
     * Applies the readable records, then keeps the dead letters, in one transaction. If that fails for a reason that
     * is not infrastructure, keeps the dead letters on their own and bisects the rest: returns the records that failed
     * to apply alone, now dead letters too.
     */
    private List<DeadLetter> applyOrIsolate(List<Readable<T>> accepted, List<DeadLetter> rejected) {
        try {
            parts.transactions().executeWithoutResult(status -> {
                applyInOrder(accepted);
                parts.deadLetters().keep(rejected);
            });
            return List.of();
        } catch (RuntimeException batchFailure) {
            if (InfrastructureFaults.isInfrastructure(batchFailure) || accepted.isEmpty()) {
                throw batchFailure;
            }
            log.warn("{}: a batch of {} records failed to apply ({}); looking for the record that causes it",
                    source.schemaName(), accepted.size(), batchFailure.getClass().getSimpleName());
            parts.transactions().executeWithoutResult(status -> parts.deadLetters().keep(rejected));
            List<DeadLetter> failedToApply = new ArrayList<>();
            Bisection.isolate(accepted, batchFailure,
                    part -> parts.transactions().executeWithoutResult(status -> applyInOrder(part)),
                    (culprit, failure) -> {
                        DeadLetter letter = failedToApply(culprit, failure);
                        parts.transactions().executeWithoutResult(status ->
                                parts.deadLetters().keep(List.of(letter)));
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
        apply(readable.stream().map(Readable::inbound).toList());
        parts.deadLetters().replayed(readable.stream().flatMap(r -> r.replayOf().stream()).toList());
    }

    /**
     * Locks and loads what the messages need, decides them in order on that state, and writes what they did. A
     * decision may ask for a payer's open invoices (充当 advice, only for an excess); no source can tell beforehand
     * which payment will be one, so those are loaded — in one query for the whole batch — only when a pass over the
     * batch asked for some not loaded, and the batch is then decided again on the fuller state. Decisions are pure
     * and the dropped pass wrote nothing, so deciding twice costs time in memory only.
     */
    private void apply(List<Inbound<T>> messages) {
        if (messages.isEmpty()) {
            return;
        }
        Needs needs = new Needs();
        messages.forEach(message -> source.declareNeeds(message.command(), needs));
        LoadedState state = parts.store().lockAndLoad(source.schemaName(), needs,
                messages.stream().map(Inbound::messageId).toList());
        UnitOfWork work = decide(messages, state);
        while (!work.payersNotLoaded().isEmpty()) {
            state = parts.store().withOpenInvoicesOf(state, work.payersNotLoaded());
            work = decide(messages, state);
        }
        parts.store().write(work);
    }

    private UnitOfWork decide(List<Inbound<T>> messages, LoadedState state) {
        UnitOfWork work = new UnitOfWork(source.schemaName(), state);
        for (Inbound<T> message : messages) {
            switch (work.seen(message)) {
                case NEW -> source.decide(message, work, parts.reconciler());
                case REDELIVERED -> log.debug("{}: {} was handled before", source.schemaName(), message.position());
                case CONFLICTING -> work.refused(source.conflictingDuplicate(message.command(),
                        message.fingerprint().canonical()));
            }
        }
        return work;
    }

    private DeadLetter failedToApply(Readable<T> culprit, RuntimeException failure) {
        log.warn("{}: the record at {} fails to apply on its own ({}); dead-lettered", source.schemaName(),
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
            log.warn("{}: reading the record at {} failed unexpectedly: {} at {}", source.schemaName(), position,
                    e.getClass().getName(), e.getStackTrace().length == 0 ? "?" : e.getStackTrace()[0]);
            throw new RejectedRecordException(RejectionClass.INVALID_PAYLOAD,
                    "could not be read (" + e.getClass().getSimpleName() + ")");
        }
    }

    private Inbound<T> read(RecordPosition position, JsonNode document) throws RejectedRecordException {
        List<String> violations = parts.schemas().violations(source.schemaName(), document);
        if (!violations.isEmpty()) {
            throw new RejectedRecordException(RejectionClass.SCHEMA_VIOLATION, "violates " + source.schemaName()
                    + " schema: " + String.join("; ", violations.subList(0, Math.min(violations.size(),
                    MAX_REPORTED_VIOLATIONS))) + (violations.size() > MAX_REPORTED_VIOLATIONS
                    ? " (and " + (violations.size() - MAX_REPORTED_VIOLATIONS) + " more)" : ""));
        }
        T command;
        try {
            command = source.read(new Fields(document));
        } catch (InvalidIdentifierException e) {
            throw new RejectedRecordException(RejectionClass.INVALID_IDENTIFIER, e.getMessage());
        } catch (IllegalArgumentException e) {
            throw new RejectedRecordException(RejectionClass.INVALID_PAYLOAD, e.getMessage());
        }
        return new Inbound<>(source.messageId(document),
                new Fingerprint(ContentIdentity.of(source.schemaName()).digest(document)), position, command);
    }

    /**
     * Commits, per partition, the offset after the last record of the batch, through each such record's manual commit
     * (asynchronous: see IntakeConfiguration), on the polling thread, which owns the consumer. Offsets only spare a
     * restart from reading again what was handled (the inbox makes a second reading a no-op), so a commit that fails
     * or is still in flight at a crash costs a re-read, never a payment. A record without a manual commit did not
     * come from a Kafka consumer (a test feeding the pipeline), and has nothing to commit.
     */
    private static void commitOffsets(List<Exchange> records) {
        Map<TopicPartition, Exchange> lastOfPartition = new LinkedHashMap<>();
        for (Exchange record : records) {
            Message message = record.getMessage();
            lastOfPartition.merge(new TopicPartition(message.getHeader(KafkaConstants.TOPIC, String.class),
                    message.getHeader(KafkaConstants.PARTITION, Integer.class)), record, (a, b) ->
                    offsetOf(a) >= offsetOf(b) ? a : b);
        }
        lastOfPartition.values().forEach(last -> Optional.ofNullable(last.getMessage().getHeader(
                KafkaConstants.MANUAL_COMMIT, KafkaManualCommit.class)).ifPresent(KafkaManualCommit::commit));
    }

    private static long offsetOf(Exchange record) {
        return record.getMessage().getHeader(KafkaConstants.OFFSET, Long.class);
    }
}
