package io.shuno.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * Measures shuno against a raw Kafka pass-through on one machine: for each book size a fresh deployment drains the
 * same backlog of notices; on the first, the pass-through moves the same records, a fixed-rate run measures
 * latency and a 口座振替 result file is dropped into shuno's folder and followed to its last settlement. Every run's
 * output is checked for conservation before its figures count. Prints one summary table.
 */
public final class Benchmark {

    private static final long MB = 1024 * 1024;
    private static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("HH:mm:ss");

    /**
     * One drained backlog on a book of a given size: all of it from shuno's cold start, and the part after the
     * warm-up share of its payments was settled.
     */
    record Drain(long untouchedBook, long bookRows, long notices, int payments, double seconds,
                 SettlementTap.Window warm) {

        double noticesPerSecond() {
            return notices / seconds;
        }

        double paymentsPerSecond() {
            return payments / seconds;
        }

        double warmPaymentsPerSecond() {
            return warm.payments() / warm.seconds();
        }

        /** Notices per second once warm, at the day's ratio of notices to payments. */
        double warmNoticesPerSecond() {
            return warmPaymentsPerSecond() * notices / payments;
        }
    }

    /**
     * One dropped 口座振替 result file: its rows, when shuno had published the first and the last of them and booked
     * the last settlement (seconds after the rename into the drop folder; NaN if it never did), the most heap
     * shuno used meanwhile, and the eLTAX notices' sustained rate of the same run beside it.
     */
    record FileDrop(int rows, int debited, double firstPublishedSeconds, double publishedSeconds,
                    double settledSeconds, long maxHeap, double eltaxNoticesPerSecond) {

        double rowsPerSecond() {
            return rows / settledSeconds;
        }

        /** About a minute for a large city's monthly run of 100,000 rows, in proportion for other sizes. */
        double targetSeconds() {
            return 60.0 * rows / 100_000;
        }
    }

    private Benchmark() {
    }

    public static void main(String[] args) throws Exception {
        BenchOptions options = BenchOptions.parse(args, System.getenv());
        List<Drain> drains = new ArrayList<>();
        List<String> violations = new ArrayList<>();
        double passThrough = 0;
        double[] latencies = new double[0];
        long maxHeap = 0;
        long maxRss = 0;
        FileDrop fileDrop = null;
        try (Infrastructure infrastructure = Infrastructure.start(options)) {
            log("%s; %d partitions; %d cores", infrastructure.describe(), options.partitions(),
                    Runtime.getRuntime().availableProcessors());
            for (long size : options.bookSizes()) {
                boolean first = drains.isEmpty();
                DataSet data = new DataSet(options.seed(), size, options.notices(),
                        first ? options.latencyPayments() : 0);
                if (first) {
                    log("day: %,d notices for %,d payments, mix %s", data.backlog().size(), data.backlogPayments(),
                            data.mix());
                }
                Infrastructure.Deployment deployment = infrastructure.newDeployment("book" + size);
                long loadStart = System.nanoTime();
                long loaded = BookLoader.copy(deployment, data);
                log("[%s] copied %,d open invoices in %.1f s", label(size), loaded, seconds(loadStart));
                try (Publisher publisher = new Publisher(infrastructure.brokers(), 20)) {
                    publisher.publishDay(deployment, data);
                }
                if (first) {
                    String target = deployment.topic("passthrough");
                    infrastructure.createTopics(List.of(target));
                    passThrough = PassThrough.recordsPerSecond(infrastructure.brokers(), deployment.notices(), target,
                            data.backlog().size());
                    log("raw pass-through: %,.0f records/s", passThrough);
                }
                // Read before shuno starts, so that its first batches count; its migrations add a few rows.
                DatabaseWrites writesBefore = DatabaseWrites.now(deployment);
                try (SettlementTap tap = new SettlementTap(infrastructure.brokers(), deployment.settlements(), data);
                     Completion completion = new Completion(infrastructure.brokers(), deployment);
                     ShunoProcess shuno = ShunoProcess.start(options, infrastructure.brokers(), deployment)) {
                    CpuTime started = CpuTime.now(shuno);
                    long booked = completion.await(tap, shuno, Duration.ofMinutes(10 + options.notices() / 10_000));
                    CpuTime drained = CpuTime.now(shuno).since(started);
                    // The statistics of the last transactions arrive within a second.
                    Thread.sleep(1_000);
                    String written = DatabaseWrites.now(deployment).describeSince(writesBefore, data.backlog().size());
                    Drain drain = new Drain(size, loaded + data.invoicesIssuedLate().size(), data.backlog().size(),
                            data.backlogPayments(), tap.backlogSeconds(), tap.afterWarmUp(options.warmUpPercent()));
                    drains.add(drain);
                    log("[%s] drained %,d notices in %.1f s: %,.0f notices/s, %,.0f payments/s", label(size),
                            drain.notices(), drain.seconds(), drain.noticesPerSecond(), drain.paymentsPerSecond());
                    log("[%s] after the first %d %% of its payments: %,d payments in %.1f s, %,.0f payments/s",
                            label(size), options.warmUpPercent(), drain.warm().payments(), drain.warm().seconds(),
                            drain.warmPaymentsPerSecond());
                    log("[%s] CPU from shuno healthy to the backlog drained: %s", label(size), drained.describe());
                    log("[%s] rows written while draining (+inserted ~updated (heap-only) -deleted): %s", label(size), written);
                    int paymentsMade = data.backlogPayments();
                    if (first) {
                        CpuTime offered = CpuTime.now(shuno);
                        offerAtFixedRate(infrastructure.brokers(), deployment, data, tap, options.latencyRate());
                        log("[%s] CPU while offering: %s", label(size), CpuTime.now(shuno).since(offered).describe());
                        booked = completion.await(tap, shuno, Duration.ofMinutes(5));
                        latencies = tap.latenciesMillis();
                        logLatencyBySecond(latencies, options.latencyRate());
                        logLatencySplit(tap.latencySplitMillis());
                        paymentsMade = data.payments();
                    }
                    List<String> found = tap.violations(paymentsMade, booked);
                    found.forEach(violation -> violations.add("[" + label(size) + "] " + violation));
                    log("[%s] %,d settlements checked: %s", label(size), booked,
                            found.isEmpty() ? "every payment settled once, in full" : found);
                    if (first && options.fileRows() > 0) {
                        List<String> fileViolations = new ArrayList<>();
                        fileDrop = dropDebitResults(infrastructure, deployment, data, options, shuno, completion,
                                tap, drain, fileViolations);
                        fileViolations.forEach(violation -> violations.add("[file] " + violation));
                    }
                    maxHeap = Math.max(maxHeap, shuno.maxHeapUsed());
                    maxRss = Math.max(maxRss, shuno.maxRss());
                }
            }
        }
        printSummary(options, drains, passThrough, latencies, maxHeap, maxRss, fileDrop, violations);
        System.exit(violations.isEmpty() ? 0 : 1);
    }

