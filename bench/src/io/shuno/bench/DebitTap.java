package io.shuno.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.kafka.clients.consumer.ConsumerRecord;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * Follows one dropped 口座振替 result file through shuno: its rows as shuno publishes them on the direct-debit results
 * topic, and the settlements that follow on the settlement topic (from where it stood when the tap started), with
 * when the last of each was published and what every row's settlements net to.
 */
final class DebitTap extends TopicTap {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final DebitRun run;
    private final String resultsTopic;
    private final long[] net;
    private final boolean[] settled;
    private final Set<UUID> ids = new HashSet<>();
    private long published;
    private long firstPublishedMillis = Long.MAX_VALUE;
    private long lastPublishedMillis = Long.MIN_VALUE;
    private int settledRows;
    private long lastSettledMillis = Long.MIN_VALUE;
    private long duplicateIds;
    private long unbalanced;

    DebitTap(String brokers, Infrastructure.Deployment deployment, DebitRun run) {
        super(brokers, "debit-tap");
        this.run = run;
        this.resultsTopic = deployment.directDebitResults();
        this.net = new long[run.rows()];
        this.settled = new boolean[run.rows()];
        // The results topic from its beginning; the settlements booked from now on are the file's.
        start(partitions(resultsTopic), partitions(deployment.settlements()));
    }

    @Override
    synchronized void take(ConsumerRecord<String, byte[]> record, long visibleNanos) throws IOException {
        if (record.topic().equals(resultsTopic)) {
            published++;
            firstPublishedMillis = Math.min(firstPublishedMillis, record.timestamp());
            lastPublishedMillis = Math.max(lastPublishedMillis, record.timestamp());
            return;
        }
        JsonNode settlement = JSON.readTree(record.value());
        int row = run.rowOf(settlement.get("paymentRef").asText());
        if (row < 0) {
            return;
        }
        if (!ids.add(UUID.fromString(settlement.get("settlementId").asText()))) {
            duplicateIds++;
            return;
        }
        if (!SettlementTap.balances(settlement)) {
            unbalanced++;
        }
        net[row] += SettlementTap.netAmount(settlement);
        if (!settled[row]) {
            settled[row] = true;
            settledRows++;
        }
        lastSettledMillis = Math.max(lastSettledMillis, record.timestamp());
    }

    /**
     * Waits until every row is published and every debited row has a settlement; gives up at {@code timeout}, or
     * once nothing more has come for {@code quiet} (the file refused, or nothing settling the rows). Returns whether
     * everything came.
     */
    boolean await(Duration timeout, Duration quiet) throws InterruptedException {
        Instant deadline = Instant.now().plus(timeout);
        Instant lastProgress = Instant.now();
        long progress = -1;
        while (Instant.now().isBefore(deadline)) {
            synchronized (this) {
                checkHealthy();
                if (published >= run.rows() && settledRows >= run.debitedRows()) {
                    return true;
                }
                if (published + settledRows != progress) {
                    progress = published + settledRows;
                    lastProgress = Instant.now();
                } else if (published > 0 && Instant.now().isAfter(lastProgress.plus(quiet))) {
                    return false;
                }
            }
            Thread.sleep(100);
        }
        return false;
    }

    synchronized long published() {
        return published;
    }

    synchronized int settledRows() {
        return settledRows;
    }

    /** Milliseconds from {@code droppedMillis} to the first and the last row published by shuno. */
    synchronized long[] publishedAfter(long droppedMillis) {
        return new long[] {firstPublishedMillis - droppedMillis, lastPublishedMillis - droppedMillis};
    }

    /** Milliseconds from {@code droppedMillis} to the last settlement of the file's rows. */
    synchronized long lastSettledAfter(long droppedMillis) {
        return lastSettledMillis - droppedMillis;
    }

    /**
     * Every row published; every debited row netting its amount; a row not debited booking nothing; and, when
     * {@code settlementRows} (what the database booked since the tap started) is known, that many settlements on the
     * topic.
     */
    synchronized List<String> violations(long settlementRows) {
        checkHealthy();
        List<String> violations = new ArrayList<>();
        long neverSettled = 0;
        long wrongNet = 0;
        long bookedWithoutDebit = 0;
        for (int row = 0; row < run.rows(); row++) {
            long expected = run.settles(row);
            if (expected > 0 && !settled[row]) {
                neverSettled++;
            } else if (expected == 0 && settled[row]) {
                bookedWithoutDebit++;
            } else if (net[row] != expected) {
                wrongNet++;
            }
        }
        SettlementTap.report(violations, run.rows() - published, "rows of the file never published");
        SettlementTap.report(violations, neverSettled, "debited rows without any settlement");
        SettlementTap.report(violations, wrongNet, "debited rows whose settlements do not net to the amount debited");
        SettlementTap.report(violations, bookedWithoutDebit, "rows not debited with a settlement");
        SettlementTap.report(violations, duplicateIds, "settlementIds published twice");
        SettlementTap.report(violations, unbalanced, "settlements whose debits and credits differ from their amount");
        if (settlementRows >= 0 && ids.size() != settlementRows) {
            violations.add("the file's settlements on the topic (" + ids.size() + ") ≠ settlements the database booked"
                    + " meanwhile (" + settlementRows + ")");
        }
        return violations;
    }
}
