package io.shuno.reconciliation;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import static io.shuno.reconciliation.ReconciliationFixtures.japanese;
import static io.shuno.reconciliation.ChannelFixtures.CUSTOMER_NUMBER;
import static io.shuno.reconciliation.ChannelFixtures.DEBIT_DATE;
import static io.shuno.reconciliation.ChannelFixtures.DEBIT_KEY;
import static io.shuno.reconciliation.ChannelFixtures.debitResult;
import static io.shuno.reconciliation.ChannelFixtures.invoiceDebitedOn;
import static io.shuno.reconciliation.ChannelFixtures.invoiceWithSlips;
import static io.shuno.reconciliation.ChannelFixtures.termsWithSlips;
import static io.shuno.reconciliation.ReconciliationFixtures.CHIYODA;
import static io.shuno.reconciliation.ReconciliationFixtures.FY2025;
import static io.shuno.reconciliation.ReconciliationFixtures.INVOICE_ID;
import static io.shuno.reconciliation.ReconciliationFixtures.event;
import static io.shuno.reconciliation.ReconciliationFixtures.onlyFor;
import static io.shuno.reconciliation.ReconciliationFixtures.onlyOfKind;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.groups.Tuple.tuple;

/** 口座振替: a bank's result records through {@link Reconciler#onDirectDebitResult}. */
class DirectDebitResultTest {

    private static final Reconciler reconciler = new Reconciler(ReconciliationFixtures.RATES);

    private static Outcome on(Invoice invoice, DirectDebitResult result) {
        return reconciler.onDirectDebitResult(Optional.of(invoice), Optional.empty(), result, PayerInvoices.NONE);
    }

    // --- debited (振替済) ---------------------------------------------------------------------------------------

    @Test
    void aDebitedRecordIsMoneyReceivedOnTheDebitDateAndPaysTheInvoice() {
        Outcome outcome = on(invoiceWithSlips(5_000, 0), debitResult('0', 5_000));

        Settlement revenue = onlyOfKind(outcome, SettlementKind.REVENUE);
        assertThat(revenue.amount().yen()).isEqualTo(5_000);
        assertThat(revenue.invoiceId()).contains(INVOICE_ID);
        assertThat(revenue.channel()).isEqualTo(Channel.DIRECT_DEBIT);
        assertThat(revenue.receivedOn()).isEqualTo(DEBIT_DATE);
        assertThat(revenue.bookingYear()).isEqualTo(new BookingYear(FY2025, YearClass.CURRENT));
        assertThat(revenue.paymentRef()).isEqualTo(debitResult('0', 5_000).paymentRef());
        assertThat(revenue.paymentRef().value()).startsWith("debit:");
        assertThat(revenue.store()).isEmpty();
        assertThat(outcome.exceptions()).isEmpty();
        assertThat(outcome.invoice().orElseThrow().status()).isEqualTo(InvoiceStatus.PAID);
        assertThat(outcome.payment()).contains(
                new PaymentState(revenue.paymentRef(), DEBIT_KEY, 5_000, NoticeStage.CONFIRMED));
    }

    @Test
    void aDebitOfPartOfTheInvoiceLeavesTheRestOpen() {
        Outcome outcome = on(invoiceWithSlips(5_000, 0), debitResult('0', 2_000));

        assertThat(onlyOfKind(outcome, SettlementKind.REVENUE).amount().yen()).isEqualTo(2_000);
        assertThat(outcome.invoice().orElseThrow().openBalance().yen()).isEqualTo(3_000);
        assertThat(outcome.exceptions()).isEmpty();
    }

    @Test
    void aDebitAboveWhatIsOwedBooksTheExcessAsOverpayment() {
        Outcome outcome = on(invoiceWithSlips(5_000, 1_000), debitResult('0', 5_000));

        assertThat(outcome.settlements()).extracting(Settlement::kind, s -> s.amount().yen()).containsExactly(
                tuple(SettlementKind.REVENUE, 4_000L), tuple(SettlementKind.OVERPAYMENT, 1_000L));
        assertThat(onlyFor(outcome, ExceptionReason.OVERPAYMENT).amount().yen()).isEqualTo(1_000);
    }

    @Test
    void aDebitOfAnInvoicePaidAlreadyIsADoublePayment() {
        Outcome outcome = on(invoiceWithSlips(5_000, 5_000), debitResult('0', 5_000));

        assertThat(onlyOfKind(outcome, SettlementKind.OVERPAYMENT).amount().yen()).isEqualTo(5_000);
        assertThat(onlyFor(outcome, ExceptionReason.DOUBLE_PAYMENT).amount().yen()).isEqualTo(5_000);
    }

    @Test
    void aDebitOfACancelledInvoiceIsPaidAfterCancellation() {
        Invoice cancelled = new Invoice(termsWithSlips(5_000), true, Amount.ZERO, Amount.ZERO);

        Outcome outcome = on(cancelled, debitResult('0', 5_000));

        assertThat(onlyOfKind(outcome, SettlementKind.OVERPAYMENT).amount().yen()).isEqualTo(5_000);
        assertThat(onlyFor(outcome, ExceptionReason.PAID_AFTER_CANCELLATION).amount().yen()).isEqualTo(5_000);
    }

