package io.shuno.reconciliation;

/** How a settlement books money: as revenue, as 過誤納金 owed back, as unmatched suspense, or undoing another. */
public enum SettlementKind {
    REVENUE, OVERPAYMENT, SUSPENSE, REVERSAL
}
