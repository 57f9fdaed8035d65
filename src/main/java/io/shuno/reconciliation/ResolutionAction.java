package io.shuno.reconciliation;

import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;

/**
 * What staff can do about an exception: 充当 or 還付 of 過誤納金, match a payment held in suspense to its invoice by
 * hand, or close the case after investigation with nothing to settle.
 */
public enum ResolutionAction {
    APPROPRIATE(excess()),
    REFUND(excess()),
    MATCH(EnumSet.of(ExceptionReason.UNMATCHED)),
    // Every case can be closed after investigation; a VOID_AFTER_REFUND can only be closed: its money is no longer
    // held as 過誤納金 (the VOID returned it), so staff stop or recover the refund's payout and say so in the comment.
    CLOSE(EnumSet.allOf(ExceptionReason.class));

    private static final String CAUSE_PREFIX = "resolution:";

    private final Set<ExceptionReason> appliesTo;

    ResolutionAction(Set<ExceptionReason> appliesTo) {
        this.appliesTo = appliesTo;
    }

    /** The reasons under which shuno booked money as 過誤納金 (an OVERPAYMENT settlement). */
    private static Set<ExceptionReason> excess() {
        return EnumSet.of(ExceptionReason.OVERPAYMENT, ExceptionReason.DOUBLE_PAYMENT,
                ExceptionReason.PAID_AFTER_CANCELLATION, ExceptionReason.AMOUNT_REDUCED_AFTER_PAYMENT);
    }

    public boolean appliesTo(ExceptionReason reason) {
        return appliesTo.contains(reason);
    }

    /**
     * The id of one resolution request, from the exception, the action and what makes the request unique (an
     * idempotency key, or the request's content): sent twice, it names the same resolution.
     */
    public String resolutionId(String exceptionId, String requestKey) {
        return DeterministicId.of("resolution", exceptionId, name(), requestKey);
    }

    /** What caused the settlements of a resolution; part of their deterministic ids. */
    public static String cause(String resolutionId) {
        return CAUSE_PREFIX + resolutionId;
    }

    /** The resolution that caused a settlement, if staff's decision caused it. */
    public static Optional<String> resolutionOf(String cause) {
        return cause.startsWith(CAUSE_PREFIX) ? Optional.of(cause.substring(CAUSE_PREFIX.length())) : Optional.empty();
    }
}