    @Test
    void aRetryDebitedAfterTheDueDateCallsForTheLateChargeOfItsDebitDate() {
        LocalDate retried = LocalDate.of(2025, 9, 30);
        Outcome outcome = on(invoiceDebitedOn(1_000_000, retried), debitResult('0', 1_000_000, retried));

        StaffException lateCharge = onlyFor(outcome, ExceptionReason.LATE_CHARGE_DUE);
        assertThat(lateCharge.suggestedAction()).isEqualTo(SuggestedAction.ASSESS_LATE_CHARGE);
        assertThat(japanese(lateCharge)).contains("令和7年9月30日");
        // 92 days within three months of the due date at 2.4 % on 1,000,000円: 6,049円, rounded down to 6,000円.
        assertThat(lateCharge.amount().yen()).isEqualTo(6_000);
    }

    @Test
    void aDebitAfterTheClosingPeriodBooksToTheYearOfTheDebitAsArrears() {
        LocalDate afterTheClosingPeriod = LocalDate.of(2026, 6, 1);
        Outcome outcome = on(invoiceDebitedOn(5_000, afterTheClosingPeriod),
                debitResult('0', 5_000, afterTheClosingPeriod));

        assertThat(onlyOfKind(outcome, SettlementKind.REVENUE).bookingYear())
                .isEqualTo(new BookingYear(new FiscalYear(2026), YearClass.ARREARS));
    }

    @Test
    void theSameDebitReportedTwiceBooksOnce() {
        Outcome first = on(invoiceWithSlips(5_000, 0), debitResult('0', 5_000));

        Outcome again = reconciler.onDirectDebitResult(first.invoice(), first.payment(), debitResult('0', 5_000),
                PayerInvoices.NONE);

        assertThat(again.settlements()).isEmpty();
        assertThat(again.exceptions()).isEmpty();
        assertThat(again.invoice()).isEqualTo(first.invoice());
    }

    @Test
    void aDebitWhoseKeyNoInvoiceHasIsHeldInSuspenseAndReMatchedWhenTheInvoiceArrives() {
        Outcome unmatched = reconciler.onDirectDebitResult(Optional.empty(), Optional.empty(), debitResult('0', 5_000),
                PayerInvoices.NONE);
        Settlement suspense = onlyOfKind(unmatched, SettlementKind.SUSPENSE);
        assertThat(suspense.municipality()).isEqualTo(CHIYODA);
        assertThat(suspense.receivedOn()).isEqualTo(DEBIT_DATE);
        assertThat(japanese(onlyFor(unmatched, ExceptionReason.UNMATCHED)))
                .contains("口座振替 顧客番号 " + CUSTOMER_NUMBER).contains("令和7年6月30日");

        Outcome arrived = reconciler.onInvoiceEvent(new InvoiceLedger(Optional.empty(), List.of(), List.of(suspense),
                0), event(InvoiceEventType.ISSUED, termsWithSlips(5_000)), PayerInvoices.NONE);

        assertThat(arrived.settlements()).extracting(Settlement::kind, s -> s.amount().yen(), Settlement::receivedOn)
                .containsExactly(tuple(SettlementKind.REVERSAL, 5_000L, DEBIT_DATE),
                        tuple(SettlementKind.REVENUE, 5_000L, DEBIT_DATE));
        assertThat(onlyOfKind(arrived, SettlementKind.REVENUE).channel()).isEqualTo(Channel.DIRECT_DEBIT);
        assertThat(arrived.invoice().orElseThrow().status()).isEqualTo(InvoiceStatus.PAID);
        assertThat(arrived.resolutions()).extracting(ExceptionResolution::exceptionId)
                .containsExactly(onlyFor(unmatched, ExceptionReason.UNMATCHED).exceptionId());
    }

    // --- not debited (振替不能) ---------------------------------------------------------------------------------

    @ParameterizedTest(name = "振替結果コード {0}: {1}")
    @CsvSource({
            "1, 資金不足, SEND_PAYMENT_SLIP",
            "2, 取引なし, SEND_PAYMENT_SLIP",
            "3, 振替停止(預金者), SEND_PAYMENT_SLIP",
            "4, 依頼書なし, SEND_PAYMENT_SLIP",
            "8, 振替停止(委託者), INVESTIGATE",
            "9, その他, INVESTIGATE",
            "7, 不明, INVESTIGATE",
    })
    void aFailedDebitBooksNothingLeavesTheInvoiceOpenAndTellsStaffWhyAndWhatToSend(char code, String words,
                                                                                  SuggestedAction action) {
        Invoice open = invoiceWithSlips(5_000, 0);

        Outcome outcome = on(open, debitResult(code, 5_000));

        assertThat(outcome.settlements()).isEmpty();
        assertThat(outcome.invoice()).contains(open);
        assertThat(outcome.invoice().orElseThrow().status()).isEqualTo(InvoiceStatus.OPEN);
        StaffException failed = onlyFor(outcome, ExceptionReason.DIRECT_DEBIT_FAILED);
        assertThat(japanese(failed)).contains("「" + words + "」").contains("振替結果コード " + code).contains("5,000円")
                .contains("請求 " + INVOICE_ID).contains("納付書");
        assertThat(failed.suggestedAction()).isEqualTo(action);
        assertThat(failed.invoiceId()).contains(INVOICE_ID);
        assertThat(failed.paymentRef()).contains(debitResult(code, 5_000).paymentRef());
        assertThat(failed.amount().yen()).isEqualTo(5_000);
        assertThat(outcome.exceptions()).hasSize(1);
        assertThat(outcome.payment().orElseThrow().stage()).isEqualTo(NoticeStage.CANCELLED);
    }

