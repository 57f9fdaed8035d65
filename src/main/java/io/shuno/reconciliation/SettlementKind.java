package io.shuno.reconciliation;

/**
 * How a settlement books money: as revenue, as 過誤納金 owed back, as unmatched suspense, undoing another, as the
 * card acquirer's fee (an expense: revenue itself stays gross, 総計予算主義), as a refund (還付) that clears 過誤納金
 * into refunds payable, or as 還付加算金 (an expense, also payable) on a refund or an appropriation.
 */
public enum SettlementKind {
    REVENUE, OVERPAYMENT, SUSPENSE, REVERSAL, FEE, REFUND, REFUND_INTEREST
}
