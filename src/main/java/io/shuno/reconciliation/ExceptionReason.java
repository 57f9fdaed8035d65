package io.shuno.reconciliation;

/**
 * Why a human must look. The names are part of the message contract. VOID_AFTER_REFUND: a counter VOID returned to
 * the card money that staff had already decided to refund (還付) — the refund's payout must be stopped or recovered.
 * DIRECT_DEBIT_FAILED: the bank did not debit (口座振替不能); the invoice stays open and the payer must be asked to pay.
 */
public enum ExceptionReason {
    UNMATCHED, OVERPAYMENT, DOUBLE_PAYMENT, PAID_AFTER_CANCELLATION, AMOUNT_REDUCED_AFTER_PAYMENT,
    CANCEL_AFTER_CONFIRM, CONFLICTING_DUPLICATE, LATE_CHARGE_DUE, VOID_UNKNOWN_SALE, STATEMENT_MISMATCH,
    VOID_AFTER_REFUND, DIRECT_DEBIT_FAILED
}
