package io.shuno.exceptions;

import io.shuno.reconciliation.ExceptionReason;
import io.shuno.reconciliation.ExcessCause;
import io.shuno.reconciliation.RefundClaim;
import io.shuno.reconciliation.SuggestedAction;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;

/**
 * An exception as staff see it, with {@code outstanding}: the money still to decide — of an open exception, the part
 * of its amount no appropriation or refund has settled yet; of a resolved one (by staff, a later message or a VOID),
 * nothing. For 過誤納金, how it arose ({@code excessCause}) and {@code refundLapsesOn}, the last day a refund may be
 * decided before the claim lapses.
 */
public record ExceptionView(String exceptionId, ExceptionReason reason, ExceptionStatus status,
                            String municipalityCode, String paymentRef, String invoiceId, long amount, long outstanding,
                            SuggestedAction suggestedAction, List<String> appropriationCandidates, String detail,
                            OffsetDateTime raisedAt, OffsetDateTime resolvedAt, String resolvedBy,
                            ExcessCause excessCause, LocalDate refundLapsesOn) {

    /** What the audit log keeps of an exception before and after a decision. */
    public record State(ExceptionStatus status, long outstanding) {
    }

    public State state() {
        return new State(status, outstanding);
    }

    public boolean open() {
        return status == ExceptionStatus.OPEN;
    }

    /** The same exception with 充当 advice given again: other candidates, suggested action and detail. */
    public ExceptionView advised(List<String> candidates, SuggestedAction action, String restatedDetail) {
        return new ExceptionView(exceptionId, reason, status, municipalityCode, paymentRef, invoiceId, amount,
                outstanding, action, candidates, restatedDetail, raisedAt, resolvedAt, resolvedBy, excessCause,
                refundLapsesOn);
    }

    /** The payer's refund claim, on 過誤納金 exceptions. */
    public Optional<RefundClaim> refundClaim() {
        return Optional.ofNullable(excessCause).map(cause -> new RefundClaim(cause, refundLapsesOn));
    }
}
