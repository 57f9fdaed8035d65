package io.shuno.reconciliation;

import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import static io.shuno.reconciliation.ReconciliationFixtures.japanese;
import static io.shuno.reconciliation.ChannelFixtures.BARCODE;
import static io.shuno.reconciliation.ChannelFixtures.REISSUED_EL_NUMBER;
import static io.shuno.reconciliation.ChannelFixtures.debitResult;
import static io.shuno.reconciliation.ChannelFixtures.invoiceWithSlips;
import static io.shuno.reconciliation.ChannelFixtures.storeNotice;
import static io.shuno.reconciliation.ReconciliationFixtures.INVOICE_ID;
import static io.shuno.reconciliation.ReconciliationFixtures.IN_FY2025;
import static io.shuno.reconciliation.ReconciliationFixtures.event;
import static io.shuno.reconciliation.ReconciliationFixtures.notice;
import static io.shuno.reconciliation.ReconciliationFixtures.onlyFor;
import static io.shuno.reconciliation.ReconciliationFixtures.onlyOfKind;
import static io.shuno.reconciliation.ReconciliationFixtures.terms;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

/**
 * An invoice has slips, not one key: a payment on any of them pays it, and a second payment on another slip of an
 * invoice already paid is a double payment, whatever channel each came through.
 */
class InvoiceSlipsTest {

    private static final Reconciler reconciler = new Reconciler(ReconciliationFixtures.RATES);

    @Test
    void aPaymentOnTheReissuedSlipPaysTheInvoice() {
        EltaxNotice onReissued = notice("n-reissued", "pay-reissued", NoticeStage.CONFIRMED, REISSUED_EL_NUMBER,
                5_000, IN_FY2025);

        Outcome outcome = reconciler.onNotice(Optional.of(invoiceWithSlips(5_000, 0)), Optional.empty(), onReissued,
                PayerInvoices.NONE);

        assertThat(onlyOfKind(outcome, SettlementKind.REVENUE).invoiceId()).contains(INVOICE_ID);
        assertThat(outcome.invoice().orElseThrow().status()).isEqualTo(InvoiceStatus.PAID);
        assertThat(outcome.payment().orElseThrow().key()).isEqualTo(PaymentKey.of(REISSUED_EL_NUMBER));
    }

    @Test
    void paymentsOnTwoElSlipsOfOneInvoiceAreADoublePayment() {
        Invoice paidOnTheFirstSlip = invoiceWithSlips(5_000, 5_000);
        EltaxNotice onReissued = notice("n-reissued", "pay-reissued", NoticeStage.CONFIRMED, REISSUED_EL_NUMBER,
                5_000, IN_FY2025);

        Outcome outcome = reconciler.onNotice(Optional.of(paidOnTheFirstSlip), Optional.empty(), onReissued,
                PayerInvoices.NONE);

        assertThat(outcome.settlements()).extracting(Settlement::kind, s -> s.amount().yen())
                .containsExactly(tuple(SettlementKind.OVERPAYMENT, 5_000L));
        assertThat(japanese(onlyFor(outcome, ExceptionReason.DOUBLE_PAYMENT))).contains("二重納付");
    }

    @Test
    void aDebitOfAnInvoicePaidAtTheStoreIsADoublePayment() {
        Outcome atTheStore = reconciler.onConvenienceStoreNotice(Optional.of(invoiceWithSlips(5_000, 0)),
                Optional.empty(), storeNotice(NoticeStage.CONFIRMED, 5_000), PayerInvoices.NONE);

        Outcome debited = reconciler.onDirectDebitResult(atTheStore.invoice(), Optional.empty(),
                debitResult('0', 5_000), PayerInvoices.NONE);

        assertThat(onlyOfKind(debited, SettlementKind.OVERPAYMENT).channel()).isEqualTo(Channel.DIRECT_DEBIT);
        assertThat(onlyFor(debited, ExceptionReason.DOUBLE_PAYMENT).amount().yen()).isEqualTo(5_000);
        assertThat(debited.invoice().orElseThrow().settledRevenue().yen()).isEqualTo(5_000);
    }

    @Test
    void anAmendmentListingANewSlipReMatchesThePaymentHeldForIt() {
        Outcome paidOnAnUnannouncedSlip = reconciler.onNotice(Optional.empty(), Optional.empty(),
                notice("n-early", "pay-early", NoticeStage.CONFIRMED, REISSUED_EL_NUMBER, 5_000, IN_FY2025),
                PayerInvoices.NONE);
        Settlement suspense = onlyOfKind(paidOnAnUnannouncedSlip, SettlementKind.SUSPENSE);
        InvoiceTerms withTheNewSlip = terms(5_000).withSlips(
                List.of(new PaymentSlip(PaymentKey.of(REISSUED_EL_NUMBER), Optional.of(LocalDate.of(2025, 9, 30)))));
        InvoiceEvent amended = event(InvoiceEventType.AMENDED, withTheNewSlip);

        Outcome outcome = reconciler.onInvoiceEvent(
                new InvoiceLedger(Optional.of(Invoice.issued(terms(5_000))), List.of(), List.of(suspense), 0),
                amended, PayerInvoices.NONE);

        assertThat(outcome.settlements()).extracting(Settlement::kind, s -> s.amount().yen()).containsExactly(
                tuple(SettlementKind.REVERSAL, 5_000L), tuple(SettlementKind.REVENUE, 5_000L));
        assertThat(outcome.invoice().orElseThrow().terms().payableWith(PaymentKey.of(REISSUED_EL_NUMBER))).isTrue();
        assertThat(outcome.invoice().orElseThrow().status()).isEqualTo(InvoiceStatus.PAID);
        assertThat(outcome.resolutions()).extracting(ExceptionResolution::exceptionId)
                .containsExactly(onlyFor(paidOnAnUnannouncedSlip, ExceptionReason.UNMATCHED).exceptionId());
    }

    @Test
    void anIssuedAgainWithOneMoreSlipAddsTheSlipWithoutAConflict() {
        Invoice known = Invoice.issued(terms(5_000));
        InvoiceEvent again = event(InvoiceEventType.ISSUED,
                terms(5_000).withSlips(List.of(PaymentSlip.of(PaymentKey.of(BARCODE)))));

        Outcome outcome = reconciler.onInvoiceEvent(InvoiceLedger.of(Optional.of(known)), again, PayerInvoices.NONE);

        assertThat(outcome.exceptions()).isEmpty();
        assertThat(outcome.invoice().orElseThrow().terms().paymentKeys()).contains(PaymentKey.of(BARCODE));
    }

    @Test
    void anAmendmentWithoutTheOldSlipKeepsItPayable() {
        Invoice known = Invoice.issued(terms(5_000).withSlips(List.of(PaymentSlip.of(PaymentKey.of(BARCODE)))));

        Outcome outcome = reconciler.onInvoiceEvent(InvoiceLedger.of(Optional.of(known)),
                event(InvoiceEventType.AMENDED, terms(4_000)), PayerInvoices.NONE);

        assertThat(outcome.invoice().orElseThrow().terms().amount().yen()).isEqualTo(4_000);
        assertThat(outcome.invoice().orElseThrow().terms().payableWith(PaymentKey.of(BARCODE))).isTrue();
    }
}