    /**
     * The file channel on the warm deployment: the invoices of a monthly 口座振替 run are issued (with their debit
     * keys) and taken, then the bank's result file is written into the drop folder and followed from the rename to
     * its last settlement. Adds what the file's conservation check finds to {@code violations}.
     */
    private static FileDrop dropDebitResults(Infrastructure infrastructure, Infrastructure.Deployment deployment,
                                             DataSet data, BenchOptions options, ShunoProcess shuno,
                                             Completion completion, SettlementTap tap, Drain drain,
                                             List<String> violations) throws Exception {
        LocalDate debitDate = LocalDate.now(ZoneId.of("Asia/Tokyo")).minusDays(2);
        DebitRun run = new DebitRun(data, options.seed(), options.fileRows(), debitDate);
        log("[file] 口座振替 run debited on %s: %,d rows, mix %s", debitDate, run.rows(), run.mix());
        long issueStart = System.nanoTime();
        long issued;
        try (Publisher publisher = new Publisher(infrastructure.brokers(), 20)) {
            issued = run.publishInvoices(publisher, deployment.invoiceEvents());
        }
        long bookedBefore = completion.await(tap, shuno, Duration.ofMinutes(10));
        log("[file] %,d invoices with a debit key issued and taken in %.1f s", issued, seconds(issueStart));
        int gcMark = shuno.gcLogMark();
        try (DebitTap debitTap = new DebitTap(infrastructure.brokers(), deployment, run)) {
            CpuTime started = CpuTime.now(shuno);
            long writeStart = System.nanoTime();
            Path file = run.write(deployment.directDebitDrop());
            long droppedMillis = System.currentTimeMillis();
            log("[file] wrote %s (%,d bytes) in %.1f s", file.getFileName(), Files.size(file), seconds(writeStart));
            boolean complete = debitTap.await(Duration.ofMinutes(10), Duration.ofSeconds(60));
            long bookedForFile = complete ? completion.await(tap, shuno, Duration.ofMinutes(5)) - bookedBefore : -1;
            log("[file] CPU from the drop to the last settlement: %s", CpuTime.now(shuno).since(started).describe());
            long[] published = debitTap.publishedAfter(droppedMillis);
            double settledSeconds = complete ? debitTap.lastSettledAfter(droppedMillis) / 1000.0 : Double.NaN;
            FileDrop drop = new FileDrop(run.rows(), run.debitedRows(),
                    debitTap.published() > 0 ? published[0] / 1000.0 : Double.NaN,
                    debitTap.published() >= run.rows() ? published[1] / 1000.0 : Double.NaN, settledSeconds,
                    shuno.maxHeapUsedSince(gcMark), drain.warmNoticesPerSecond());
            log("[file] %,d rows published by shuno %.1f s to %.1f s after the drop; %,d of %,d debited rows settled, "
                    + "the last %.1f s after the drop: %,.0f rows/s", debitTap.published(), drop.firstPublishedSeconds(),
                    drop.publishedSeconds(), debitTap.settledRows(), run.debitedRows(), drop.settledSeconds(),
                    drop.rowsPerSecond());
            List<String> found = debitTap.violations(bookedForFile);
            log("[file] %,d rows checked: %s", run.rows(), found.isEmpty()
                    ? "every debited row settled once, in full; the others booked nothing" : found);
            violations.addAll(found);
            return drop;
        }
    }

