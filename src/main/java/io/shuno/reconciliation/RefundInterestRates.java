package io.shuno.reconciliation;

import java.math.BigDecimal;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * 還付加算金特例基準割合 per calendar year, in hundredths of a percent (0.9 % is 90), so that no floating point ever
 * touches money. Extended each December from configuration.
 */
public final class RefundInterestRates {

    private final TreeMap<Integer, Integer> basisPointsByYear;

    public RefundInterestRates(Map<Integer, Integer> basisPointsByYear) {
        basisPointsByYear.forEach((year, rate) -> {
            if (rate < 0) {
                throw new IllegalArgumentException("the 還付加算金 rate of " + year + " must not be negative");
            }
        });
        this.basisPointsByYear = new TreeMap<>(basisPointsByYear);
    }

    /** Reads a percentage written as a decimal ("0.9") exactly. */
    public static int basisPoints(String percent) {
        return new BigDecimal(percent).movePointRight(2).intValueExact();
    }

    Optional<Integer> of(int calendarYear) {
        return Optional.ofNullable(basisPointsByYear.get(calendarYear));
    }
}
