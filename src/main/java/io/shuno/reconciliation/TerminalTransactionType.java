package io.shuno.reconciliation;

public enum TerminalTransactionType {
    SALE, VOID
}
