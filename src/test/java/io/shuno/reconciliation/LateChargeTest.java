package io.shuno.reconciliation;

import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Map;
import java.util.Optional;

import static io.shuno.reconciliation.ReconciliationFixtures.DUE_DATE;
import static io.shuno.reconciliation.ReconciliationFixtures.IN_FY2025;
import static io.shuno.reconciliation.ReconciliationFixtures.RATES;
import static io.shuno.reconciliation.ReconciliationFixtures.confirmed;
import static io.shuno.reconciliation.ReconciliationFixtures.japanese;
import static io.shuno.reconciliation.ReconciliationFixtures.onlyFor;
import static io.shuno.reconciliation.ReconciliationFixtures.terms;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * 延滞金 on late NHI premiums, worked by hand. Rates in basis points (hundredths of a percent): 2024–2025 lower 240
 * / higher 870, 2026 lower 280 / higher 910. Each segment accrues base × bp × days / (10,000 × 365).
 */
class LateChargeTest {

    /**
     * Rates no ordinance would set, 3,650 % a year = 10 % of the base a day, so that a rule that stops a charge is
     * visible: without it, even a small base or a single day would cost well over 1,000 yen.
     */
    private static final LateChargeRates STEEP = new LateChargeRates(Map.of(
            2025, new LateChargeRates.YearRates(365_000, 365_000),
            2026, new LateChargeRates.YearRates(365_000, 365_000)));

    private static Optional<Long> charge(long principal, LocalDate dueDate, LocalDate paidOn) {
        return LateCharge.compute(principal, dueDate, paidOn, RATES);
    }

    // --- worked examples ----------------------------------------------------------------------------------------

    @Test
    void twoMonthsLateAtTheLowerRateCostsUnderAThousandYenSoNothingIsLevied() {
        // base 39,500 → 39,000; 2026-07-01..2026-08-31 = 62 days, all ≤ 2026-09-30 (due + 3 months), 2.8 %:
        // 39,000 × 280 × 62 / 3,650,000 = 677,040,000 / 3,650,000 = 185.49… → 100 → under 1,000 → 0
        assertThat(charge(39_500, LocalDate.of(2026, 6, 30), LocalDate.of(2026, 8, 31))).contains(0L);
    }

    @Test
    void aMonthEndDueDateKeepsTheLowerRateThroughTheLastDayOfTheThirdMonthAsTheCivilCodeCounts() {
        // due 2025-09-30: delay starts 2025-10-01, three months end 2025-12-31 (民法143条), not 12-30.
        // 2025-10-01..2025-12-31 = 92 days × 240 = 22,080; 1,000,000 × 22,080 / 3,650,000 = 6,049.3… → 6,000
        // (stopping the lower rate on 12-30 would charge 91 × 240 + 1 × 870 = 22,710 → 6,221.9… → 6,200)
        assertThat(charge(1_000_000, LocalDate.of(2025, 9, 30), LocalDate.of(2025, 12, 31))).contains(6_000L);
        // due 2026-02-28: delay starts 03-01, the lower rate runs through 05-31 (92 days × 280 = 25,760 → 7,057.5…)
        assertThat(charge(1_000_000, LocalDate.of(2026, 2, 28), LocalDate.of(2026, 5, 31))).contains(7_000L);
    }

    @Test
    void periodCrossingTheYearEndAndTheThreeMonthMarkIsSplitIntoThreeSegments() {
        // due 2025-10-31, paid 2026-03-31, base 1,000,000; lower rate through 2026-01-31 (due + 3 months):
        //   2025-11-01..2025-12-31  61 days × 240 (2025 lower) = 14,640
        //   2026-01-01..2026-01-31  31 days × 280 (2026 lower) =  8,680
        //   2026-02-01..2026-03-31  59 days × 910 (2026 higher) = 53,690
        //                                                       = 77,010
        // 1,000,000 × 77,010 / 3,650,000 = 1,540,200 / 73 = 21,098.63… → 21,000
        assertThat(charge(1_000_000, LocalDate.of(2025, 10, 31), LocalDate.of(2026, 3, 31))).contains(21_000L);
    }

