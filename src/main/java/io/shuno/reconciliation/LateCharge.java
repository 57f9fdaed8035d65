package io.shuno.reconciliation;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Optional;

/**
 * 延滞金 on a late NHI premium payment. The base is the principal the payment settles, rounded down to ¥1,000 (no
 * charge under ¥2,000 of principal); days run from the day after the due date through the day of payment; the
 * lower rate applies through the day three calendar months after the due date end, the higher rate after; each
 * segment — split at calendar-year and rate boundaries — accrues base × rate × days / 365 as an exact fraction;
 * the sum is rounded down to ¥100, and a charge under ¥1,000 is not levied.
 */
final class LateCharge {

    private static final long DAYS_PER_YEAR = 365;
    private static final long BASIS_POINTS = 10_000;

    private LateCharge() {
    }

    /** The charge, or empty when a calendar year of the period has no configured rates. */
    static Optional<Long> compute(long principal, LocalDate dueDate, LocalDate paidOn, LateChargeRates rates) {
        if (principal < 2_000 || !paidOn.isAfter(dueDate)) {
            return Optional.of(0L);
        }
        long base = principal / 1_000 * 1_000;
        // "納期限の翌日から起算して3月を経過する日" counted as the Civil Code counts months (民法143条): the day before the
        // day that corresponds, three months on, to the first day of delay. For a due date of 30 September that is
        // 31 December, where dueDate.plusMonths(3) would stop a day early.
        LocalDate lowerRateEnds = dueDate.plusDays(1).plusMonths(3).minusDays(1);
        // Σ base × basisPoints × days, over BASIS_POINTS × DAYS_PER_YEAR: kept as one exact numerator.
        long numerator = 0;
        LocalDate day = dueDate.plusDays(1);
        while (!day.isAfter(paidOn)) {
            boolean lower = !day.isAfter(lowerRateEnds);
            LocalDate segmentEnd = min(paidOn, LocalDate.of(day.getYear(), 12, 31));
            if (lower) {
                segmentEnd = min(segmentEnd, lowerRateEnds);
            }
            Optional<LateChargeRates.YearRates> yearRates = rates.of(day.getYear());
            if (yearRates.isEmpty()) {
                return Optional.empty();
            }
            int basisPoints = lower ? yearRates.get().lowerBasisPoints() : yearRates.get().higherBasisPoints();
            long days = ChronoUnit.DAYS.between(day, segmentEnd) + 1;
            numerator = Math.addExact(numerator, Math.multiplyExact(Math.multiplyExact(base, basisPoints), days));
            day = segmentEnd.plusDays(1);
        }
        long charge = numerator / (BASIS_POINTS * DAYS_PER_YEAR) / 100 * 100;
        return Optional.of(charge < 1_000 ? 0L : charge);
    }

    private static LocalDate min(LocalDate a, LocalDate b) {
        return a.isBefore(b) ? a : b;
    }
}
