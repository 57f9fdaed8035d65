package io.shuno.reconciliation;

import io.shuno.platform.ExplanationTexts;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import static io.shuno.reconciliation.ReconciliationFixtures.CHIYODA;
import static io.shuno.reconciliation.ReconciliationFixtures.IN_FY2025;
import static io.shuno.reconciliation.ReconciliationFixtures.OITA;
import static io.shuno.reconciliation.ReconciliationFixtures.PAYER_ID;
import static io.shuno.reconciliation.ReconciliationFixtures.event;
import static io.shuno.reconciliation.ReconciliationFixtures.invoice;
import static io.shuno.reconciliation.ReconciliationFixtures.japanese;
import static io.shuno.reconciliation.ReconciliationFixtures.notice;
import static io.shuno.reconciliation.ReconciliationFixtures.onlyFor;
import static io.shuno.reconciliation.ReconciliationFixtures.otherTerms;
import static io.shuno.reconciliation.ReconciliationFixtures.terms;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * 充当 before 還付: money paid in excess is first suggested for the same payer's overdue open invoices in the same
 * municipality, oldest due date first; with none, a refund is suggested.
 */
class AppropriationAdviceTest {

    private static final Reconciler reconciler = new Reconciler(ReconciliationFixtures.RATES);
    /** The overpayment under test is received on 2025-10-01 ({@link ReconciliationFixtures#IN_FY2025}). */
    private static final LocalDate RECEIVED_ON = IN_FY2025.toLocalDate();

    private static Invoice open(String id, LocalDate dueDate, long amount, long settled) {
        return new Invoice(otherTerms(id, CHIYODA, PAYER_ID, amount, dueDate), false, Amount.of(settled), Amount.ZERO);
    }

    private static final Invoice OLDEST_PARTLY_PAID = open("NHI-2025-0001-01", LocalDate.of(2025, 4, 30), 4_000, 1_000);
    private static final Invoice OVERDUE = open("NHI-2025-0001-03", LocalDate.of(2025, 8, 31), 2_000, 0);
    private static final Invoice DUE_ON_THE_DAY_OF_PAYMENT = open("NHI-2025-0001-04", RECEIVED_ON, 2_000, 0);
    private static final Invoice NOT_YET_DUE = open("NHI-2025-0001-05", LocalDate.of(2025, 12, 25), 2_000, 0);
    private static final Invoice FULLY_PAID = open("NHI-2024-0001-09", LocalDate.of(2025, 3, 31), 2_000, 2_000);
    private static final Invoice CANCELLED = new Invoice(
            otherTerms("NHI-2024-0001-08", CHIYODA, PAYER_ID, 2_000, LocalDate.of(2025, 2, 28)), true, Amount.ZERO, Amount.ZERO);
    private static final Invoice OTHER_PAYERS = new Invoice(
            otherTerms("NHI-2025-0002-01", CHIYODA, "payer-8", 2_000, LocalDate.of(2025, 4, 30)), false, Amount.ZERO, Amount.ZERO);
    private static final Invoice OTHER_MUNICIPALITYS = new Invoice(
            otherTerms("OITA-2025-0001-01", OITA, PAYER_ID, 2_000, LocalDate.of(2025, 4, 30)), false, Amount.ZERO, Amount.ZERO);

    /** Invoices as the application's store holds them: looked up by municipality and payer, as the contract says. */
    private static PayerInvoices storeOf(Invoice... invoices) {
        return (municipality, payerId) -> List.of(invoices).stream()
                .filter(i -> i.terms().municipality().equals(municipality) && i.terms().payerId().equals(payerId))
                .toList();
    }

    /** 8,000 paid on the 5,000 fixture invoice (itself overdue and open before this payment): 3,000 in excess. */
    private static StaffException overpaymentAdvice(PayerInvoices store) {
        Outcome outcome = reconciler.onNotice(Optional.of(invoice(5_000, 0)), Optional.empty(),
                ReconciliationFixtures.notice(NoticeStage.CONFIRMED, 8_000), store);
        return onlyFor(outcome, ExceptionReason.OVERPAYMENT);
    }

    @Test
    void overpaymentIsSuggestedForTheSamePayersOverdueInvoicesOldestFirst() {
        PayerInvoices store = storeOf(OVERDUE, NOT_YET_DUE, OLDEST_PARTLY_PAID, DUE_ON_THE_DAY_OF_PAYMENT, FULLY_PAID,
                CANCELLED, OTHER_PAYERS, OTHER_MUNICIPALITYS, invoice(5_000, 0));

        StaffException exception = overpaymentAdvice(store);

        assertThat(exception.suggestedAction()).isEqualTo(SuggestedAction.APPROPRIATE);
        assertThat(exception.appropriationCandidates()).containsExactly(OLDEST_PARTLY_PAID.id(), OVERDUE.id());
        assertThat(japanese(exception)).contains(OLDEST_PARTLY_PAID.id().value(), OVERDUE.id().value());
    }

