package io.shuno.reconciliation;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.time.OffsetDateTime;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.stream.Stream;

import static io.shuno.reconciliation.ReconciliationFixtures.EL_NUMBER;
import static io.shuno.reconciliation.ReconciliationFixtures.INVOICE_ID;
import static io.shuno.reconciliation.ReconciliationFixtures.IN_FY2025;
import static io.shuno.reconciliation.ReconciliationFixtures.ISSUED_AT;
import static io.shuno.reconciliation.ReconciliationFixtures.UNKNOWN_EL_NUMBER;
import static io.shuno.reconciliation.ReconciliationFixtures.invoice;
import static io.shuno.reconciliation.ReconciliationFixtures.notice;
import static io.shuno.reconciliation.ReconciliationFixtures.terms;
import static io.shuno.reconciliation.ReconciliationFixtures.total;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

/**
 * Every yen of every confirmed payment lands in exactly one settlement, and an invoice never earns more revenue than
 * it bills, whatever the sequence of payments and invoice events. Rerun one case of a randomized test with
 * {@code -Dshuno.seed=<seed from the message>}.
 */
class SettlementConservationTest {

    private static final int ITERATIONS = 2_000;
    private static final int STREAMS = 1_500;
    private static final Reconciler reconciler = new Reconciler(ReconciliationFixtures.RATES);

    @Test
    void randomPaymentSequencesSettleEveryYenAndNeverOverBookRevenue() {
        Long fixed = Long.getLong("shuno.seed");
        if (fixed != null) {
            paySeveralTimes(fixed);
            return;
        }
        Random seeds = new Random(20260601L);
        for (int i = 0; i < ITERATIONS; i++) {
            paySeveralTimes(seeds.nextLong());
        }
    }

    private static void paySeveralTimes(long seed) {
        Random random = new Random(seed);
        long amount = 1 + random.nextInt(200_000);
        Invoice invoice = invoice(amount, 0);
        long paidOnInvoice = 0;
        long revenueBooked = 0;
        int notices = 1 + random.nextInt(6);

        for (int n = 0; n < notices; n++) {
            String context = "seed " + seed + ", invoice " + amount + ", notice " + n;
            boolean missing = random.nextInt(5) == 0;
            long paid = randomPayment(random, invoice.openBalance().yen(), amount);
            String paymentId = "p" + n;
            Optional<Invoice> found = missing ? Optional.empty() : Optional.of(invoice);
            Optional<PaymentState> previous = Optional.empty();

            if (random.nextInt(3) == 0) {
                Outcome preliminary = reconciler.onNotice(found, previous,
                        stage(n, paymentId, NoticeStage.PRELIMINARY, missing, paid), PayerInvoices.NONE);
                found = preliminary.invoice();
                previous = preliminary.payment();
            }
            Outcome outcome = reconciler.onNotice(found, previous,
                    stage(n, paymentId, NoticeStage.CONFIRMED, missing, paid), PayerInvoices.NONE);

            assertThat(total(outcome.settlements())).as(context).isEqualTo(paid);
            if (missing) {
                assertThat(outcome.settlements()).as(context)
                        .allSatisfy(s -> assertThat(s.kind()).isEqualTo(SettlementKind.SUSPENSE));
                assertThat(outcome.invoice()).as(context).isEmpty();
                continue;
            }
            assertThat(outcome.settlements()).as(context)
                    .noneSatisfy(s -> assertThat(s.kind()).isEqualTo(SettlementKind.SUSPENSE));
            invoice = outcome.invoice().orElseThrow();
            paidOnInvoice += paid;
            revenueBooked += total(outcome.settlements(), SettlementKind.REVENUE);
        }

        String context = "seed " + seed + ", invoice " + amount + ", paid " + paidOnInvoice;
        assertThat(invoice.settledRevenue().yen()).as(context).isEqualTo(Math.min(amount, paidOnInvoice));
        assertThat(revenueBooked).as(context).isEqualTo(invoice.settledRevenue().yen());
        assertThat(invoice.settledRevenue().yen()).as(context).isLessThanOrEqualTo(amount);
        assertThat(invoice.announced().yen()).as(context).isZero();
        assertThat(invoice.status()).as(context)
                .isEqualTo(paidOnInvoice >= amount ? InvoiceStatus.PAID
                        : paidOnInvoice > 0 ? InvoiceStatus.PARTIALLY_PAID : InvoiceStatus.OPEN);
    }

