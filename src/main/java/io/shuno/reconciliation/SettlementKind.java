package io.shuno.reconciliation;

/**
 * How a settlement books money: as revenue, as 過誤納金 owed back, as unmatched suspense, undoing another, or as
 * the card acquirer's fee (an expense: revenue itself stays gross, 総計予算主義).
 */
public enum SettlementKind {
    REVENUE, OVERPAYMENT, SUSPENSE, REVERSAL, FEE
}
