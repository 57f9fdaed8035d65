package io.shuno.reconciliation;

import java.time.LocalDate;
import java.util.Objects;

/**
 * The payer's claim to 過誤納金: how the money became 過誤納金 (which decides when 還付加算金 runs) and the last day a
 * refund may be decided before the claim lapses ({@link RefundPrescription}).
 */
public record RefundClaim(ExcessCause cause, LocalDate lastDayToRefund) {

    public RefundClaim {
        Objects.requireNonNull(cause);
        Objects.requireNonNull(lastDayToRefund);
    }

    /** The claim to money of {@code item} that became 過誤納金 on {@code aroseOn}. */
    static RefundClaim of(ExcessCause cause, Item item, LocalDate aroseOn) {
        return new RefundClaim(cause, RefundPrescription.lastDayToRefund(item, aroseOn));
    }
}
