package io.shuno.reconciliation;

import java.util.List;
import java.util.Objects;

/**
 * 充当 advice on 過誤納金 as of the day staff look: the payer's overdue invoices to appropriate it to (oldest first),
 * the action that follows (APPROPRIATE, or REFUND with none), and the exception's explanation with this advice as its
 * last sentence.
 */
public record ExcessAdvice(List<InvoiceId> candidates, SuggestedAction action, Explanation explanation) {

    public ExcessAdvice {
        candidates = List.copyOf(candidates);
        Objects.requireNonNull(action);
        Objects.requireNonNull(explanation);
    }

    /** The advice on {@code candidates}: the last sentence of an excess exception's explanation. */
    public static Explanation on(List<InvoiceId> candidates) {
        return AppropriationAdvice.advice(candidates);
    }
}
