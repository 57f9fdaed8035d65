package io.shuno.reconciliation;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.Map;
import java.util.Optional;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** 還付加算金: the worked examples of docs/refunds.md, the floors and rounding, and the start of the period. */
class RefundInterestTest {

    static final RefundInterestRates RATES = new RefundInterestRates(Map.of(2018, 160, 2019, 160, 2020, 160,
            2021, 100, 2022, 90, 2023, 90, 2024, 90, 2025, 90, 2026, 130));
    private static final RefundInterestTerms.Setting ON = RefundInterestTerms.Setting.ON;

    private static RefundInterest interest(long refund, ExcessCause cause, String paidOn, String decidedOn) {
        return RefundInterest.compute(refund, cause, LocalDate.parse(paidOn), LocalDate.parse(decidedOn), ON, RATES);
    }

    @Test
    void reducedAfterPaymentRunsFromTheDayAfterPayment() {
        RefundInterest interest = interest(480_000, ExcessCause.REDUCED_AFTER_PAYMENT, "2026-01-30", "2026-11-30");

        assertThat(interest.amount()).isEqualTo(5_100);
        assertThat(interest.from()).contains(LocalDate.of(2026, 1, 31));
        assertThat(interest.to()).contains(LocalDate.of(2026, 11, 30));
        assertThat(interest.segments()).extracting(RefundInterest.Segment::days).containsExactly(304L);
    }

    @Test
    void aPeriodAcrossNewYearIsSplitAndEachPartTakesItsYearsRate() {
        RefundInterest interest = interest(250_000, ExcessCause.REDUCED_AFTER_PAYMENT, "2025-10-15", "2026-03-31");

        assertThat(interest.segments()).containsExactly(
                new RefundInterest.Segment(LocalDate.of(2025, 10, 16), LocalDate.of(2025, 12, 31), 77, 90),
                new RefundInterest.Segment(LocalDate.of(2026, 1, 1), LocalDate.of(2026, 3, 31), 90, 130));
        // 474.66 + 801.37 = 1,276.03: summed before rounding.
        assertThat(interest.amount()).isEqualTo(1_200);
    }

    @Test
    void aDoublePaymentRunsFromTheDayAfterOneMonthCountedFromTheDayAfterPayment() {
        RefundInterest interest = interest(300_000, ExcessCause.ERRONEOUS_PAYMENT, "2026-02-10", "2026-09-30");

        assertThat(interest.from()).contains(LocalDate.of(2026, 3, 11));
        assertThat(interest.segments()).extracting(RefundInterest.Segment::days).containsExactly(204L);
        assertThat(interest.amount()).isEqualTo(2_100);
    }

    @Test
    void interestUnderOneThousandYenIsNothing() {
        RefundInterest interest = interest(31_000, ExcessCause.ERRONEOUS_PAYMENT, "2026-06-15", "2026-10-30");

        assertThat(interest.from()).contains(LocalDate.of(2026, 7, 16));
        assertThat(interest.segments()).extracting(RefundInterest.Segment::days).containsExactly(107L);
        assertThat(interest.amount()).isZero();
        assertThat(interest.basis()).isEqualTo(RefundInterest.Basis.INTEREST_UNDER_MINIMUM);
    }

    @Test
    void aRefundUnderTwoThousandYenEarnsNothing() {
        RefundInterest interest = interest(1_500, ExcessCause.ERRONEOUS_PAYMENT, "2022-01-10", "2026-10-30");

        assertThat(interest.amount()).isZero();
        assertThat(interest.basis()).isEqualTo(RefundInterest.Basis.REFUND_UNDER_MINIMUM);
    }

    @Test
    void oneMonthFromTheEndOfJanuaryEndsWithFebruary() {
        assertThat(RefundInterest.firstDay(ExcessCause.ERRONEOUS_PAYMENT, LocalDate.of(2026, 1, 30)))
                .isEqualTo(LocalDate.of(2026, 3, 1));
        assertThat(RefundInterest.firstDay(ExcessCause.ERRONEOUS_PAYMENT, LocalDate.of(2026, 6, 15)))
                .isEqualTo(LocalDate.of(2026, 7, 16));
    }

    @Test
    void aDecisionBeforeTheFirstDayEarnsNothing() {
        RefundInterest interest = interest(300_000, ExcessCause.ERRONEOUS_PAYMENT, "2026-02-10", "2026-03-10");

        assertThat(interest.amount()).isZero();
        assertThat(interest.basis()).isEqualTo(RefundInterest.Basis.NO_DAYS);
    }

    @Test
    void anItemWithoutInterestEarnsNothingAndAStartDateCutsThePeriod() {
        assertThat(RefundInterest.compute(480_000, ExcessCause.REDUCED_AFTER_PAYMENT, LocalDate.of(2026, 1, 30),
                LocalDate.of(2026, 11, 30), RefundInterestTerms.Setting.OFF, RATES).basis())
                .isEqualTo(RefundInterest.Basis.NOT_APPLIED_TO_ITEM);

        RefundInterest fromApril = RefundInterest.compute(480_000, ExcessCause.REDUCED_AFTER_PAYMENT,
                LocalDate.of(2026, 1, 30), LocalDate.of(2026, 11, 30),
                new RefundInterestTerms.Setting(true, Optional.of(LocalDate.of(2026, 4, 1))), RATES);
        assertThat(fromApril.from()).contains(LocalDate.of(2026, 4, 1));
        // 480,000 × 1.3 % × 244 / 365 = 4,171.39
        assertThat(fromApril.amount()).isEqualTo(4_100);
    }

