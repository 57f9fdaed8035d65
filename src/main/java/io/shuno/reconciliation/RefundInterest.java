package io.shuno.reconciliation;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * 還付加算金 on a refund or an appropriation of 過誤納金, as staff see it before they confirm: the amount, the period
 * it ran (each calendar year at its rate) and, when it is nothing, why.
 *
 * <p>The period starts the day after the payment for 過納, and for 誤納 the day after the date that ends one month
 * counted from the day after the payment (民法143条: paid 15 June → from 16 July); it ends on the decision date,
 * both counted. No interest under ¥2,000 of refund; the base is rounded down to ¥1,000; each calendar year's days
 * accrue base × rate × days / 365 as one exact fraction; the sum is rounded down to ¥100 and under ¥1,000 is nothing.
 */
public record RefundInterest(long amount, Basis basis, Optional<LocalDate> from, Optional<LocalDate> to,
                             List<Segment> segments) {

    /** Why the interest is what it is. */
    public enum Basis {
        COMPUTED, NOT_APPLIED_TO_ITEM, REFUND_UNDER_MINIMUM, NO_DAYS, INTEREST_UNDER_MINIMUM
    }

    /** Days of one calendar year within the period, at that year's rate in hundredths of a percent. */
    public record Segment(LocalDate from, LocalDate to, long days, int basisPoints) {

        /** The annual rate as staff read it: "1.3" for 130. */
        public String ratePercent() {
            return BigDecimal.valueOf(basisPoints, 2).stripTrailingZeros().toPlainString();
        }
    }

    static final long MINIMUM_REFUND = 2_000;
    static final long MINIMUM_INTEREST = 1_000;
    private static final long DAYS_PER_YEAR = 365;
    private static final long BASIS_POINTS = 10_000;

    public RefundInterest {
        Objects.requireNonNull(basis);
        Objects.requireNonNull(from);
        Objects.requireNonNull(to);
        segments = List.copyOf(segments);
        if (amount < 0 || (amount > 0) != (basis == Basis.COMPUTED) || amount % 100 != 0) {
            throw new IllegalArgumentException("interest is a non-negative multiple of ¥100, positive when computed");
        }
    }

    public static RefundInterest none(Basis basis) {
        return new RefundInterest(0, basis, Optional.empty(), Optional.empty(), List.of());
    }

    /** The first day interest runs, before any start date the municipality set. */
    static LocalDate firstDay(ExcessCause cause, LocalDate paidOn) {
        LocalDate dayAfter = paidOn.plusDays(1);
        if (cause == ExcessCause.REDUCED_AFTER_PAYMENT) {
            return dayAfter;
        }
        // One month counted from the day after payment ends the day before the corresponding day of the next month,
        // or on that month's last day when it has no corresponding day (31 January → end of February).
        LocalDate corresponding = dayAfter.plusMonths(1);
        LocalDate monthEnds = corresponding.getDayOfMonth() == dayAfter.getDayOfMonth()
                ? corresponding.minusDays(1) : corresponding;
        return monthEnds.plusDays(1);
    }

    /**
     * The interest on {@code refund} yen paid on {@code paidOn} and refunded (or appropriated) on {@code decidedOn}.
     *
     * @throws RefusedDecision when a calendar year of the period has no configured rate
     */
    static RefundInterest compute(long refund, ExcessCause cause, LocalDate paidOn, LocalDate decidedOn,
                                  RefundInterestTerms.Setting setting, RefundInterestRates rates) {
        if (!setting.enabled()) {
            return none(Basis.NOT_APPLIED_TO_ITEM);
        }
        if (refund < MINIMUM_REFUND) {
            return none(Basis.REFUND_UNDER_MINIMUM);
        }
        LocalDate from = firstDay(cause, paidOn);
        if (setting.from().filter(from::isBefore).isPresent()) {
            from = setting.from().get();
        }
        if (from.isAfter(decidedOn)) {
            return none(Basis.NO_DAYS);
        }
        long base = refund / 1_000 * 1_000;
        List<Segment> segments = new ArrayList<>();
        long numerator = 0;
        for (LocalDate day = from; !day.isAfter(decidedOn); ) {
            LocalDate yearEnds = LocalDate.of(day.getYear(), 12, 31);
            LocalDate segmentEnd = decidedOn.isBefore(yearEnds) ? decidedOn : yearEnds;
            int year = day.getYear();
            int basisPoints = rates.of(year).orElseThrow(() -> new RefusedDecision("no 還付加算金 rate is configured"
                    + " for " + year + ": set shuno.refund-interest.rates before deciding"));
            long days = ChronoUnit.DAYS.between(day, segmentEnd) + 1;
            segments.add(new Segment(day, segmentEnd, days, basisPoints));
            numerator = Math.addExact(numerator, Math.multiplyExact(Math.multiplyExact(base, basisPoints), days));
            day = segmentEnd.plusDays(1);
        }
        long interest = numerator / (BASIS_POINTS * DAYS_PER_YEAR) / 100 * 100;
        if (interest < MINIMUM_INTEREST) {
            return new RefundInterest(0, Basis.INTEREST_UNDER_MINIMUM, Optional.of(from), Optional.of(decidedOn),
                    segments);
        }
        return new RefundInterest(interest, Basis.COMPUTED, Optional.of(from), Optional.of(decidedOn), segments);
    }
}