    /** Mostly small payments, sometimes exactly the open balance, sometimes more than the whole invoice. */
    private static long randomPayment(Random random, long openBalance, long amount) {
        return switch (random.nextInt(4)) {
            case 0 -> openBalance > 0 ? openBalance : 1 + random.nextInt(1_000);
            case 1 -> 1 + (long) random.nextInt((int) (amount * 3 / 2) + 1);
            default -> 1 + random.nextInt((int) Math.max(1, amount / 3));
        };
    }

    private static EltaxNotice stage(int n, String paymentId, NoticeStage stage, boolean missing, long amount) {
        OffsetDateTime paidAt = IN_FY2025.plusHours(n);
        return notice("n" + n + "-" + stage.name(), paymentId, stage, missing ? UNKNOWN_EL_NUMBER : EL_NUMBER,
                amount, paidAt);
    }

    // --- reversal flows: cancellations, reductions, re-matches --------------------------------------------------

    private static InvoiceEvent invoiceEvent(int n, InvoiceEventType type, long amount) {
        return new InvoiceEvent("flow-event-" + n, type, terms(amount), ISSUED_AT.plusDays(n));
    }

    private static EltaxNotice payment(String name, NoticeStage stage, long amount) {
        return notice("flow-" + name + "-" + stage.name().toLowerCase(), name, stage, EL_NUMBER, amount, IN_FY2025);
    }

    private static EltaxNotice confirmed(String name, long amount) {
        return payment(name, NoticeStage.CONFIRMED, amount);
    }

