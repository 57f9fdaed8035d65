package io.shuno.reconciliation;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Optional;
import java.util.stream.Stream;

import static io.shuno.reconciliation.ReconciliationFixtures.CHIYODA;
import static io.shuno.reconciliation.ReconciliationFixtures.EL_NUMBER;
import static io.shuno.reconciliation.ReconciliationFixtures.FY2025;
import static io.shuno.reconciliation.ReconciliationFixtures.INVOICE_ID;
import static io.shuno.reconciliation.ReconciliationFixtures.IN_FY2025;
import static io.shuno.reconciliation.ReconciliationFixtures.PAYMENT_ID;
import static io.shuno.reconciliation.ReconciliationFixtures.UNKNOWN_EL_NUMBER;
import static io.shuno.reconciliation.ReconciliationFixtures.cancelledInvoice;
import static io.shuno.reconciliation.ReconciliationFixtures.confirmed;
import static io.shuno.reconciliation.ReconciliationFixtures.invoice;
import static io.shuno.reconciliation.ReconciliationFixtures.japanese;
import static io.shuno.reconciliation.ReconciliationFixtures.notice;
import static io.shuno.reconciliation.ReconciliationFixtures.paymentAt;
import static io.shuno.reconciliation.ReconciliationFixtures.terms;
import static io.shuno.reconciliation.ReconciliationFixtures.total;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;
import static org.junit.jupiter.params.provider.Arguments.arguments;

/** 消込 of eLTAX notices through {@link Reconciler#onNotice}: what each payment does to its invoice and the ledger. */
class ReconcilerTest {

    private static final Reconciler reconciler = new Reconciler(ReconciliationFixtures.RATES);

    private static Outcome confirm(Optional<Invoice> invoice, long amount) {
        return reconciler.onNotice(invoice, Optional.empty(), notice(NoticeStage.CONFIRMED, amount), PayerInvoices.NONE);
    }

    private static Invoice invoiceOf(Outcome outcome) {
        return outcome.invoice().orElseThrow();
    }

    // --- amounts ------------------------------------------------------------------------------------------------

    @Test
    void exactPaymentBooksOneRevenueForTheAmountAndPaysTheInvoice() {
        Outcome outcome = confirm(Optional.of(invoice(5_000, 0)), 5_000);

        assertThat(outcome.settlements()).singleElement().satisfies(revenue -> {
            assertThat(revenue.kind()).isEqualTo(SettlementKind.REVENUE);
            assertThat(revenue.amount().yen()).isEqualTo(5_000);
            assertThat(revenue.invoiceId()).contains(INVOICE_ID);
            assertThat(revenue.paymentRef()).isEqualTo(PaymentRef.eltax(PAYMENT_ID));
            assertThat(revenue.account()).isEqualTo(Account.NHI);
            assertThat(revenue.municipality()).isEqualTo(CHIYODA);
        });
        assertThat(invoiceOf(outcome).status()).isEqualTo(InvoiceStatus.PAID);
        assertThat(invoiceOf(outcome).openBalance().yen()).isZero();
        assertThat(outcome.exceptions()).isEmpty();
        assertThat(outcome.payment()).contains(paymentAt(NoticeStage.CONFIRMED, 5_000));
    }

    @Test
    void partialPaymentBooksRevenueForWhatWasPaidAndLeavesTheResidualOpen() {
        Outcome outcome = confirm(Optional.of(invoice(5_000, 0)), 2_000);

        assertThat(outcome.settlements()).singleElement().satisfies(revenue -> {
            assertThat(revenue.kind()).isEqualTo(SettlementKind.REVENUE);
            assertThat(revenue.amount().yen()).isEqualTo(2_000);
        });
        assertThat(invoiceOf(outcome).status()).isEqualTo(InvoiceStatus.PARTIALLY_PAID);
        assertThat(invoiceOf(outcome).openBalance().yen()).isEqualTo(3_000);
        assertThat(outcome.exceptions()).isEmpty();
    }