    /** One exact CONFIRMED notice at a time, on schedule, each sent as it is due (no batching by the producer). */
    private static void offerAtFixedRate(String brokers, Infrastructure.Deployment deployment, DataSet data,
                                         SettlementTap tap, int perSecond) {
        long intervalNanos = TimeUnit.SECONDS.toNanos(1) / perSecond;
        try (Publisher publisher = new Publisher(brokers, 0)) {
            long start = System.nanoTime();
            for (int i = 0; i < data.latencyPayments(); i++) {
                long due = start + i * intervalNanos;
                while (System.nanoTime() < due) {
                    LockSupport.parkNanos(due - System.nanoTime());
                }
                DataSet.Notice notice = data.latencyNotice(i);
                tap.latencyNoticeSent(i, System.nanoTime(), System.currentTimeMillis());
                publisher.send(deployment.notices(), DataSet.paymentId(notice.payment()), data.noticeJson(notice));
            }
        }
        log("offered %,d notices at %,d/s", data.latencyPayments(), perSecond);
    }

    /** The p99 of each second of the offer, in the order sent: shows whether a tail is start-up or steady. */
    private static void logLatencyBySecond(double[] inSendOrder, int perSecond) {
        List<String> seconds = new ArrayList<>();
        for (int from = 0; from < inSendOrder.length; from += perSecond) {
            double[] second = Arrays.copyOfRange(inSendOrder, from, Math.min(inSendOrder.length, from + perSecond));
            Arrays.sort(second);
            seconds.add(String.format("%.0f", percentile(second, 99)));
        }
        log("latency p99 by second of the offer (ms): %s", String.join(" ", seconds));
    }

    private static void logLatencySplit(double[][] split) {
        double[] inShuno = split[0];
        double[] afterShuno = split[1];
        Arrays.sort(inShuno);
        Arrays.sort(afterShuno);
        log("latency split p50 / p99 (ms): notice produced → settlement handed to the producer %.0f / %.0f; "
                + "→ visible to the consumer %.0f / %.0f", percentile(inShuno, 50), percentile(inShuno, 99),
                percentile(afterShuno, 50), percentile(afterShuno, 99));
    }

