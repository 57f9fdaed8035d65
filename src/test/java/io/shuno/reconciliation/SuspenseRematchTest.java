package io.shuno.reconciliation;

import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import static io.shuno.reconciliation.ReconciliationFixtures.EL_NUMBER;
import static io.shuno.reconciliation.ReconciliationFixtures.FY2025;
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
 * 不明収納 re-matched: a payment confirmed before its invoice exists is held in suspense, and the invoice event
 * that introduces the invoice reverses the suspense and books the payment against it, resolving the UNMATCHED
 * exception.
 */
class SuspenseRematchTest {

    private static final Reconciler reconciler = new Reconciler(ReconciliationFixtures.RATES);
    /** Paid at a bank counter two days before the invoice arrives, so nothing can default to the event's values. */
    private static final OffsetDateTime PAID_AT = IN_FY2025.minusDays(2);
    private static final OffsetDateTime INVOICE_ARRIVES = IN_FY2025;

    /** A CONFIRMED notice of the payment {@code pay-<name>} for the fixture eL番号, while no invoice is known. */
    private static Outcome paidBeforeTheInvoice(String name, long amount) {
        EltaxNotice notice = notice("notice-" + name, "pay-" + name, NoticeStage.CONFIRMED, EL_NUMBER, amount,
                PAID_AT, Channel.BANK_COUNTER);
        return reconciler.onNotice(Optional.empty(), Optional.empty(), notice, PayerInvoices.NONE);
    }

    private static InvoiceLedger noInvoiceYet(Outcome... suspendedPayments) {
        List<Settlement> suspended = Arrays.stream(suspendedPayments)
                .map(payment -> onlyOfKind(payment, SettlementKind.SUSPENSE)).toList();
        return new InvoiceLedger(Optional.empty(), List.of(), suspended, 0);
    }

    private static ExceptionResolution resolutionOf(Outcome unmatchedPayment, InvoiceEvent event) {
        String unmatchedId = onlyFor(unmatchedPayment, ExceptionReason.UNMATCHED).exceptionId();
        return new ExceptionResolution(unmatchedId, event.cause());
    }

    @Test
    void paymentWithoutInvoiceIsHeldInSuspenseAndShownToStaffAsUnmatched() {
        Outcome outcome = paidBeforeTheInvoice("early", 5_000);

        assertThat(onlyOfKind(outcome, SettlementKind.SUSPENSE).amount().yen()).isEqualTo(5_000);
        assertThat(onlyFor(outcome, ExceptionReason.UNMATCHED).amount().yen()).isEqualTo(5_000);
        assertThat(outcome.invoice()).isEmpty();
    }

    @Test
    void exactPaymentInSuspenseIsReversedAndBookedAsRevenueWhenItsInvoiceIsIssued() {
        Outcome payment = paidBeforeTheInvoice("early", 5_000);
        Settlement suspense = onlyOfKind(payment, SettlementKind.SUSPENSE);
        InvoiceEvent issued = event(InvoiceEventType.ISSUED, terms(5_000), INVOICE_ARRIVES);

        Outcome outcome = reconciler.onInvoiceEvent(noInvoiceYet(payment), issued, PayerInvoices.NONE);

        assertThat(outcome.settlements()).extracting(Settlement::kind, s -> s.amount().yen(), Settlement::reverses)
                .containsExactly(
                        tuple(SettlementKind.REVERSAL, 5_000L, Optional.of(suspense.settlementId())),
                        tuple(SettlementKind.REVENUE, 5_000L, Optional.empty()));
        assertThat(onlyOfKind(outcome, SettlementKind.REVENUE)).satisfies(revenue -> {
            assertThat(revenue.invoiceId()).contains(INVOICE_ID);
            assertThat(revenue.paymentRef()).isEqualTo(PaymentRef.eltax("pay-early"));
            assertThat(revenue.receivedOn()).isEqualTo(PAID_AT.toLocalDate());
            assertThat(revenue.channel()).isEqualTo(Channel.BANK_COUNTER);
        });
        assertThat(outcome.resolutions()).containsExactly(resolutionOf(payment, issued));
        assertThat(outcome.exceptions()).isEmpty();
        assertThat(outcome.invoice()).hasValueSatisfying(invoice -> {
            assertThat(invoice.status()).isEqualTo(InvoiceStatus.PAID);
            assertThat(invoice.settledRevenue().yen()).isEqualTo(5_000);
        });
        assertThat(outcome.payment()).isEmpty();
    }

