package io.shuno.reconciliation;

import java.math.BigDecimal;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * 延滞金 rates per calendar year, in hundredths of a percent (2.4 % is 240) so that no floating point ever touches
 * money: the lower rate runs through three months after the due date, the higher one after.
 */
public final class LateChargeRates {

    /** One calendar year's pair of annual rates, in hundredths of a percent. */
    public record YearRates(int lowerBasisPoints, int higherBasisPoints) {

        public YearRates {
            if (lowerBasisPoints < 0 || higherBasisPoints < 0) {
                throw new IllegalArgumentException("late-charge rates must not be negative");
            }
        }

        /** Reads percentages written as decimals ("2.4", "8.7") exactly. */
        public static YearRates ofPercent(String lower, String higher) {
            return new YearRates(basisPoints(lower), basisPoints(higher));
        }

        private static int basisPoints(String percent) {
            return new BigDecimal(percent).movePointRight(2).intValueExact();
        }
    }

    private final TreeMap<Integer, YearRates> byYear;

    public LateChargeRates(Map<Integer, YearRates> byYear) {
        this.byYear = new TreeMap<>(byYear);
    }

    Optional<YearRates> of(int calendarYear) {
        return Optional.ofNullable(byYear.get(calendarYear));
    }
}
