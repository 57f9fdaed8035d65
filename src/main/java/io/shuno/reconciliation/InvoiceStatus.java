package io.shuno.reconciliation;

/** Where an invoice stands, derived from its amount, what has settled and what is announced. */
public enum InvoiceStatus {
    OPEN, PROVISIONALLY_PAID, PARTIALLY_PAID, PAID, CANCELLED
}