    @Test
    void principalIsRoundedDownToAThousandYenBeforeTheRateApplies() {
        // same period as above: 1,000,900 → base 1,000,000 → 21,000 as above, where the unrounded principal would
        // give 1,000,900 × 77,010 / 3,650,000 = 21,117.6… → 21,100
        LocalDate due = LocalDate.of(2025, 10, 31);
        LocalDate paid = LocalDate.of(2026, 3, 31);
        assertThat(charge(1_000_900, due, paid)).contains(21_000L);
        // at 10 % a day for 30 days: 2,999 → base 2,000 → 6,000 (not 8,997 → 8,900)
        assertThat(LateCharge.compute(2_999, LocalDate.of(2026, 6, 30), LocalDate.of(2026, 7, 30), STEEP))
                .contains(6_000L);
    }

    @Test
    void higherRateChangesWithTheCalendarYearToo() {
        // due 2025-06-30, paid 2026-02-28, base 1,000,000; lower rate through 2025-09-30:
        //   2025-07-01..2025-09-30  92 days × 240 = 22,080
        //   2025-10-01..2025-12-31  92 days × 870 = 80,040
        //   2026-01-01..2026-02-28  59 days × 910 = 53,690
        //                                         = 155,810
        // 1,000,000 × 155,810 / 3,650,000 = 42,687.67… → 42,600
        assertThat(charge(1_000_000, LocalDate.of(2025, 6, 30), LocalDate.of(2026, 2, 28))).contains(42_600L);
    }

    // --- thresholds ---------------------------------------------------------------------------------------------

    @Test
    void chargeUnderAThousandYenIsNotLeviedAndOneOfAThousandIs() {
        // base 1,000,000 at 2.8 %: 1,000,000 × 280 / 3,650,000 = 76.71… a day
        //   13 days: 997.26… → 900 → under 1,000 → 0
        //   14 days: 1,073.97… → 1,000 → levied
        assertThat(charge(1_000_000, LocalDate.of(2026, 6, 30), LocalDate.of(2026, 7, 13))).contains(0L);
        assertThat(charge(1_000_000, LocalDate.of(2026, 6, 30), LocalDate.of(2026, 7, 14))).contains(1_000L);
    }

    @Test
    void principalUnderTwoThousandYenBearsNoChargeEvenAtASteepRate() {
        // 30 days at 10 % a day: base 1,000 would owe 3,000, base 2,000 owes 6,000
        LocalDate due = LocalDate.of(2026, 6, 30);
        LocalDate paid = LocalDate.of(2026, 7, 30);
        assertThat(LateCharge.compute(1_999, due, paid, STEEP)).contains(0L);
        assertThat(LateCharge.compute(2_000, due, paid, STEEP)).contains(6_000L);
    }

    @Test
    void paymentOnTheDueDateBearsNoChargeAndOneDayLateDoes() {
        // base 1,000,000 at 10 % a day: one day late costs 100,000
        LocalDate due = LocalDate.of(2026, 6, 30);
        assertThat(LateCharge.compute(1_000_000, due, due, STEEP)).contains(0L);
        assertThat(LateCharge.compute(1_000_000, due, due.minusDays(5), STEEP)).contains(0L);
        assertThat(LateCharge.compute(1_000_000, due, due.plusDays(1), STEEP)).contains(100_000L);
    }

    @Test
    void calendarYearWithoutConfiguredRatesGivesNoCharge() {
        // 2027 has no rates: the part of the period after 2026-12-31 cannot be priced
        assertThat(charge(1_000_000, LocalDate.of(2026, 11, 30), LocalDate.of(2027, 1, 10))).isEmpty();
        // nor can a period starting in 2023
        assertThat(charge(1_000_000, LocalDate.of(2023, 11, 30), LocalDate.of(2024, 1, 10))).isEmpty();
    }

    // --- through the Reconciler ---------------------------------------------------------------------------------

    private static final Reconciler reconciler = new Reconciler(RATES);

