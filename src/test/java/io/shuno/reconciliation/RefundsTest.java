package io.shuno.reconciliation;

import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static io.shuno.reconciliation.ReconciliationFixtures.invoice;
import static io.shuno.reconciliation.ReconciliationFixtures.onlyOfKind;
import static io.shuno.reconciliation.ReconciliationFixtures.terms;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.groups.Tuple.tuple;

/** 還付 as a booking: the 過誤納金 is cleared into refunds payable, with its 還付加算金, never beyond what is left. */
class RefundsTest {

    private static final Reconciler reconciler = new Reconciler(ReconciliationFixtures.RATES);
    private static final Refunds refunds = new Refunds(new RefundInterestTerms(RefundInterestTest.RATES, Map.of()));
    private static final String CAUSE = ResolutionAction.cause("resolution-1");
    /** 485,000 paid on 2025-10-01 for the 5,000 NHI fixture invoice: 480,000 held as 過誤納金 (誤納). */
    private static final HeldOverpayment HELD = new HeldOverpayment(onlyOfKind(reconciler.onNotice(
            Optional.of(invoice(5_000, 0)), Optional.empty(),
            ReconciliationFixtures.notice(NoticeStage.CONFIRMED, 485_000), PayerInvoices.NONE),
            SettlementKind.OVERPAYMENT), 480_000);
    private static final RefundClaim CLAIM = RefundClaim.of(ExcessCause.ERRONEOUS_PAYMENT, Item.NHI_PREMIUM,
            LocalDate.of(2025, 10, 1));

    private static Decision refund(long outstanding, long amount, String decidedOn) {
        return refunds.refund(terms(5_000), CLAIM, List.of(HELD), outstanding, Optional.of(amount),
                LocalDate.parse(decidedOn), CAUSE);
    }

    @Test
    void aRefundClearsTheOverpaymentAndBooksItsInterestOnTheDecisionDate() {
        Decision decision = refund(480_000, 480_000, "2026-09-30");

        // From 2025-11-02: 60 days at 0.9 % and 273 at 1.3 % → 5,377.31 → 5,300.
        assertThat(decision.settlements()).extracting(Settlement::kind, s -> s.amount().yen(), Settlement::reverses)
                .containsExactly(tuple(SettlementKind.REFUND, 480_000L, Optional.of(HELD.overpayment().settlementId())),
                        tuple(SettlementKind.REFUND_INTEREST, 5_300L, Optional.empty()));
        assertThat(decision.settlements()).allSatisfy(settlement -> {
            assertThat(settlement.paymentRef()).isEqualTo(HELD.overpayment().paymentRef());
            assertThat(settlement.invoiceId()).isEqualTo(HELD.overpayment().invoiceId());
            assertThat(settlement.receivedOn()).isEqualTo(LocalDate.of(2026, 9, 30));
            assertThat(settlement.bookingYear()).isEqualTo(BookingYear.ofReceipt(LocalDate.of(2026, 9, 30)));
        });
        assertThat(decision.settledAmount().yen()).isEqualTo(480_000);
        assertThat(decision.interest().orElseThrow().from()).contains(LocalDate.of(2025, 11, 2));
    }

    @Test
    void aDoublePaymentRaisesItsClaimAsAnErroneousPaymentLapsingTwoYearsAfterThePayment() {
        Outcome paidAgain = reconciler.onNotice(Optional.of(invoice(5_000, 5_000)), Optional.empty(),
                ReconciliationFixtures.notice(NoticeStage.CONFIRMED, 5_000), PayerInvoices.NONE);

        assertThat(paidAgain.exceptions()).singleElement().satisfies(exception -> {
            assertThat(exception.reason()).isEqualTo(ExceptionReason.DOUBLE_PAYMENT);
            assertThat(exception.refundClaim()).contains(CLAIM);
        });
    }

    @Test
    void theSameRequestBooksTheSameSettlementIds() {
        assertThat(refund(480_000, 480_000, "2026-09-30").settlements())
                .isEqualTo(refund(480_000, 480_000, "2026-09-30").settlements());
    }