    @Test
    void overPaymentBooksRevenueUpToTheOpenBalanceAndTheExcessAsOverpaymentToRefund() {
        Outcome outcome = confirm(Optional.of(invoice(5_000, 1_000)), 7_000);

        assertThat(outcome.settlements()).extracting(Settlement::kind, s -> s.amount().yen())
                .containsExactlyInAnyOrder(
                        tuple(SettlementKind.REVENUE, 4_000L),
                        tuple(SettlementKind.OVERPAYMENT, 3_000L));
        assertThat(outcome.exceptions()).singleElement().satisfies(exception -> {
            assertThat(exception.reason()).isEqualTo(ExceptionReason.OVERPAYMENT);
            assertThat(exception.amount().yen()).isEqualTo(3_000);
            assertThat(exception.suggestedAction()).isEqualTo(SuggestedAction.REFUND);
            assertThat(exception.invoiceId()).contains(INVOICE_ID);
            assertThat(exception.paymentRef()).contains(PaymentRef.eltax(PAYMENT_ID));
        });
        assertThat(invoiceOf(outcome).status()).isEqualTo(InvoiceStatus.PAID);
        assertThat(invoiceOf(outcome).settledRevenue().yen()).isEqualTo(5_000);
    }

    @Test
    void secondPaymentOnAPaidInvoiceIsWhollyOverpaymentAndFlaggedAsDoublePayment() {
        Invoice paid = invoice(5_000, 5_000);

        Outcome outcome = confirm(Optional.of(paid), 5_000);

        assertThat(outcome.settlements()).singleElement().satisfies(overpayment -> {
            assertThat(overpayment.kind()).isEqualTo(SettlementKind.OVERPAYMENT);
            assertThat(overpayment.amount().yen()).isEqualTo(5_000);
        });
        assertThat(outcome.exceptions()).singleElement().satisfies(exception -> {
            assertThat(exception.reason()).isEqualTo(ExceptionReason.DOUBLE_PAYMENT);
            assertThat(exception.amount().yen()).isEqualTo(5_000);
            assertThat(exception.suggestedAction()).isEqualTo(SuggestedAction.REFUND);
        });
        assertThat(invoiceOf(outcome).settledRevenue().yen()).isEqualTo(5_000);
    }

    @Test
    void paymentWithoutInvoiceGoesToSuspenseUnderTheMunicipalityOfItsElNumber() {
        EltaxNotice unknown = notice("n-oita", PAYMENT_ID, NoticeStage.CONFIRMED, UNKNOWN_EL_NUMBER, 5_000, IN_FY2025);

        Outcome outcome = reconciler.onNotice(Optional.empty(), Optional.empty(), unknown, PayerInvoices.NONE);

        assertThat(outcome.settlements()).singleElement().satisfies(suspense -> {
            assertThat(suspense.kind()).isEqualTo(SettlementKind.SUSPENSE);
            assertThat(suspense.amount().yen()).isEqualTo(5_000);
            assertThat(suspense.invoiceId()).isEmpty();
            assertThat(suspense.municipality()).isEqualTo(new MunicipalityCode("442011"));
        });
        assertThat(outcome.exceptions()).singleElement().satisfies(exception -> {
            assertThat(exception.reason()).isEqualTo(ExceptionReason.UNMATCHED);
            assertThat(exception.suggestedAction()).isEqualTo(SuggestedAction.INVESTIGATE);
            assertThat(exception.amount().yen()).isEqualTo(5_000);
            assertThat(exception.municipality()).isEqualTo(new MunicipalityCode("442011"));
            assertThat(exception.invoiceId()).isEmpty();
        });
        assertThat(outcome.invoice()).isEmpty();
        assertThat(outcome.payment()).map(PaymentState::stage).contains(NoticeStage.CONFIRMED);
    }

    @Test
    void paymentOnACancelledInvoiceIsWhollyOverpaymentPaidAfterCancellation() {
        Outcome outcome = confirm(Optional.of(cancelledInvoice(5_000)), 5_000);

        assertThat(outcome.settlements()).singleElement().satisfies(overpayment -> {
            assertThat(overpayment.kind()).isEqualTo(SettlementKind.OVERPAYMENT);
            assertThat(overpayment.amount().yen()).isEqualTo(5_000);
        });
        assertThat(outcome.exceptions()).singleElement().satisfies(exception -> {
            assertThat(exception.reason()).isEqualTo(ExceptionReason.PAID_AFTER_CANCELLATION);
            assertThat(exception.amount().yen()).isEqualTo(5_000);
            assertThat(exception.suggestedAction()).isEqualTo(SuggestedAction.REFUND);
        });
        assertThat(invoiceOf(outcome).status()).isEqualTo(InvoiceStatus.CANCELLED);
        assertThat(invoiceOf(outcome).settledRevenue().yen()).isZero();
    }

