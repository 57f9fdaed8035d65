package io.shuno.operations;

import io.shuno.ledger.HeldTotal;

import java.time.LocalDate;
import java.util.List;

/**
 * What the treasury looks at first, for the municipalities one staff member acts for: the money the day's and the
 * fiscal year's settlements still hold (revenue, 過誤納金, suspense, each less what reversals undid, so the amounts
 * add up to the 日計表's 差引収納額) per account and channel, today's payments per
 * hour (Asia/Tokyo, by when shuno booked them), the open exceptions per reason and the dead letters still waiting
 * for an operator.
 */
public record TreasuryOverview(LocalDate today, int fiscalYear, List<HeldTotal> todayTotals, List<HeldTotal> fiscalYearTotals,
                               List<Count> paymentsPerHour, List<Count> openExceptionsByReason, long openDeadLetters) {

    public TreasuryOverview {
        todayTotals = List.copyOf(todayTotals);
        paymentsPerHour = List.copyOf(paymentsPerHour);
        fiscalYearTotals = List.copyOf(fiscalYearTotals);
        openExceptionsByReason = List.copyOf(openExceptionsByReason);
    }

    public record Count(String what, long count) {
    }

    /** The busiest hour's count, which the chart draws at full width (1 when there were none). */
    public long busiestHour() {
        return Math.max(1, paymentsPerHour.stream().mapToLong(Count::count).max().orElse(0));
    }
}
