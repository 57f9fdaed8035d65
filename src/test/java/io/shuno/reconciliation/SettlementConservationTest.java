package io.shuno.reconciliation;

import org.junit.jupiter.api.Test;

import java.time.OffsetDateTime;
import java.util.Optional;
import java.util.Random;

import static io.shuno.reconciliation.ReconciliationFixtures.EL_NUMBER;
import static io.shuno.reconciliation.ReconciliationFixtures.IN_FY2025;
import static io.shuno.reconciliation.ReconciliationFixtures.UNKNOWN_EL_NUMBER;
import static io.shuno.reconciliation.ReconciliationFixtures.invoice;
import static io.shuno.reconciliation.ReconciliationFixtures.notice;
import static io.shuno.reconciliation.ReconciliationFixtures.total;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every yen of every confirmed payment lands in exactly one settlement, and an invoice never earns more revenue than
 * it bills, whatever the sequence of payments. Rerun one case with {@code -Dshuno.seed=<seed from the message>}.
 */
class SettlementConservationTest {

    private static final int ITERATIONS = 2_000;
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
            long paid = randomPayment(random, invoice.openBalance(), amount);
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
        assertThat(invoice.settledRevenue()).as(context).isEqualTo(Math.min(amount, paidOnInvoice));
        assertThat(revenueBooked).as(context).isEqualTo(invoice.settledRevenue());
        assertThat(invoice.settledRevenue()).as(context).isLessThanOrEqualTo(amount);
        assertThat(invoice.announced()).as(context).isZero();
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
}