    // --- stages -------------------------------------------------------------------------------------------------

    @Test
    void preliminaryNoticeSettlesNothingButMarksTheInvoiceProvisionallyPaid() {
        Outcome outcome = reconciler.onNotice(Optional.of(invoice(5_000, 0)), Optional.empty(),
                notice(NoticeStage.PRELIMINARY, 5_000), PayerInvoices.NONE);

        assertThat(outcome.settlements()).isEmpty();
        assertThat(outcome.exceptions()).isEmpty();
        assertThat(invoiceOf(outcome).status()).isEqualTo(InvoiceStatus.PROVISIONALLY_PAID);
        assertThat(invoiceOf(outcome).announced().yen()).isEqualTo(5_000);
        assertThat(invoiceOf(outcome).settledRevenue().yen()).isZero();
        assertThat(outcome.payment()).contains(paymentAt(NoticeStage.PRELIMINARY, 5_000));
    }

    @Test
    void confirmationAfterPreliminarySettlesAndClearsTheAnnouncement() {
        Outcome preliminary = reconciler.onNotice(Optional.of(invoice(5_000, 0)), Optional.empty(),
                notice(NoticeStage.PRELIMINARY, 5_000), PayerInvoices.NONE);

        Outcome outcome = reconciler.onNotice(preliminary.invoice(), preliminary.payment(),
                notice(NoticeStage.CONFIRMED, 5_000), PayerInvoices.NONE);

        assertThat(total(outcome.settlements(), SettlementKind.REVENUE)).isEqualTo(5_000);
        assertThat(invoiceOf(outcome).announced().yen()).isZero();
        assertThat(invoiceOf(outcome).status()).isEqualTo(InvoiceStatus.PAID);
        assertThat(outcome.payment()).map(PaymentState::stage).contains(NoticeStage.CONFIRMED);
        assertThat(outcome.exceptions()).isEmpty();
    }

    @Test
    void cancellationAfterPreliminaryWithdrawsTheAnnouncementWithoutSettling() {
        Outcome preliminary = reconciler.onNotice(Optional.of(invoice(5_000, 0)), Optional.empty(),
                notice(NoticeStage.PRELIMINARY, 5_000), PayerInvoices.NONE);

        Outcome outcome = reconciler.onNotice(preliminary.invoice(), preliminary.payment(),
                notice(NoticeStage.CANCELLED, 5_000), PayerInvoices.NONE);

        assertThat(outcome.settlements()).isEmpty();
        assertThat(outcome.exceptions()).isEmpty();
        assertThat(invoiceOf(outcome).announced().yen()).isZero();
        assertThat(invoiceOf(outcome).status()).isEqualTo(InvoiceStatus.OPEN);
        assertThat(outcome.payment()).contains(paymentAt(NoticeStage.CANCELLED, 5_000));
    }

    @Test
    void cancellationAfterConfirmationIsRefusedAndShownToStaff() {
        Outcome confirmed = confirm(Optional.of(invoice(5_000, 0)), 5_000);

        Outcome outcome = reconciler.onNotice(confirmed.invoice(), confirmed.payment(),
                notice(NoticeStage.CANCELLED, 5_000), PayerInvoices.NONE);

        assertThat(outcome.settlements()).isEmpty();
        assertThat(outcome.exceptions()).singleElement().satisfies(exception -> {
            assertThat(exception.reason()).isEqualTo(ExceptionReason.CANCEL_AFTER_CONFIRM);
            assertThat(exception.amount().yen()).isEqualTo(5_000);
            assertThat(exception.invoiceId()).contains(INVOICE_ID);
        });
        assertThat(outcome.invoice()).isEqualTo(confirmed.invoice());
        assertThat(outcome.payment()).isEqualTo(confirmed.payment());
    }

    @Test
    void secondConfirmationOfTheSamePaymentChangesNothing() {
        Outcome first = confirm(Optional.of(invoice(5_000, 0)), 5_000);

        Outcome again = reconciler.onNotice(first.invoice(), first.payment(),
                notice("notice-resent", PAYMENT_ID, NoticeStage.CONFIRMED, EL_NUMBER, 5_000,
                        IN_FY2025), PayerInvoices.NONE);

        assertThat(again.settlements()).isEmpty();
        assertThat(again.exceptions()).isEmpty();
        assertThat(again.invoice()).isEqualTo(first.invoice());
        assertThat(again.payment()).isEqualTo(first.payment());
    }

