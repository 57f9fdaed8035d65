package io.shuno.reconciliation;

import java.util.List;

/**
 * What a staff decision on an exception does, like an {@link Outcome} of a message: the invoices as they stand
 * afterwards, the settlements it books, the exceptions it raises in turn, and how much of the decided exception's
 * amount it settles. Applying a decision is all-or-nothing.
 */
public record Decision(List<Invoice> invoices, List<Settlement> settlements, List<StaffException> exceptions,
                       long settledAmount) {

    public Decision {
        invoices = List.copyOf(invoices);
        settlements = List.copyOf(settlements);
        exceptions = List.copyOf(exceptions);
        if (settledAmount < 0) {
            throw new IllegalArgumentException("a decision settles a non-negative amount");
        }
    }

    /** A decision that books nothing: a refund made outside shuno, or a case closed after investigation. */
    public static Decision recordOnly(long settledAmount) {
        return new Decision(List.of(), List.of(), List.of(), settledAmount);
    }
}