    @Test
    void theInvoiceJustPaidIsNeverItsOwnCandidateEvenThoughItWasOverdueAndOpen() {
        StaffException exception = overpaymentAdvice(storeOf(invoice(5_000, 0)));

        assertThat(exception.appropriationCandidates()).isEmpty();
        assertThat(exception.suggestedAction()).isEqualTo(SuggestedAction.REFUND);
    }

    @Test
    void invoicesNotYetOverdueFullyPaidOrCancelledAreNoCandidatesSoTheExcessIsRefunded() {
        StaffException exception = overpaymentAdvice(
                storeOf(DUE_ON_THE_DAY_OF_PAYMENT, NOT_YET_DUE, FULLY_PAID, CANCELLED));

        assertThat(exception.appropriationCandidates()).isEmpty();
        assertThat(exception.suggestedAction()).isEqualTo(SuggestedAction.REFUND);
    }

    @Test
    void anotherPayersOrAnotherMunicipalitysOverdueInvoicesAreNoCandidates() {
        StaffException exception = overpaymentAdvice(storeOf(OTHER_PAYERS, OTHER_MUNICIPALITYS));

        assertThat(exception.appropriationCandidates()).isEmpty();
        assertThat(exception.suggestedAction()).isEqualTo(SuggestedAction.REFUND);
    }

    @Test
    void doublePaymentIsSuggestedForOverdueInvoicesToo() {
        Outcome outcome = reconciler.onNotice(Optional.of(invoice(5_000, 5_000)), Optional.empty(),
                ReconciliationFixtures.notice(NoticeStage.CONFIRMED, 5_000), storeOf(OVERDUE));

        StaffException exception = onlyFor(outcome, ExceptionReason.DOUBLE_PAYMENT);
        assertThat(exception.suggestedAction()).isEqualTo(SuggestedAction.APPROPRIATE);
        assertThat(exception.appropriationCandidates()).containsExactly(OVERDUE.id());
    }

    @Test
    void revenueMadeExcessByACancellationIsSuggestedForInvoicesOverdueOnTheDayOfTheCancellation() {
        ReconciliationBooks books = new ReconciliationBooks();
        books.receive(event(InvoiceEventType.ISSUED, terms(5_000)));
        books.receive(ReconciliationFixtures.confirmed("paid", 5_000, IN_FY2025));
        // Known to the books (and so to their payer lookup): due after the payment, before the cancellation.
        books.receive(event(InvoiceEventType.ISSUED,
                otherTerms("NHI-2025-0001-07", CHIYODA, PAYER_ID, 3_000, LocalDate.of(2025, 10, 31))));

        Outcome outcome = books.receive(event(InvoiceEventType.CANCELLED, terms(5_000),
                IN_FY2025.plusMonths(2)));

        StaffException exception = onlyFor(outcome, ExceptionReason.PAID_AFTER_CANCELLATION);
        assertThat(exception.suggestedAction()).isEqualTo(SuggestedAction.APPROPRIATE);
        assertThat(exception.appropriationCandidates()).containsExactly(new InvoiceId("NHI-2025-0001-07"));
    }

    @Test
    void reMatchedOverpaymentIsAdvisedAgainstTheSamePayersOverdueInvoices() {
        EltaxNotice early = notice("notice-early", "pay-early", NoticeStage.CONFIRMED,
                ReconciliationFixtures.EL_NUMBER, 8_000, IN_FY2025);
        Outcome suspended = reconciler.onNotice(Optional.empty(), Optional.empty(), early, PayerInvoices.NONE);
        InvoiceLedger ledger = new InvoiceLedger(Optional.empty(), List.of(), suspended.settlements(), 0);

        Outcome outcome = reconciler.onInvoiceEvent(ledger, event(InvoiceEventType.ISSUED, terms(5_000)),
                storeOf(OVERDUE, OTHER_PAYERS));

        StaffException exception = onlyFor(outcome, ExceptionReason.OVERPAYMENT);
        assertThat(exception.amount().yen()).isEqualTo(3_000);
        assertThat(exception.suggestedAction()).isEqualTo(SuggestedAction.APPROPRIATE);
        assertThat(exception.appropriationCandidates()).containsExactly(OVERDUE.id());
    }

    @Test
    void adviceGivenAgainOffersAnInvoiceThatFellDueSinceAndRestatesTheDetailForIt() {
        StaffException raised = overpaymentAdvice(storeOf(NOT_YET_DUE));
        assertThat(raised.suggestedAction()).isEqualTo(SuggestedAction.REFUND);

        ExcessAdvice later = reconciler.adviseOnExcess(terms(5_000), raised.explanation(),
                storeOf(NOT_YET_DUE, OVERDUE), LocalDate.of(2026, 1, 5));

        assertThat(later.candidates()).containsExactly(OVERDUE.id(), NOT_YET_DUE.id());
        assertThat(later.action()).isEqualTo(SuggestedAction.APPROPRIATE);
        String raisedText = japanese(raised);
        assertThat(ExplanationTexts.japanese(later.explanation()))
                .startsWith(raisedText.substring(0, raisedText.indexOf("を過誤納金として計上しました。")))
                .endsWith("同一納付者の未納 2 件(古い順: NHI-2025-0001-03、NHI-2025-0001-05)への充当を検討してください。")
                .doesNotContain("還付");
    }
}