    @Test
    void largerPaymentInSuspenseBecomesRevenueUpToTheInvoiceAndOverpaymentForTheRest() {
        Outcome payment = paidBeforeTheInvoice("early", 8_000);
        Settlement suspense = onlyOfKind(payment, SettlementKind.SUSPENSE);
        InvoiceEvent issued = event(InvoiceEventType.ISSUED, terms(5_000), INVOICE_ARRIVES);

        Outcome outcome = reconciler.onInvoiceEvent(noInvoiceYet(payment), issued, PayerInvoices.NONE);

        assertThat(outcome.settlements()).extracting(Settlement::kind, s -> s.amount().yen(), Settlement::reverses)
                .containsExactly(
                        tuple(SettlementKind.REVERSAL, 8_000L, Optional.of(suspense.settlementId())),
                        tuple(SettlementKind.REVENUE, 5_000L, Optional.empty()),
                        tuple(SettlementKind.OVERPAYMENT, 3_000L, Optional.empty()));
        assertThat(outcome.settlements()).allSatisfy(settlement -> {
            assertThat(settlement.paymentRef()).isEqualTo(PaymentRef.eltax("pay-early"));
            assertThat(settlement.receivedOn()).isEqualTo(PAID_AT.toLocalDate());
            assertThat(settlement.channel()).isEqualTo(Channel.BANK_COUNTER);
        });
        assertThat(outcome.exceptions()).singleElement().satisfies(exception -> {
            assertThat(exception.reason()).isEqualTo(ExceptionReason.OVERPAYMENT);
            assertThat(exception.amount().yen()).isEqualTo(3_000);
            assertThat(exception.paymentRef()).contains(PaymentRef.eltax("pay-early"));
        });
        assertThat(outcome.resolutions()).containsExactly(resolutionOf(payment, issued));
        assertThat(outcome.invoice()).map(Invoice::settledRevenue).contains(Amount.of(5_000));
    }

    @Test
    void twoPaymentsInSuspenseAreReMatchedInOrderAndTheSecondIsADoublePayment() {
        Outcome first = paidBeforeTheInvoice("first", 5_000);
        Outcome second = paidBeforeTheInvoice("second", 5_000);
        InvoiceEvent issued = event(InvoiceEventType.ISSUED, terms(5_000), INVOICE_ARRIVES);

        Outcome outcome = reconciler.onInvoiceEvent(noInvoiceYet(first, second), issued, PayerInvoices.NONE);

        assertThat(outcome.settlements()).extracting(Settlement::kind, Settlement::paymentRef, s -> s.amount().yen())
                .containsExactly(
                        tuple(SettlementKind.REVERSAL, PaymentRef.eltax("pay-first"), 5_000L),
                        tuple(SettlementKind.REVENUE, PaymentRef.eltax("pay-first"), 5_000L),
                        tuple(SettlementKind.REVERSAL, PaymentRef.eltax("pay-second"), 5_000L),
                        tuple(SettlementKind.OVERPAYMENT, PaymentRef.eltax("pay-second"), 5_000L));
        assertThat(outcome.exceptions()).singleElement().satisfies(exception -> {
            assertThat(exception.reason()).isEqualTo(ExceptionReason.DOUBLE_PAYMENT);
            assertThat(exception.paymentRef()).contains(PaymentRef.eltax("pay-second"));
            assertThat(exception.amount().yen()).isEqualTo(5_000);
        });
        assertThat(outcome.resolutions()).containsExactly(resolutionOf(first, issued), resolutionOf(second, issued));
        assertThat(outcome.settlements()).extracting(Settlement::settlementId).doesNotHaveDuplicates();
    }

