package io.shuno.reconciliation;

import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;

import static io.shuno.reconciliation.ReconciliationFixtures.japanese;
import static io.shuno.reconciliation.ChannelFixtures.BARCODE;
import static io.shuno.reconciliation.ChannelFixtures.PAID_AT_STORE;
import static io.shuno.reconciliation.ChannelFixtures.SEVEN_ELEVEN;
import static io.shuno.reconciliation.ChannelFixtures.TRANSFER_DATE;
import static io.shuno.reconciliation.ChannelFixtures.invoiceWithSlips;
import static io.shuno.reconciliation.ChannelFixtures.storeNotice;
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

/** コンビニ収納: the agency's 速報, 確報 and 速報取消 through {@link Reconciler#onConvenienceStoreNotice}. */
class ConvenienceStoreNoticeTest {

    private static final Reconciler reconciler = new Reconciler(ReconciliationFixtures.RATES);

    private static Outcome on(Optional<Invoice> invoice, Optional<PaymentState> previous, ConvenienceStoreNotice row) {
        return reconciler.onConvenienceStoreNotice(invoice, previous, row, PayerInvoices.NONE);
    }

    @Test
    void aPreliminaryMarksTheInvoiceProvisionallyPaidAndBooksNothing() {
        Outcome outcome = on(Optional.of(invoiceWithSlips(5_000, 0)), Optional.empty(),
                storeNotice(NoticeStage.PRELIMINARY, 5_000));

        assertThat(outcome.settlements()).isEmpty();
        assertThat(outcome.exceptions()).isEmpty();
        assertThat(outcome.invoice().orElseThrow().status()).isEqualTo(InvoiceStatus.PROVISIONALLY_PAID);
        assertThat(outcome.payment()).contains(new PaymentState(storeNotice(NoticeStage.PRELIMINARY, 5_000)
                .paymentRef(), PaymentKey.of(BARCODE), 5_000, NoticeStage.PRELIMINARY));
    }

    @Test
    void theConfirmationAfterThePreliminaryBooksRevenueOnTheDayOfPaymentWithChainAndTransferDate() {
        Outcome preliminary = on(Optional.of(invoiceWithSlips(5_000, 0)), Optional.empty(),
                storeNotice(NoticeStage.PRELIMINARY, 5_000));

        Outcome confirmed = on(preliminary.invoice(), preliminary.payment(), storeNotice(NoticeStage.CONFIRMED, 5_000));

        Settlement revenue = onlyOfKind(confirmed, SettlementKind.REVENUE);
        assertThat(revenue.amount().yen()).isEqualTo(5_000);
        assertThat(revenue.invoiceId()).contains(INVOICE_ID);
        assertThat(revenue.channel()).isEqualTo(Channel.CONVENIENCE_STORE);
        assertThat(revenue.receivedOn()).isEqualTo(LocalDate.of(2025, 10, 1));
        assertThat(revenue.bookingYear()).isEqualTo(new BookingYear(FY2025, YearClass.CURRENT));
        assertThat(revenue.store()).contains(new StoreReceipt(SEVEN_ELEVEN, Optional.of(TRANSFER_DATE)));
        assertThat(revenue.paymentRef().value()).startsWith("cvs:");
        assertThat(confirmed.invoice().orElseThrow().status()).isEqualTo(InvoiceStatus.PAID);
        assertThat(confirmed.invoice().orElseThrow().announced()).isEqualTo(Amount.ZERO);
        assertThat(confirmed.payment().orElseThrow().stage()).isEqualTo(NoticeStage.CONFIRMED);
    }

    @Test
    void aConfirmationWithoutAPreliminaryConfirmsByItself() {
        Outcome confirmed = on(Optional.of(invoiceWithSlips(5_000, 0)), Optional.empty(),
                storeNotice(NoticeStage.CONFIRMED, 5_000));

        assertThat(confirmed.settlements()).extracting(Settlement::kind, s -> s.amount().yen())
                .containsExactly(tuple(SettlementKind.REVENUE, 5_000L));
        assertThat(confirmed.invoice().orElseThrow().status()).isEqualTo(InvoiceStatus.PAID);
    }

