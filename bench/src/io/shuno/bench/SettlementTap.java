package io.shuno.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.kafka.clients.consumer.ConsumerRecord;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLongArray;

/**
 * Reads the settlement topic from its beginning, as the treasury ledger would, while shuno runs: what every payment
 * nets to, which settlement ids came twice, whether each message balances, when the backlog's first and last
 * settlements were published, and when each latency payment's settlement became visible here.
 */
final class SettlementTap extends TopicTap {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final DataSet data;
    private final long[] net;
    private final boolean[] settled;
    private final Set<UUID> ids = new HashSet<>();
    private final AtomicLongArray latencySentNanos;
    private final long[] latencyVisibleNanos;
    private final AtomicLongArray latencySentMillis;
    private final long[] latencyPublishedMillis;
    private long messages;
    private long duplicateIds;
    private long unbalanced;
    private long foreign;
    private long backlogFirstMillis = Long.MAX_VALUE;
    private long backlogLastMillis = Long.MIN_VALUE;
    private final long[] backlogSettledMillis;

    SettlementTap(String brokers, String topic, DataSet data) {
        super(brokers, "settlement-tap");
        this.data = data;
        this.net = new long[data.payments()];
        this.settled = new boolean[data.payments()];
        this.backlogSettledMillis = new long[data.backlogPayments()];
        this.latencySentNanos = new AtomicLongArray(data.latencyPayments());
        this.latencyVisibleNanos = new long[data.latencyPayments()];
        this.latencySentMillis = new AtomicLongArray(data.latencyPayments());
        this.latencyPublishedMillis = new long[data.latencyPayments()];
        start(partitions(topic), List.of());
    }

    @Override
    synchronized void take(ConsumerRecord<String, byte[]> record, long visibleNanos) throws IOException {
        JsonNode settlement = JSON.readTree(record.value());
        messages++;
        if (!ids.add(UUID.fromString(settlement.get("settlementId").asText()))) {
            duplicateIds++;
            return;
        }
        if (!balances(settlement)) {
            unbalanced++;
        }
        int payment = DataSet.paymentOf(settlement.get("paymentRef").asText());
        if (payment < 0 || payment >= net.length) {
            foreign++;
            return;
        }
        net[payment] += netAmount(settlement);
        settled[payment] = true;
        int latencyIndex = payment - data.backlogPayments();
        if (latencyIndex >= 0) {
            if (latencyVisibleNanos[latencyIndex] == 0) {
                latencyVisibleNanos[latencyIndex] = visibleNanos;
                latencyPublishedMillis[latencyIndex] = record.timestamp();
            }
        } else {
            backlogFirstMillis = Math.min(backlogFirstMillis, record.timestamp());
            backlogLastMillis = Math.max(backlogLastMillis, record.timestamp());
            if (backlogSettledMillis[payment] == 0) {
                backlogSettledMillis[payment] = record.timestamp();
            }
        }
    }

    /** Whether a settlement's DEBIT entries and its CREDIT entries each add up to its amount. */
    static boolean balances(JsonNode settlement) {
        long amount = settlement.get("amount").asLong();
        long debits = 0;
        long credits = 0;
        for (JsonNode entry : settlement.get("entries")) {
            if ("DEBIT".equals(entry.get("side").asText())) {
                debits += entry.get("amount").asLong();
            } else {
                credits += entry.get("amount").asLong();
            }
        }
        return debits == amount && credits == amount;
    }

    /** What a settlement adds to its payment's net: its amount, taken away by a REVERSAL. */
    static long netAmount(JsonNode settlement) {
        long amount = settlement.get("amount").asLong();
        return "REVERSAL".equals(settlement.get("kind").asText()) ? -amount : amount;
    }

    void latencyNoticeSent(int index, long nanos, long wallMillis) {
        latencySentNanos.set(index, nanos);
        latencySentMillis.set(index, wallMillis);
    }

    synchronized long messages() {
        checkHealthy();
        return messages;
    }