    @Test
    void lateConfirmedPaymentOfAnNhiPremiumAsksStaffToAssessTheCharge() {
        // due 2025-06-30, paid 2025-10-01, base 1,000,000: 92 days × 240 (through 2025-09-30) + 1 day × 870
        // = 22,950; × 1,000,000 / 3,650,000 = 6,287.67… → 6,200
        Outcome outcome = reconciler.onNotice(Optional.of(new Invoice(terms(1_000_000), false, Amount.ZERO, Amount.ZERO)),
                Optional.empty(), confirmed("late", 1_000_000, IN_FY2025), PayerInvoices.NONE);

        StaffException exception = onlyFor(outcome, ExceptionReason.LATE_CHARGE_DUE);
        assertThat(exception.suggestedAction()).isEqualTo(SuggestedAction.ASSESS_LATE_CHARGE);
        assertThat(exception.amount().yen()).isEqualTo(6_200);
        assertThat(japanese(exception)).contains("6,200円")
                // in 和暦, as every other date staff read
                .contains("納期限 令和7年6月30日", "令和7年10月1日 に納付").doesNotContainPattern("\\d{4}-\\d{2}-\\d{2}");
        assertThat(outcome.exceptions()).hasSize(1);
    }

    @Test
    void lateChargeIsOwedOnTheRevenuePartOfAnOverpaymentOnly() {
        // 1,500,000 paid on a 1,000,000 invoice: the charge is on the 1,000,000 settled, as above
        Outcome outcome = reconciler.onNotice(Optional.of(new Invoice(terms(1_000_000), false, Amount.ZERO, Amount.ZERO)),
                Optional.empty(), confirmed("late-over", 1_500_000, IN_FY2025), PayerInvoices.NONE);

        assertThat(onlyFor(outcome, ExceptionReason.LATE_CHARGE_DUE).amount().yen()).isEqualTo(6_200);
        assertThat(onlyFor(outcome, ExceptionReason.OVERPAYMENT).amount().yen()).isEqualTo(500_000);
    }

    @Test
    void latePaymentOfAnotherItemRaisesNoLateCharge() {
        Outcome outcome = reconciler.onNotice(
                Optional.of(Invoice.issued(terms(1_000_000, Item.NURSERY_FEE, DUE_DATE))), Optional.empty(),
                confirmed("late-nursery", 1_000_000, IN_FY2025), PayerInvoices.NONE);

        assertThat(outcome.exceptions()).isEmpty();
        assertThat(outcome.invoice()).map(Invoice::status).contains(InvoiceStatus.PAID);
    }

    @Test
    void paymentOnTheDueDateRaisesNoLateChargeEvenAtASteepRate() {
        Reconciler steep = new Reconciler(STEEP);
        OffsetDateTime lastMinuteInTokyo = OffsetDateTime.parse("2025-06-30T23:59:00+09:00");

        Outcome outcome = steep.onNotice(Optional.of(Invoice.issued(terms(1_000_000))), Optional.empty(),
                confirmed("on-time", 1_000_000, lastMinuteInTokyo), PayerInvoices.NONE);

        assertThat(outcome.exceptions()).isEmpty();
    }

    @Test
    void paymentOnTheDayAfterTheDueDateDoesRaiseOneAtThatRate() {
        Reconciler steep = new Reconciler(STEEP);

        Outcome outcome = steep.onNotice(Optional.of(Invoice.issued(terms(1_000_000))), Optional.empty(),
                confirmed("a-day-late", 1_000_000, OffsetDateTime.parse("2025-07-01T00:01:00+09:00")),
                PayerInvoices.NONE);

        assertThat(onlyFor(outcome, ExceptionReason.LATE_CHARGE_DUE).amount().yen()).isEqualTo(100_000);
    }

    @Test
    void latePaymentInAYearWithoutRatesAsksStaffToInvestigateInstead() {
        Outcome outcome = reconciler.onNotice(Optional.of(Invoice.issued(terms(1_000_000))), Optional.empty(),
                confirmed("2027", 1_000_000, OffsetDateTime.parse("2027-01-10T10:00:00+09:00")), PayerInvoices.NONE);

        StaffException exception = onlyFor(outcome, ExceptionReason.LATE_CHARGE_DUE);
        assertThat(exception.suggestedAction()).isEqualTo(SuggestedAction.INVESTIGATE);
        assertThat(exception.amount().yen()).isZero();
    }
}