    @Test
    void aFailedRetryAfterTheDueDateSuggestsAReminder() {
        LocalDate retried = LocalDate.of(2025, 7, 31);
        StaffException failed = onlyFor(on(invoiceDebitedOn(5_000, retried), debitResult('1', 5_000, retried)),
                ExceptionReason.DIRECT_DEBIT_FAILED);

        assertThat(failed.suggestedAction()).isEqualTo(SuggestedAction.SEND_REMINDER);
        assertThat(japanese(failed)).contains("督促状");
    }

    @Test
    void aPayerWhoStoppedTheDebitIsAskedToRegisterAgain() {
        StaffException failed = onlyFor(on(invoiceWithSlips(5_000, 0), debitResult('3', 5_000)),
                ExceptionReason.DIRECT_DEBIT_FAILED);

        assertThat(japanese(failed)).contains("口座振替の再登録");
    }

    @Test
    void aFailedDebitOfAnInvoicePaidAnotherWayNeedsNoFollowUp() {
        Outcome outcome = on(invoiceWithSlips(5_000, 5_000), debitResult('8', 5_000));

        assertThat(outcome.settlements()).isEmpty();
        assertThat(outcome.exceptions()).isEmpty();
        assertThat(outcome.payment().orElseThrow().stage()).isEqualTo(NoticeStage.CANCELLED);
    }

    @Test
    void aFailedDebitWhoseKeyNoInvoiceHasIsShownToStaffWithoutBooking() {
        Outcome outcome = reconciler.onDirectDebitResult(Optional.empty(), Optional.empty(), debitResult('1', 5_000),
                PayerInvoices.NONE);

        assertThat(outcome.settlements()).isEmpty();
        StaffException failed = onlyFor(outcome, ExceptionReason.DIRECT_DEBIT_FAILED);
        assertThat(failed.invoiceId()).isEmpty();
        assertThat(failed.municipality()).isEqualTo(CHIYODA);
        assertThat(failed.suggestedAction()).isEqualTo(SuggestedAction.INVESTIGATE);
        assertThat(japanese(failed)).contains("資金不足").contains("請求が見つかりません");
    }

    @Test
    void theSameFailureReportedTwiceIsShownOnce() {
        Outcome first = on(invoiceWithSlips(5_000, 0), debitResult('1', 5_000));

        Outcome again = reconciler.onDirectDebitResult(first.invoice(), first.payment(), debitResult('1', 5_000),
                PayerInvoices.NONE);

        assertThat(again.exceptions()).isEmpty();
        assertThat(again.settlements()).isEmpty();
    }

    @Test
    void aFailureReportedForADebitAlreadyBookedIsShownToStaffAndUndoesNothing() {
        Outcome debited = on(invoiceWithSlips(5_000, 0), debitResult('0', 5_000));

        Outcome failed = reconciler.onDirectDebitResult(debited.invoice(), debited.payment(), debitResult('1', 5_000),
                PayerInvoices.NONE);

        assertThat(failed.settlements()).isEmpty();
        assertThat(failed.invoice()).isEqualTo(debited.invoice());
        assertThat(failed.payment()).isEqualTo(debited.payment());
        StaffException exception = onlyFor(failed, ExceptionReason.DIRECT_DEBIT_FAILED);
        assertThat(exception.suggestedAction()).isEqualTo(SuggestedAction.INVESTIGATE);
        assertThat(japanese(exception)).contains("自動では取り消しません");
    }

    @Test
    void anInvoiceWithoutTheDebitKeyIsRefusedAsALoadingMistake() {
        Invoice withoutDebit = Invoice.issued(ReconciliationFixtures.terms(5_000));

        assertThatThrownBy(() -> on(withoutDebit, debitResult('0', 5_000)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("has no slip DIRECT_DEBIT");
        assertThatThrownBy(() -> on(withoutDebit, debitResult('1', 5_000)))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void theSameResultGivesTheSameIds() {
        Outcome once = on(invoiceWithSlips(5_000, 0), debitResult('1', 5_000));
        Outcome twice = on(invoiceWithSlips(5_000, 0), debitResult('1', 5_000));

        assertThat(twice.exceptions()).isEqualTo(once.exceptions());
        assertThat(on(invoiceWithSlips(5_000, 0), debitResult('0', 5_000)).settlements())
                .isEqualTo(on(invoiceWithSlips(5_000, 0), debitResult('0', 5_000)).settlements());
    }
}