    private static void printSummary(BenchOptions options, List<Drain> drains, double passThrough, double[] latencies,
                                     long maxHeap, long maxRss, FileDrop fileDrop, List<String> violations) {
        System.out.println();
        System.out.printf("shuno benchmark, %s, %d cores, seed %d%n", LocalDate.now(),
                Runtime.getRuntime().availableProcessors(), options.seed());
        System.out.println();
        System.out.printf("| open invoices (untouched + paid today) | notices | payments | seconds | notices/s | payments/s "
                + "| payments/s after the first %d %% |%n", options.warmUpPercent());
        System.out.println("|---|---:|---:|---:|---:|---:|---:|");
        for (Drain drain : drains) {
            System.out.printf("| %s (%,d rows) | %,d | %,d | %.1f | %,.0f | %,.0f | %,.0f |%n",
                    label(drain.untouchedBook()), drain.bookRows(), drain.notices(), drain.payments(), drain.seconds(),
                    drain.noticesPerSecond(), drain.paymentsPerSecond(), drain.warmPaymentsPerSecond());
        }
        System.out.println();
        if (fileDrop != null) {
            System.out.println("| 口座振替 result file | rows | debited | drop → first row published | → last row published "
                    + "| → last settlement | rows/s | eLTAX notices/s (sustained, same run) |");
            System.out.println("|---|---:|---:|---:|---:|---:|---:|---:|");
            System.out.printf("| CR LF, windows-31j | %,d | %,d | %s | %s | %s | %,.0f | %,.0f |%n",
                    fileDrop.rows(), fileDrop.debited(), secondsOrNever(fileDrop.firstPublishedSeconds()),
                    secondsOrNever(fileDrop.publishedSeconds()), secondsOrNever(fileDrop.settledSeconds()),
                    fileDrop.rowsPerSecond(), fileDrop.eltaxNoticesPerSecond());
            System.out.println();
        }
        Drain smallest = drains.get(0);
        Drain largest = drains.get(drains.size() - 1);
        Arrays.sort(latencies);
        double p50 = percentile(latencies, 50);
        double p99 = percentile(latencies, 99);
        double max = latencies.length == 0 ? Double.NaN : latencies[latencies.length - 1];
        System.out.println("| goal | target | measured | |");
        System.out.println("|---|---|---|---|");
        row(String.format("payments/s draining %,d notices from a cold start", smallest.notices()), "—",
                String.format("%,.0f/s", smallest.paymentsPerSecond()), null);
        row(String.format("sustained payments/s, after the first %d %% (JIT warm-up)", options.warmUpPercent()),
                "≥ 10,000/s", String.format("%,.0f/s", smallest.warmPaymentsPerSecond()),
                smallest.warmPaymentsPerSecond() >= 10_000);
        row("raw pass-through of the same records", "—", String.format("%,.0f records/s", passThrough), null);
        double ratio = smallest.warmNoticesPerSecond() / passThrough;
        row("shuno notices/s (sustained) ÷ raw pass-through", "≥ 25 %", String.format("%.1f %%", 100 * ratio),
                ratio >= 0.25);
        row(String.format("latency p50 / max at %,d/s for %d s (%,d settled)", options.latencyRate(),
                options.latencySeconds(), latencies.length), "—", String.format("%.1f / %.1f ms", p50, max), null);
        row("latency p99", "≤ 50 ms", String.format("%.1f ms", p99), p99 <= 50);
        if (drains.size() > 1) {
            double scaling = largest.warmPaymentsPerSecond() / smallest.warmPaymentsPerSecond();
            row(String.format("throughput at %s ÷ at %s open invoices", label(largest.untouchedBook()),
                    label(smallest.untouchedBook())), "≥ 80 %", String.format("%.1f %%", 100 * scaling),
                    scaling >= 0.8);
        }
        if (fileDrop != null) {
            row(String.format("%,d-row 口座振替 result file: drop → last settlement", fileDrop.rows()),
                    String.format("≤ ~%.0f s", fileDrop.targetSeconds()), secondsOrNever(fileDrop.settledSeconds()),
                    fileDrop.settledSeconds() <= fileDrop.targetSeconds());
            row("file rows/s ÷ eLTAX notices/s (sustained), same run", "—",
                    String.format("%,.0f ÷ %,.0f = %.0f %%", fileDrop.rowsPerSecond(), fileDrop.eltaxNoticesPerSecond(),
                            100 * fileDrop.rowsPerSecond() / fileDrop.eltaxNoticesPerSecond()), null);
            row("max heap used from the drop to the last settlement (-Xmx" + ShunoProcess.MAX_HEAP + ")", "≤ 512 MB",
                    String.format("%d MB", fileDrop.maxHeap() / MB),
                    fileDrop.maxHeap() > 0 && fileDrop.maxHeap() <= 512 * MB);
        }
        row("max heap used (-Xmx" + ShunoProcess.MAX_HEAP + ")", "≤ 512 MB", String.format("%d MB", maxHeap / MB),
                maxHeap > 0 && maxHeap <= 512 * MB);
        row("max resident memory of the shuno process", "—", String.format("%d MB", maxRss / MB), null);
        row("conservation: every confirmed payment and debited row settled once, in full", "no violation",
                violations.isEmpty() ? "none" : String.join("; ", violations), violations.isEmpty());
    }

    /** "12.3 s", or "never" for a moment that did not come (NaN). */
    private static String secondsOrNever(double seconds) {
        return Double.isNaN(seconds) ? "never" : String.format("%.1f s", seconds);
    }

    private static void row(String what, String target, String measured, Boolean pass) {
        System.out.printf("| %s | %s | %s | %s |%n", what, target, measured,
                pass == null ? "" : pass ? "PASS" : "FAIL");
    }

    private static double percentile(double[] sorted, int percent) {
        if (sorted.length == 0) {
            return Double.NaN;
        }
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(percent / 100.0 * sorted.length) - 1)];
    }

    private static String label(long count) {
        if (count >= 1_000_000 && count % 100_000 == 0) {
            return (count % 1_000_000 == 0 ? Long.toString(count / 1_000_000) : Double.toString(count / 1e6)) + "M";
        }
        return count >= 1_000 && count % 1_000 == 0 ? count / 1_000 + "k" : Long.toString(count);
    }

    private static double seconds(long sinceNanos) {
        return (System.nanoTime() - sinceNanos) / 1e9;
    }

    private static void log(String format, Object... arguments) {
        System.out.println(LocalTime.now().format(CLOCK) + "  " + String.format(Locale.ROOT, format, arguments));
    }
}
