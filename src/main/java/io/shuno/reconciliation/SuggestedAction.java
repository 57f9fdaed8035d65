package io.shuno.reconciliation;

/**
 * What staff should most likely do: 充当, 還付, look into it, assess 延滞金, or stop the payout of a refund whose money
 * the payer already got back another way (and recover it from the payer if it was paid).
 */
public enum SuggestedAction {
    APPROPRIATE, REFUND, INVESTIGATE, ASSESS_LATE_CHARGE, STOP_REFUND_PAYOUT
}