    @Test
    void premiumsEarnInterestByDefaultAndFeesDoNot() {
        RefundInterestTerms terms = new RefundInterestTerms(RATES, Map.of(new RefundInterestTerms.Key(
                ReconciliationFixtures.CHIYODA, Item.HOUSING_RENT), RefundInterestTerms.Setting.ON));

        assertThat(terms.settingFor(ReconciliationFixtures.CHIYODA, Item.LTC_PREMIUM).enabled()).isTrue();
        assertThat(terms.settingFor(ReconciliationFixtures.CHIYODA, Item.CERTIFICATE_FEE).enabled()).isFalse();
        assertThat(terms.settingFor(ReconciliationFixtures.CHIYODA, Item.HOUSING_RENT).enabled()).isTrue();
        assertThat(terms.settingFor(ReconciliationFixtures.OITA, Item.HOUSING_RENT).enabled()).isFalse();
    }

    @Test
    void aYearWithoutARateIsRefusedRatherThanGuessed() {
        assertThatThrownBy(() -> interest(480_000, ExcessCause.REDUCED_AFTER_PAYMENT, "2026-10-01", "2027-01-10"))
                .isInstanceOf(RefusedDecision.class).hasMessageContaining("2027");
    }

    /**
     * Over many generated refunds and periods: the interest is the exact day-by-day sum (an independent decimal
     * computation) rounded down to ¥100, nothing under ¥1,000 or under a ¥2,000 refund, the same for every refund
     * within one ¥1,000 step, and never less for more money or a later decision.
     */
    @Test
    void roundingRulesHoldOverGeneratedCases() {
        Random random = new Random(20261129);
        for (int i = 0; i < 5_000; i++) {
            long refund = random.nextInt(4) == 0 ? random.nextInt(5_000) : random.nextInt(2_000_000);
            LocalDate paidOn = LocalDate.of(2018, 1, 1).plusDays(random.nextInt(365 * 8));
            LocalDate decidedOn = paidOn.plusDays(random.nextInt(900));
            if (decidedOn.getYear() > 2026) {
                continue;
            }
            ExcessCause cause = random.nextBoolean() ? ExcessCause.ERRONEOUS_PAYMENT : ExcessCause.REDUCED_AFTER_PAYMENT;
            long computed = RefundInterest.compute(refund, cause, paidOn, decidedOn, ON, RATES).amount();

            long expected = reference(refund, RefundInterest.firstDay(cause, paidOn), decidedOn);
            assertThat(computed).as("refund %d %s paid %s decided %s", refund, cause, paidOn, decidedOn)
                    .isEqualTo(expected);
            assertThat(computed % 100).isZero();
            assertThat(computed == 0 || computed >= 1_000).isTrue();
            if (refund < 2_000) {
                assertThat(computed).isZero();
            }
            long sameThousand = refund / 1_000 * 1_000 + random.nextInt(1_000);
            if (refund >= 2_000) {
                assertThat(RefundInterest.compute(sameThousand, cause, paidOn, decidedOn, ON, RATES).amount())
                        .isEqualTo(computed);
            }
            assertThat(RefundInterest.compute(refund + 1_000, cause, paidOn, decidedOn, ON, RATES).amount())
                    .isGreaterThanOrEqualTo(computed);
            if (decidedOn.getYear() < 2026 || decidedOn.getDayOfYear() < 365) {
                assertThat(RefundInterest.compute(refund, cause, paidOn, decidedOn.plusDays(1), ON, RATES).amount())
                        .isGreaterThanOrEqualTo(computed);
            }
        }
    }

    /** Day by day in decimals: base × rate / 365 for each day, summed, then the doc's rounding. */
    private static long reference(long refund, LocalDate from, LocalDate to) {
        if (refund < 2_000 || from.isAfter(to)) {
            return 0;
        }
        BigDecimal base = BigDecimal.valueOf(refund / 1_000 * 1_000);
        BigDecimal sum = BigDecimal.ZERO;
        for (LocalDate day = from; !day.isAfter(to); day = day.plusDays(1)) {
            BigDecimal rate = BigDecimal.valueOf(RATES.of(day.getYear()).orElseThrow()).movePointLeft(4);
            sum = sum.add(base.multiply(rate).divide(BigDecimal.valueOf(365), 20, RoundingMode.DOWN));
        }
        // Per-day quotients cut at 20 decimals: add back what that can lose before rounding down to ¥100.
        long yen = sum.add(new BigDecimal("1E-15")).setScale(0, RoundingMode.DOWN).longValueExact() / 100 * 100;
        return yen < 1_000 ? 0 : yen;
    }
}
