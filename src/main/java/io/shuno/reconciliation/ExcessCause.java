package io.shuno.reconciliation;

/**
 * How money became 過誤納金, which decides when 還付加算金 starts to run: 誤納 (paid more than, or again for, what was
 * owed — or for an invoice already cancelled) or 過納 (paid what was owed, then the assessment was reduced or
 * cancelled).
 */
public enum ExcessCause {
    /** 誤納: over-payment, double payment, payment of a cancelled invoice. */
    ERRONEOUS_PAYMENT,
    /** 過納: an assessment reduced or cancelled after it was paid. */
    REDUCED_AFTER_PAYMENT
}