    @Test
    void aCancelledPreliminaryWithdrawsTheProvisionalPaymentAndBooksNothing() {
        Outcome preliminary = on(Optional.of(invoiceWithSlips(5_000, 0)), Optional.empty(),
                storeNotice(NoticeStage.PRELIMINARY, 5_000));

        Outcome cancelled = on(preliminary.invoice(), preliminary.payment(), storeNotice(NoticeStage.CANCELLED, 5_000));

        assertThat(cancelled.settlements()).isEmpty();
        assertThat(cancelled.exceptions()).isEmpty();
        assertThat(cancelled.invoice().orElseThrow().status()).isEqualTo(InvoiceStatus.OPEN);
        assertThat(cancelled.payment().orElseThrow().stage()).isEqualTo(NoticeStage.CANCELLED);
    }

    @Test
    void theSameConfirmationTwiceBooksOnce() {
        Outcome first = on(Optional.of(invoiceWithSlips(5_000, 0)), Optional.empty(),
                storeNotice(NoticeStage.CONFIRMED, 5_000));

        Outcome again = on(first.invoice(), first.payment(), storeNotice(NoticeStage.CONFIRMED, 5_000));

        assertThat(again.settlements()).isEmpty();
        assertThat(again.exceptions()).isEmpty();
        assertThat(again.invoice()).isEqualTo(first.invoice());
        assertThat(again.payment()).isEqualTo(first.payment());
    }

    @Test
    void aCancellationAfterTheConfirmationIsShownToStaffWhoAskTheAgency() {
        Outcome confirmed = on(Optional.of(invoiceWithSlips(5_000, 0)), Optional.empty(),
                storeNotice(NoticeStage.CONFIRMED, 5_000));

        Outcome cancelled = on(confirmed.invoice(), confirmed.payment(), storeNotice(NoticeStage.CANCELLED, 5_000));

        assertThat(cancelled.settlements()).isEmpty();
        assertThat(japanese(onlyFor(cancelled, ExceptionReason.CANCEL_AFTER_CONFIRM))).contains("収納代行会社に照会");
    }

    @Test
    void onePaymentIsBarcodeChainStoreAndTimeOfPaymentWhateverItsStage() {
        ConvenienceStoreNotice preliminary = storeNotice(NoticeStage.PRELIMINARY, 5_000);
        ConvenienceStoreNotice confirmed = storeNotice(NoticeStage.CONFIRMED, 5_000);
        ConvenienceStoreNotice atAnotherStore = new ConvenienceStoreNotice(NoticeStage.CONFIRMED, CHIYODA, BARCODE,
                Amount.of(5_000), PAID_AT_STORE, SEVEN_ELEVEN, "654321", Optional.of(TRANSFER_DATE));
        ConvenienceStoreNotice aMinuteLater = new ConvenienceStoreNotice(NoticeStage.CONFIRMED, CHIYODA, BARCODE,
                Amount.of(5_000), PAID_AT_STORE.plusMinutes(1), SEVEN_ELEVEN, "123456", Optional.of(TRANSFER_DATE));

        ConvenienceStoreNotice sameMinuteInUtc = new ConvenienceStoreNotice(NoticeStage.CONFIRMED, CHIYODA, BARCODE,
                Amount.of(5_000), OffsetDateTime.parse("2025-10-01T01:00:30Z"), SEVEN_ELEVEN, "123456", Optional.of(TRANSFER_DATE));

        assertThat(confirmed.paymentRef()).isEqualTo(preliminary.paymentRef()).isEqualTo(sameMinuteInUtc.paymentRef());
        assertThat(List.of(atAnotherStore.paymentRef(), aMinuteLater.paymentRef()))
                .doesNotContain(confirmed.paymentRef()).doesNotHaveDuplicates();
        assertThat(confirmed.cause()).isNotEqualTo(preliminary.cause());
    }