    /** Seconds between the first and the last settlement of the backlog, by the time shuno published them. */
    synchronized double backlogSeconds() {
        return (backlogLastMillis - backlogFirstMillis) / 1000.0;
    }

    /**
     * The backlog's payments settled after the first {@code warmUpPercent} % of them, and the seconds from there to
     * the last: the rate once shuno's JIT compiler has done most of its work.
     */
    synchronized Window afterWarmUp(int warmUpPercent) {
        long[] times = Arrays.stream(backlogSettledMillis).filter(t -> t != 0).sorted().toArray();
        int from = (int) ((long) times.length * warmUpPercent / 100);
        if (times.length - from < 2) {
            return new Window(0, 0);
        }
        return new Window(times.length - 1 - from, (times[times.length - 1] - times[from]) / 1000.0);
    }

    /** Payments first settled within a stretch of the drain, and its length. */
    record Window(int payments, double seconds) {
    }

    /** Notice produced → settlement visible to a consumer, per latency payment, in milliseconds, as far as seen. */
    synchronized double[] latenciesMillis() {
        double[] latencies = new double[latencyVisibleNanos.length];
        int seen = 0;
        for (int i = 0; i < latencyVisibleNanos.length; i++) {
            if (latencyVisibleNanos[i] != 0) {
                latencies[seen++] = (latencyVisibleNanos[i] - latencySentNanos.get(i)) / 1e6;
            }
        }
        return Arrays.copyOf(latencies, seen);
    }

    /**
     * Where each latency went, in milliseconds by the wall clock: notice produced → shuno's relay handed its
     * settlement to the producer (the settlement's record timestamp), and from there → visible to this consumer.
     */
    synchronized double[][] latencySplitMillis() {
        double[] inShuno = new double[latencyVisibleNanos.length];
        double[] afterShuno = new double[latencyVisibleNanos.length];
        int seen = 0;
        for (int i = 0; i < latencyVisibleNanos.length; i++) {
            if (latencyVisibleNanos[i] != 0) {
                long visibleMillis = latencySentMillis.get(i) + (latencyVisibleNanos[i] - latencySentNanos.get(i)) / 1_000_000;
                inShuno[seen] = latencyPublishedMillis[i] - latencySentMillis.get(i);
                afterShuno[seen++] = visibleMillis - latencyPublishedMillis[i];
            }
        }
        return new double[][] {Arrays.copyOf(inShuno, seen), Arrays.copyOf(afterShuno, seen)};
    }

    /**
     * The invariants on everything read so far, for the first {@code paymentsMade} payments of the data set (those
     * sent); an empty list when every yen is where it belongs.
     */
    synchronized List<String> violations(int paymentsMade, long settlementRows) {
        checkHealthy();
        List<String> violations = new ArrayList<>();
        long wrongNet = 0;
        long neverSettled = 0;
        long settledButNotConfirmed = 0;
        for (int payment = 0; payment < paymentsMade; payment++) {
            long expected = data.confirmedAmount(payment);
            if (expected > 0 && !settled[payment]) {
                neverSettled++;
            } else if (expected == 0 && settled[payment] && net[payment] != 0) {
                settledButNotConfirmed++;
            } else if (net[payment] != expected) {
                wrongNet++;
            }
        }
        report(violations, neverSettled, "confirmed payments without any settlement");
        report(violations, wrongNet, "payments whose REVENUE+OVERPAYMENT+SUSPENSE−REVERSAL differs from the amount paid");
        report(violations, settledButNotConfirmed, "withdrawn payments with money booked");
        report(violations, duplicateIds, "settlementIds published twice");
        report(violations, unbalanced, "settlements whose debits and credits differ from their amount");
        report(violations, foreign, "settlements for payments the benchmark never made");
        if (ids.size() != settlementRows) {
            violations.add("distinct settlements on the topic (" + ids.size() + ") ≠ settlements in the database ("
                    + settlementRows + ")");
        }
        return violations;
    }

    static void report(List<String> violations, long count, String what) {
        if (count > 0) {
            violations.add(count + " " + what);
        }
    }
}