    @Test
    void twoPartPaymentsInSuspenseFillTheInvoiceInOrderAndTheExcessOfTheSecondIsOverpayment() {
        Outcome first = paidBeforeTheInvoice("first", 3_000);
        Outcome second = paidBeforeTheInvoice("second", 4_000);
        InvoiceEvent issued = event(InvoiceEventType.ISSUED, terms(5_000), INVOICE_ARRIVES);

        Outcome outcome = reconciler.onInvoiceEvent(noInvoiceYet(first, second), issued, PayerInvoices.NONE);

        assertThat(outcome.settlements()).extracting(Settlement::kind, Settlement::paymentRef, s -> s.amount().yen())
                .containsExactly(
                        tuple(SettlementKind.REVERSAL, PaymentRef.eltax("pay-first"), 3_000L),
                        tuple(SettlementKind.REVENUE, PaymentRef.eltax("pay-first"), 3_000L),
                        tuple(SettlementKind.REVERSAL, PaymentRef.eltax("pay-second"), 4_000L),
                        tuple(SettlementKind.REVENUE, PaymentRef.eltax("pay-second"), 2_000L),
                        tuple(SettlementKind.OVERPAYMENT, PaymentRef.eltax("pay-second"), 2_000L));
        assertThat(outcome.exceptions()).singleElement().satisfies(exception -> {
            assertThat(exception.reason()).isEqualTo(ExceptionReason.OVERPAYMENT);
            assertThat(exception.amount().yen()).isEqualTo(2_000);
        });
        assertThat(outcome.invoice()).map(Invoice::status).contains(InvoiceStatus.PAID);
    }

    @Test
    void cancelledEventIntroducingTheInvoiceMakesTheSuspendedPaymentOverpaidAfterCancellation() {
        Outcome payment = paidBeforeTheInvoice("early", 5_000);
        Settlement suspense = onlyOfKind(payment, SettlementKind.SUSPENSE);
        InvoiceEvent cancelled = event(InvoiceEventType.CANCELLED, terms(5_000), INVOICE_ARRIVES);

        Outcome outcome = reconciler.onInvoiceEvent(noInvoiceYet(payment), cancelled, PayerInvoices.NONE);

        assertThat(outcome.settlements()).extracting(Settlement::kind, s -> s.amount().yen(), Settlement::reverses)
                .containsExactly(
                        tuple(SettlementKind.REVERSAL, 5_000L, Optional.of(suspense.settlementId())),
                        tuple(SettlementKind.OVERPAYMENT, 5_000L, Optional.empty()));
        assertThat(outcome.exceptions()).singleElement().satisfies(exception -> {
            assertThat(exception.reason()).isEqualTo(ExceptionReason.PAID_AFTER_CANCELLATION);
            assertThat(exception.amount().yen()).isEqualTo(5_000);
            assertThat(exception.invoiceId()).contains(INVOICE_ID);
        });
        assertThat(outcome.resolutions()).containsExactly(resolutionOf(payment, cancelled));
        assertThat(outcome.invoice()).hasValueSatisfying(invoice -> {
            assertThat(invoice.status()).isEqualTo(InvoiceStatus.CANCELLED);
            assertThat(invoice.settledRevenue().yen()).isZero();
        });
    }

    @Test
    void amendedEventIntroducingTheInvoiceReMatchesAgainstTheAmendedAmount() {
        Outcome payment = paidBeforeTheInvoice("early", 5_000);
        InvoiceEvent amended = event(InvoiceEventType.AMENDED, terms(3_000), INVOICE_ARRIVES);

        Outcome outcome = reconciler.onInvoiceEvent(noInvoiceYet(payment), amended, PayerInvoices.NONE);

        assertThat(outcome.settlements()).extracting(Settlement::kind, s -> s.amount().yen())
                .containsExactly(
                        tuple(SettlementKind.REVERSAL, 5_000L),
                        tuple(SettlementKind.REVENUE, 3_000L),
                        tuple(SettlementKind.OVERPAYMENT, 2_000L));
        assertThat(outcome.invoice()).map(Invoice::settledRevenue).contains(Amount.of(3_000));
        assertThat(outcome.resolutions()).containsExactly(resolutionOf(payment, amended));
    }