    @Test
    void aPartialRefundLeavesTheRestAndNoMoreThanIsLeftCanGo() {
        Decision partial = refund(480_000, 100_000, "2026-09-30");

        assertThat(partial.settledAmount().yen()).isEqualTo(100_000);
        assertThat(onlyRefund(partial).amount().yen()).isEqualTo(100_000);
        assertThatThrownBy(() -> refund(50_000, 60_000, "2026-09-30")).isInstanceOf(RefusedDecision.class)
                .hasMessageContaining("50,000円");
        assertThatThrownBy(() -> refund(0, 1, "2026-09-30")).isInstanceOf(RefusedDecision.class)
                .hasMessageContaining("nothing");
    }

    @Test
    void withoutAnAmountARefundTakesWhatIsLeftAndThatLeavesNothing() {
        // 200,000 of the 480,000 were taken by a booking outside the exception's decisions (a VOID): 280,000 is left.
        HeldOverpayment partlyTaken = new HeldOverpayment(HELD.overpayment(), 280_000);

        Decision decision = refunds.refund(terms(5_000), CLAIM, List.of(partlyTaken), 480_000, Optional.empty(),
                LocalDate.parse("2026-09-30"), CAUSE);

        assertThat(decision.settledAmount().yen()).isEqualTo(280_000);
        assertThat(onlyRefund(decision).amount().yen()).isEqualTo(280_000);
        assertThat(Refunds.leavesNothing(List.of(partlyTaken), 480_000, decision.settledAmount().yen())).isTrue();
        assertThat(Refunds.leavesNothing(List.of(partlyTaken), 480_000, 100_000)).isFalse();
        assertThat(Refunds.leavesNothing(List.of(HELD), 300_000, 300_000)).isTrue();
    }

    @Test
    void aLapsedClaimCannotBeRefunded() {
        assertThat(CLAIM.lastDayToRefund()).isEqualTo(LocalDate.of(2027, 10, 1));
        assertThatThrownBy(() -> refund(480_000, 480_000, "2027-10-02")).isInstanceOf(RefusedDecision.class)
                .hasMessageContaining("lapsed").hasMessageContaining("2027-10-01");
    }

    @Test
    void aLapsedClaimCannotBeAppropriatedEither() {
        Decision appropriation = new Decision(List.of(), List.of(), List.of(), Amount.of(480_000));

        assertThatThrownBy(() -> refunds.withInterest(appropriation, terms(5_000), CLAIM, List.of(HELD),
                LocalDate.of(2027, 10, 2), CAUSE)).isInstanceOf(RefusedDecision.class)
                .hasMessageContaining("lapsed").hasMessageContaining("appropriation").hasMessageContaining("2027-10-01");
    }

    @Test
    void otherPublicMoneyLapsesAfterFiveYears() {
        assertThat(RefundPrescription.lastDayToRefund(Item.NURSERY_FEE, LocalDate.of(2026, 5, 20)))
                .isEqualTo(LocalDate.of(2031, 5, 20));
        assertThat(RefundPrescription.lastDayToRefund(Item.LATE_ELDERLY_PREMIUM, LocalDate.of(2026, 5, 20)))
                .isEqualTo(LocalDate.of(2028, 5, 20));
    }

    @Test
    void anAppropriationBooksItsInterestUpToTheAppropriationDate() {
        Decision appropriation = new Decision(List.of(), List.of(), List.of(), Amount.of(480_000));

        Decision withInterest = refunds.withInterest(appropriation, terms(5_000), CLAIM, List.of(HELD),
                LocalDate.of(2026, 9, 30), CAUSE);

        assertThat(withInterest.settlements()).extracting(Settlement::kind, s -> s.amount().yen())
                .containsExactly(tuple(SettlementKind.REFUND_INTEREST, 5_300L));
        assertThat(withInterest.settledAmount().yen()).isEqualTo(480_000);
    }

    private static Settlement onlyRefund(Decision decision) {
        return decision.settlements().stream().filter(s -> s.kind() == SettlementKind.REFUND).findFirst()
                .orElseThrow();
    }
}
