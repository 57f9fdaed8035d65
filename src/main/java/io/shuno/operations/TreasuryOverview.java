package io.shuno.operations;

import java.time.LocalDate;
import java.util.List;

/**
 * What the treasury looks at first, for the municipalities one staff member acts for: the day's and the fiscal
 * year's settlements that hold money (revenue, 過誤納金, suspense) per account and channel, the open exceptions per
 * reason and the dead letters still waiting for an operator.
 */
public record TreasuryOverview(LocalDate today, int fiscalYear, List<Total> todayTotals, List<Total> fiscalYearTotals,
                               List<Count> openExceptionsByReason, long openDeadLetters) {

    public TreasuryOverview {
        todayTotals = List.copyOf(todayTotals);
        fiscalYearTotals = List.copyOf(fiscalYearTotals);
        openExceptionsByReason = List.copyOf(openExceptionsByReason);
    }

    public record Total(String account, String channel, String kind, long count, long amount) {
    }

    public record Count(String what, long count) {
    }
}