    @Test
    void reMatchedRevenueBooksByTheDayThePayerPaidNotByTheDayTheInvoiceArrived() {
        // Paid in FY2025's closing period, invoice known only in June: the revenue still counts to FY2025 (現年度).
        EltaxNotice notice = notice("notice-may", "pay-may", NoticeStage.CONFIRMED, EL_NUMBER, 5_000,
                OffsetDateTime.parse("2026-05-20T10:00:00+09:00"));
        Outcome payment = reconciler.onNotice(Optional.empty(), Optional.empty(), notice, PayerInvoices.NONE);
        Settlement suspense = onlyOfKind(payment, SettlementKind.SUSPENSE);
        InvoiceEvent issued = event(InvoiceEventType.ISSUED, terms(5_000),
                OffsetDateTime.parse("2026-06-10T09:00:00+09:00"));

        Outcome outcome = reconciler.onInvoiceEvent(noInvoiceYet(payment), issued, PayerInvoices.NONE);

        BookingYear fy2026 = new BookingYear(new FiscalYear(2026), YearClass.CURRENT);
        assertThat(suspense.bookingYear()).isEqualTo(fy2026);
        assertThat(onlyOfKind(outcome, SettlementKind.REVERSAL).bookingYear()).isEqualTo(fy2026);
        assertThat(onlyOfKind(outcome, SettlementKind.REVENUE)).satisfies(revenue -> {
            assertThat(revenue.bookingYear()).isEqualTo(new BookingYear(FY2025, YearClass.CURRENT));
            assertThat(revenue.receivedOn()).isEqualTo(LocalDate.of(2026, 5, 20));
        });
    }

    @Test
    void preliminaryBeforeTheInvoiceIsAnnouncedOnItWhenIssuedAndClearedByTheConfirmation() {
        EltaxNotice preliminaryNotice = notice("notice-pre", "pay-pre", NoticeStage.PRELIMINARY, EL_NUMBER, 5_000,
                PAID_AT);
        Outcome preliminary = reconciler.onNotice(Optional.empty(), Optional.empty(), preliminaryNotice,
                PayerInvoices.NONE);
        assertThat(preliminary.invoice()).isEmpty();
        long announcedBeforeIssue = preliminary.payment().orElseThrow().amount();

        Outcome issued = reconciler.onInvoiceEvent(
                new InvoiceLedger(Optional.empty(), List.of(), List.of(), announcedBeforeIssue),
                event(InvoiceEventType.ISSUED, terms(5_000), INVOICE_ARRIVES), PayerInvoices.NONE);

        assertThat(issued.settlements()).isEmpty();
        assertThat(issued.invoice()).hasValueSatisfying(invoice -> {
            assertThat(invoice.announced().yen()).isEqualTo(5_000);
            assertThat(invoice.status()).isEqualTo(InvoiceStatus.PROVISIONALLY_PAID);
        });

        Outcome confirmed = reconciler.onNotice(issued.invoice(), preliminary.payment(),
                notice("notice-conf", "pay-pre", NoticeStage.CONFIRMED, EL_NUMBER, 5_000, PAID_AT),
                PayerInvoices.NONE);

        assertThat(confirmed.invoice()).hasValueSatisfying(invoice -> {
            assertThat(invoice.announced().yen()).isZero();
            assertThat(invoice.settledRevenue().yen()).isEqualTo(5_000);
            assertThat(invoice.status()).isEqualTo(InvoiceStatus.PAID);
        });
    }

    @Test
    void throughTheBooksAPaymentBeforeItsInvoiceEndsAsRevenueWithNothingLeftInSuspense() {
        ReconciliationBooks books = new ReconciliationBooks();
        books.receive(notice("notice-pre", "pay-a", NoticeStage.PRELIMINARY, EL_NUMBER, 2_000, PAID_AT));
        books.receive(notice("notice-b", "pay-b", NoticeStage.CONFIRMED, EL_NUMBER, 3_000, PAID_AT));
        assertThat(books.ledgerOf(terms(5_000))).satisfies(ledger -> {
            assertThat(ledger.suspended()).extracting(Settlement::paymentRef)
                    .containsExactly(PaymentRef.eltax("pay-b"));
            assertThat(ledger.announcedBeforeIssue()).isEqualTo(2_000);
        });

        books.receive(event(InvoiceEventType.ISSUED, terms(5_000), INVOICE_ARRIVES));
        books.receive(notice("notice-a", "pay-a", NoticeStage.CONFIRMED, EL_NUMBER, 2_000, PAID_AT));

        assertThat(books.invoice(INVOICE_ID)).hasValueSatisfying(invoice -> {
            assertThat(invoice.settledRevenue().yen()).isEqualTo(5_000);
            assertThat(invoice.announced().yen()).isZero();
            assertThat(invoice.status()).isEqualTo(InvoiceStatus.PAID);
        });
        assertThat(books.ledgerOf(terms(5_000)).suspended()).isEmpty();
        books.assertConsistent("after the late invoice and the confirmation");
    }
}