    @Test
    void aPaymentAtTheStoreJustAfterMidnightInJapanIsReceivedThatDay() {
        ConvenienceStoreNotice afterMidnight = new ConvenienceStoreNotice(NoticeStage.CONFIRMED, CHIYODA, BARCODE,
                Amount.of(5_000), OffsetDateTime.parse("2026-05-31T15:05:00Z"), SEVEN_ELEVEN, "123456", Optional.empty());

        Settlement revenue = onlyOfKind(on(Optional.of(invoiceWithSlips(5_000, 0)), Optional.empty(), afterMidnight),
                SettlementKind.REVENUE);

        assertThat(revenue.receivedOn()).isEqualTo(LocalDate.of(2026, 6, 1));
        assertThat(revenue.bookingYear()).isEqualTo(new BookingYear(new FiscalYear(2026), YearClass.ARREARS));
        assertThat(revenue.store()).contains(new StoreReceipt(SEVEN_ELEVEN, Optional.empty()));
    }

    @Test
    void anInvoiceWithoutTheBarcodeIsRefusedAsALoadingMistake() {
        Invoice withoutBarcode = Invoice.issued(ReconciliationFixtures.terms(5_000));

        assertThatThrownBy(() -> on(Optional.of(withoutBarcode), Optional.empty(),
                storeNotice(NoticeStage.PRELIMINARY, 5_000)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("has no slip CONVENIENCE_BARCODE");
    }

    @Test
    void theAgencysKindCodesNameTheThreeStages() {
        assertThat(List.of("01", "02", "03")).extracting(ConvenienceStoreNotice::stageOf)
                .containsExactly(NoticeStage.PRELIMINARY, NoticeStage.CONFIRMED, NoticeStage.CANCELLED);
        assertThatThrownBy(() -> ConvenienceStoreNotice.stageOf("04")).isInstanceOf(InvalidIdentifierException.class);
    }

    @Test
    void aConfirmedPaymentOfAnUnknownBarcodeIsHeldInSuspenseAndReMatchedWhenTheInvoiceArrives() {
        Outcome unmatched = on(Optional.empty(), Optional.empty(), storeNotice(NoticeStage.CONFIRMED, 5_000));
        Settlement suspense = onlyOfKind(unmatched, SettlementKind.SUSPENSE);
        assertThat(suspense.municipality()).isEqualTo(CHIYODA);
        assertThat(suspense.store()).contains(new StoreReceipt(SEVEN_ELEVEN, Optional.of(TRANSFER_DATE)));
        assertThat(japanese(onlyFor(unmatched, ExceptionReason.UNMATCHED))).contains("コンビニ収納バーコード " + BARCODE);

        Outcome arrived = reconciler.onInvoiceEvent(new InvoiceLedger(Optional.empty(), List.of(), List.of(suspense),
                0), event(InvoiceEventType.ISSUED, termsWithSlips(5_000)), PayerInvoices.NONE);

        assertThat(arrived.settlements()).extracting(Settlement::kind, s -> s.amount().yen(), Settlement::channel)
                .containsExactly(tuple(SettlementKind.REVERSAL, 5_000L, Channel.CONVENIENCE_STORE),
                        tuple(SettlementKind.REVENUE, 5_000L, Channel.CONVENIENCE_STORE));
        Settlement revenue = onlyOfKind(arrived, SettlementKind.REVENUE);
        assertThat(revenue.receivedOn()).isEqualTo(LocalDate.of(2025, 10, 1));
        assertThat(revenue.store()).isEqualTo(suspense.store());
        assertThat(arrived.invoice().orElseThrow().status()).isEqualTo(InvoiceStatus.PAID);
        assertThat(arrived.resolutions()).extracting(ExceptionResolution::exceptionId)
                .containsExactly(onlyFor(unmatched, ExceptionReason.UNMATCHED).exceptionId());
    }
}
