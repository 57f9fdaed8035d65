package io.shuno.reconciliation;

/** What staff should most likely do: 充当, 還付, look into it, or assess 延滞金. */
public enum SuggestedAction {
    APPROPRIATE, REFUND, INVESTIGATE, ASSESS_LATE_CHARGE
}