    // --- conservation and determinism ---------------------------------------------------------------------------

    static Stream<Arguments> confirmedNotices() {
        Invoice announced = new Invoice(terms(5_000), false, Amount.ZERO, Amount.of(5_000));
        return Stream.of(
                arguments("exact", Optional.of(invoice(5_000, 0)), Optional.empty(), 5_000L),
                arguments("partial", Optional.of(invoice(5_000, 0)), Optional.empty(), 2_000L),
                arguments("over", Optional.of(invoice(5_000, 0)), Optional.empty(), 8_000L),
                arguments("over on partially paid", Optional.of(invoice(5_000, 3_000)), Optional.empty(), 4_000L),
                arguments("double", Optional.of(invoice(5_000, 5_000)), Optional.empty(), 5_000L),
                arguments("unmatched", Optional.empty(), Optional.empty(), 5_000L),
                arguments("cancelled invoice", Optional.of(cancelledInvoice(5_000)), Optional.empty(), 5_000L),
                arguments("after preliminary", Optional.of(announced),
                        Optional.of(paymentAt(NoticeStage.PRELIMINARY, 5_000)), 5_000L),
                arguments("after preliminary of another amount", Optional.of(announced),
                        Optional.of(paymentAt(NoticeStage.PRELIMINARY, 5_000)), 6_500L),
                arguments("after preliminary cancelled", Optional.of(invoice(5_000, 0)),
                        Optional.of(paymentAt(NoticeStage.CANCELLED, 5_000)), 5_000L));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("confirmedNotices")
    void everyConfirmedNoticeIsSettledToTheYen(String scenario, Optional<Invoice> invoice,
                                               Optional<PaymentState> previous, long amount) {
        Outcome outcome = reconciler.onNotice(invoice, previous, notice(NoticeStage.CONFIRMED, amount), PayerInvoices.NONE);

        assertThat(total(outcome.settlements())).isEqualTo(amount);
        assertThat(outcome.settlements()).allSatisfy(s -> assertThat(s.amount().yen()).isPositive());
    }

    @Test
    void theSameNoticeGivesTheSameSettlementAndExceptionIds() {
        Outcome first = confirm(Optional.of(invoice(5_000, 0)), 8_000);
        Outcome replayed = confirm(Optional.of(invoice(5_000, 0)), 8_000);

        assertThat(first.settlements()).hasSize(2);
        assertThat(replayed.settlements()).extracting(Settlement::settlementId)
                .containsExactlyElementsOf(first.settlements().stream().map(Settlement::settlementId).toList())
                .doesNotHaveDuplicates();
        assertThat(replayed.exceptions()).extracting(StaffException::exceptionId)
                .containsExactlyElementsOf(first.exceptions().stream().map(StaffException::exceptionId).toList());
    }

    @Test
    void differentNoticesGiveDifferentIds() {
        Outcome one = reconciler.onNotice(Optional.of(invoice(5_000, 0)), Optional.empty(),
                confirmed("notice-a", 8_000, IN_FY2025), PayerInvoices.NONE);
        Outcome other = reconciler.onNotice(Optional.of(invoice(5_000, 0)), Optional.empty(),
                confirmed("notice-b", 8_000, IN_FY2025), PayerInvoices.NONE);

        assertThat(other.settlements()).extracting(Settlement::settlementId)
                .doesNotContainAnyElementsOf(one.settlements().stream().map(Settlement::settlementId).toList());
        assertThat(other.exceptions()).extracting(StaffException::exceptionId)
                .doesNotContainAnyElementsOf(one.exceptions().stream().map(StaffException::exceptionId).toList());
    }

    // --- what staff read ----------------------------------------------------------------------------------------

    static Stream<Arguments> exceptionalNotices() {
        return Stream.of(
                arguments(ExceptionReason.OVERPAYMENT, confirm(Optional.of(invoice(5_000, 0)), 8_000), "3,000円"),
                arguments(ExceptionReason.DOUBLE_PAYMENT, confirm(Optional.of(invoice(5_000, 5_000)), 5_000),
                        "5,000円"),
                arguments(ExceptionReason.UNMATCHED, confirm(Optional.empty(), 1_234_567), "1,234,567円"),
                arguments(ExceptionReason.PAID_AFTER_CANCELLATION, confirm(Optional.of(cancelledInvoice(5_000)), 5_000),
                        "5,000円"),
                arguments(ExceptionReason.CANCEL_AFTER_CONFIRM, reconciler.onNotice(Optional.of(invoice(5_000, 5_000)),
                        Optional.of(paymentAt(NoticeStage.CONFIRMED, 5_000)), notice(NoticeStage.CANCELLED, 5_000), PayerInvoices.NONE),
                        "5,000円"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("exceptionalNotices")
    void everyExceptionExplainsItselfInJapaneseWithTheAmountInYen(ExceptionReason reason, Outcome outcome,
                                                                  String amountInYen) {
        assertThat(outcome.exceptions()).singleElement().satisfies(exception -> {
            assertThat(exception.reason()).isEqualTo(reason);
            assertThat(japanese(exception)).isNotBlank()
                    .containsPattern("[\\p{IsHan}\\p{IsHiragana}\\p{IsKatakana}]")
                    .contains(amountInYen);
        });
    }

    // --- fiscal year --------------------------------------------------------------------------------------------

    @Test
    void revenueOfLastYearsInvoicePaidOnFirstOfJuneBooksToTheNewYearAsArrears() {
        Outcome outcome = reconciler.onNotice(Optional.of(invoice(5_000, 0)), Optional.empty(),
                confirmed("june", 5_000, OffsetDateTime.parse("2026-06-01T09:00:00+09:00")), PayerInvoices.NONE);

        assertThat(outcome.settlements()).singleElement().satisfies(revenue -> {
            assertThat(revenue.kind()).isEqualTo(SettlementKind.REVENUE);
            assertThat(revenue.bookingYear()).isEqualTo(new BookingYear(new FiscalYear(2026), YearClass.ARREARS));
        });
    }

    @Test
    void paymentAtHalfPastFourUtcOnThirtyFirstOfMayIsReceivedOnFirstOfJuneInTokyo() {
        Outcome outcome = reconciler.onNotice(Optional.of(invoice(5_000, 0)), Optional.empty(),
                confirmed("late-utc", 5_000, OffsetDateTime.parse("2026-05-31T16:30:00Z")), PayerInvoices.NONE);

        assertThat(outcome.settlements()).singleElement().satisfies(revenue -> {
            assertThat(revenue.receivedOn()).isEqualTo(LocalDate.of(2026, 6, 1));
            assertThat(revenue.bookingYear()).isEqualTo(new BookingYear(new FiscalYear(2026), YearClass.ARREARS));
        });
    }

    @Test
    void paymentJustBeforeMidnightInTokyoOnThirtyFirstOfMayStillCountsToLastYear() {
        Outcome outcome = reconciler.onNotice(Optional.of(invoice(5_000, 0)), Optional.empty(),
                confirmed("last-minute", 5_000, OffsetDateTime.parse("2026-05-31T14:59:59Z")), PayerInvoices.NONE);

        assertThat(outcome.settlements()).singleElement().satisfies(revenue -> {
            assertThat(revenue.receivedOn()).isEqualTo(LocalDate.of(2026, 5, 31));
            assertThat(revenue.bookingYear()).isEqualTo(new BookingYear(FY2025, YearClass.CURRENT));
        });
    }

    @Test
    void excessReceivedInTheClosingPeriodBooksToTheYearOfReceiptWhileRevenueStaysInTheAssessedYear() {
        Outcome outcome = reconciler.onNotice(Optional.of(invoice(5_000, 0)), Optional.empty(),
                confirmed("may", 8_000, OffsetDateTime.parse("2026-05-15T10:00:00+09:00")), PayerInvoices.NONE);

        assertThat(outcome.settlements()).extracting(Settlement::kind, Settlement::bookingYear)
                .containsExactlyInAnyOrder(
                        tuple(SettlementKind.REVENUE,
                                new BookingYear(FY2025, YearClass.CURRENT)),
                        tuple(SettlementKind.OVERPAYMENT,
                                new BookingYear(new FiscalYear(2026), YearClass.CURRENT)));
    }
}
