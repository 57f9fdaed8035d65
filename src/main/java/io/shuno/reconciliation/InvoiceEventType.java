package io.shuno.reconciliation;

public enum InvoiceEventType {
    ISSUED, AMENDED, CANCELLED
}