    static Stream<Arguments> reversalFlows() {
        return Stream.of(
                arguments("suspended, then issued for less", List.of(
                        confirmed("a", 8_000),
                        invoiceEvent(1, InvoiceEventType.ISSUED, 5_000))),
                arguments("two suspended, issued, then paid again", List.of(
                        confirmed("a", 3_000),
                        confirmed("b", 4_000),
                        invoiceEvent(1, InvoiceEventType.ISSUED, 5_000),
                        confirmed("c", 1_000))),
                arguments("suspended, then introduced cancelled", List.of(
                        confirmed("a", 5_000),
                        invoiceEvent(1, InvoiceEventType.CANCELLED, 5_000))),
                arguments("paid twice, then cancelled, then paid again", List.of(
                        invoiceEvent(1, InvoiceEventType.ISSUED, 8_000),
                        confirmed("a", 3_000),
                        confirmed("b", 2_000),
                        invoiceEvent(2, InvoiceEventType.CANCELLED, 8_000),
                        confirmed("c", 1_000))),
                arguments("paid, reduced, raised, paid, reduced, cancelled", List.of(
                        invoiceEvent(1, InvoiceEventType.ISSUED, 5_000),
                        confirmed("a", 5_000),
                        invoiceEvent(2, InvoiceEventType.AMENDED, 3_000),
                        invoiceEvent(3, InvoiceEventType.AMENDED, 6_000),
                        confirmed("b", 4_000),
                        invoiceEvent(4, InvoiceEventType.AMENDED, 1_000),
                        invoiceEvent(5, InvoiceEventType.CANCELLED, 1_000))),
                arguments("overpaid, then reduced to nothing", List.of(
                        invoiceEvent(1, InvoiceEventType.ISSUED, 5_000),
                        confirmed("a", 7_000),
                        invoiceEvent(2, InvoiceEventType.AMENDED, 0))),
                arguments("announced and suspended before issue, confirmed, reduced", List.of(
                        payment("a", NoticeStage.PRELIMINARY, 2_000),
                        confirmed("b", 3_000),
                        invoiceEvent(1, InvoiceEventType.ISSUED, 4_000),
                        confirmed("a", 2_500),
                        payment("b", NoticeStage.CANCELLED, 3_000),
                        invoiceEvent(2, InvoiceEventType.AMENDED, 1_000))));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("reversalFlows")
    void reversalFlowsKeepEveryPaymentBookedToTheYenAndRevenueWithinTheInvoice(String flow, List<Object> messages) {
        ReconciliationBooks books = new ReconciliationBooks();
        for (Object message : messages) {
            receive(books, message);
            books.assertConsistent(flow + ", after " + message);
        }

        Set<PaymentRef> confirmed = new HashSet<>();
        for (Object message : messages) {
            if (message instanceof EltaxNotice notice && notice.stage() == NoticeStage.CONFIRMED) {
                confirmed.add(notice.paymentRef());
                PaymentRef ref = notice.paymentRef();
                long net = booked(books, ref, SettlementKind.REVENUE) + booked(books, ref, SettlementKind.OVERPAYMENT)
                        + booked(books, ref, SettlementKind.SUSPENSE) - booked(books, ref, SettlementKind.REVERSAL);
                assertThat(net).as(flow + ": net booked for " + notice.paymentRef()).isEqualTo(notice.amount().yen());
            }
        }
        assertThat(books.journal()).extracting(Settlement::paymentRef).isSubsetOf(confirmed);
        Invoice invoice = books.invoice(INVOICE_ID).orElseThrow();
        assertThat(books.netRevenue(INVOICE_ID)).as(flow + ": net revenue")
                .isEqualTo(invoice.settledRevenue().yen())
                .isLessThanOrEqualTo(invoice.terms().amount().yen());
        assertThat(books.journal()).as(flow + " reverses something")
                .anySatisfy(s -> assertThat(s.kind()).isEqualTo(SettlementKind.REVERSAL));
    }

    private static long booked(ReconciliationBooks books, PaymentRef paymentRef, SettlementKind kind) {
        return books.journal().stream().filter(s -> s.kind() == kind && s.paymentRef().equals(paymentRef))
                .mapToLong(s -> s.amount().yen()).sum();
    }

    private static Outcome receive(ReconciliationBooks books, Object message) {
        if (message instanceof EltaxNotice notice) {
            return books.receive(notice);
        }
        return books.receive((InvoiceEvent) message);
    }

    // --- randomized streams of invoice events and notices -------------------------------------------------------

    /**
     * One invoice's events (ISSUED, AMENDED, a stale second ISSUED, CANCELLED) and several payments' notices
     * (PRELIMINARY, CONFIRMED, CANCELLED, repeats, a cancellation after confirmation), interleaved at random and
     * sometimes wholly shuffled, so that payments often arrive before their invoice. Every invariant of
     * {@link ReconciliationBooks#violations()} is checked after every message.
     */
    @Test
    void randomStreamsOfInvoiceEventsAndNoticesKeepEveryInvariantAfterEveryMessage() {
        Set<String> exercised = new HashSet<>();
        Long fixed = Long.getLong("shuno.seed");
        if (fixed != null) {
            replay(fixed, exercised);
            return;
        }
        Random seeds = new Random(20260901L);
        for (int i = 0; i < STREAMS; i++) {
            replay(seeds.nextLong(), exercised);
        }
        assertThat(exercised).as("flows the random streams must have exercised").contains(
                "re-match", "reversal of revenue", "announced before issue", "introduced by AMENDED",
                "introduced by CANCELLED", "stale ISSUED", "PAID_AFTER_CANCELLATION", "AMOUNT_REDUCED_AFTER_PAYMENT",
                "DOUBLE_PAYMENT", "OVERPAYMENT", "UNMATCHED", "CANCEL_AFTER_CONFIRM", "LATE_CHARGE_DUE");
    }

    private static void replay(long seed, Set<String> exercised) {
        List<Object> messages = randomStream(new Random(seed));
        ReconciliationBooks books = new ReconciliationBooks();
        int step = 0;
        try {
            for (Object message : messages) {
                if (message instanceof InvoiceEvent event) {
                    noteIntroduction(books, event, exercised);
                }
                receive(books, message);
                List<String> violations = books.violations();
                if (!violations.isEmpty()) {
                    throw new AssertionError(violations);
                }
                step++;
            }
        } catch (AssertionError | RuntimeException e) {
            throw new AssertionError("seed " + seed + " (rerun with -Dshuno.seed=" + seed + "): " + e.getMessage()
                    + "\n  on message " + (step + 1) + " of " + messages, e);
        }
        books.exceptions().forEach(exception -> exercised.add(exception.reason().name()));
        for (Settlement settlement : books.journal()) {
            settlement.reverses().ifPresent(reversed -> exercised.add(books.journal().stream()
                    .anyMatch(s -> s.settlementId().equals(reversed) && s.kind() == SettlementKind.SUSPENSE)
                    ? "re-match" : "reversal of revenue"));
        }
    }

    private static void noteIntroduction(ReconciliationBooks books, InvoiceEvent event, Set<String> exercised) {
        InvoiceLedger ledger = books.ledgerOf(event.terms());
        if (ledger.invoice().isEmpty()) {
            if (ledger.announcedBeforeIssue() > 0) {
                exercised.add("announced before issue");
            }
            if (event.type() != InvoiceEventType.ISSUED) {
                exercised.add("introduced by " + event.type());
            }
        } else if (event.type() == InvoiceEventType.ISSUED
                && ledger.invoice().get().terms().amount().yen() != event.terms().amount().yen()) {
            exercised.add("stale ISSUED");
        }
    }

    private static List<Object> randomStream(Random random) {
        long amount = 1 + random.nextInt(200_000);
        List<Deque<Object>> streams = new ArrayList<>();

        Deque<Object> events = new ArrayDeque<>();
        int n = 0;
        events.add(randomEvent(n++, InvoiceEventType.ISSUED, amount));
        long latest = amount;
        for (int amendments = random.nextInt(3); amendments > 0; amendments--) {
            latest = random.nextInt(8) == 0 ? 0 : 1 + random.nextInt((int) (amount * 3 / 2) + 1);
            events.add(randomEvent(n++, InvoiceEventType.AMENDED, latest));
        }
        if (random.nextInt(4) == 0) {
            events.add(randomEvent(n++, InvoiceEventType.ISSUED, 1 + random.nextInt((int) amount * 2)));
        }
        if (random.nextInt(3) == 0) {
            events.add(randomEvent(n, InvoiceEventType.CANCELLED, latest));
        }
        streams.add(events);

        for (int p = 0, payments = 1 + random.nextInt(5); p < payments; p++) {
            streams.add(randomNotices(random, "p" + p, amount));
        }

        List<Object> merged = new ArrayList<>();
        while (streams.stream().anyMatch(stream -> !stream.isEmpty())) {
            List<Deque<Object>> open = streams.stream().filter(stream -> !stream.isEmpty()).toList();
            merged.add(open.get(random.nextInt(open.size())).poll());
        }
        if (random.nextInt(5) == 0) {
            Collections.shuffle(merged, random);
        }
        return merged;
    }

    private static InvoiceEvent randomEvent(int n, InvoiceEventType type, long amount) {
        return new InvoiceEvent("event-" + n, type, terms(amount), IN_FY2025.plusDays(n));
    }

    /** One payment's notices in the order the gateway sent them. */
    private static Deque<Object> randomNotices(Random random, String paymentId, long invoiceAmount) {
        Deque<Object> notices = new ArrayDeque<>();
        long paid = randomPayment(random, invoiceAmount, invoiceAmount);
        OffsetDateTime paidAt = IN_FY2025.plusHours(random.nextInt(24 * 60));
        int k = 0;
        if (random.nextBoolean()) {
            long announced = random.nextInt(5) == 0 ? 1 + random.nextInt((int) invoiceAmount) : paid;
            notices.add(notice(paymentId + "-" + k++, paymentId, NoticeStage.PRELIMINARY, EL_NUMBER, announced,
                    paidAt));
        }
        int outcome = random.nextInt(10);
        if (outcome < 7) {
            notices.add(notice(paymentId + "-" + k++, paymentId, NoticeStage.CONFIRMED, EL_NUMBER, paid, paidAt));
            if (random.nextInt(6) == 0) {
                notices.add(notice(paymentId + "-" + k++, paymentId, NoticeStage.CANCELLED, EL_NUMBER, paid, paidAt));
            }
            if (random.nextInt(6) == 0) {
                notices.add(notice(paymentId + "-" + k, paymentId, NoticeStage.CONFIRMED, EL_NUMBER, paid, paidAt));
            }
        } else if (outcome < 9) {
            notices.add(notice(paymentId + "-" + k, paymentId, NoticeStage.CANCELLED, EL_NUMBER, paid, paidAt));
        }
        return notices;
    }
}
