package io.shuno.reconciliation;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Something a clerk must decide, with the reason, the money involved, a suggestion and an explanation (rendered in
 * the reader's language outside the domain); for 過誤納金, the payer's refund claim and when it lapses.
 */
public record StaffException(
        String exceptionId,
        ExceptionReason reason,
        MunicipalityCode municipality,
        Optional<PaymentRef> paymentRef,
        Optional<InvoiceId> invoiceId,
        Amount amount,
        SuggestedAction suggestedAction,
        List<InvoiceId> appropriationCandidates,
        Explanation explanation,
        Optional<RefundClaim> refundClaim) {

    public StaffException {
        Objects.requireNonNull(exceptionId);
        Objects.requireNonNull(reason);
        Objects.requireNonNull(municipality);
        Objects.requireNonNull(paymentRef);
        Objects.requireNonNull(invoiceId);
        Objects.requireNonNull(amount);
        Objects.requireNonNull(suggestedAction);
        Objects.requireNonNull(refundClaim);
        appropriationCandidates = List.copyOf(appropriationCandidates);
        Objects.requireNonNull(explanation, "every exception explains itself");
    }

    /** An exception about anything but 過誤納金: no refund claim. */
    public StaffException(String exceptionId, ExceptionReason reason, MunicipalityCode municipality,
                          Optional<PaymentRef> paymentRef, Optional<InvoiceId> invoiceId, Amount amount,
                          SuggestedAction suggestedAction, List<InvoiceId> appropriationCandidates,
                          Explanation explanation) {
        this(exceptionId, reason, municipality, paymentRef, invoiceId, amount, suggestedAction,
                appropriationCandidates, explanation, Optional.empty());
    }
}
