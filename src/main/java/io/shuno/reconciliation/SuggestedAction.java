package io.shuno.reconciliation;

/**
 * What staff should most likely do: 充当, 還付, look into it, assess 延滞金, or stop the payout of a refund whose money
 * the payer already got back another way (and recover it from the payer if it was paid); after a failed direct debit,
 * send the payer a payment slip (納付書), or a reminder (督促状) when the due date has passed.
 */
public enum SuggestedAction {
    APPROPRIATE, REFUND, INVESTIGATE, ASSESS_LATE_CHARGE, STOP_REFUND_PAYOUT, SEND_PAYMENT_SLIP, SEND_REMINDER
}
