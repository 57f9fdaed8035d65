package io.shuno.reconciliation;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What a staff decision on an exception does, like an {@link Outcome} of a message: the invoices as they stand
 * afterwards, the settlements it books, the exceptions it raises in turn, and how much of the decided exception's
 * amount it settles, with the 還付加算金 it adds when it refunds or appropriates 過誤納金. Applying a decision is
 * all-or-nothing.
 */
public record Decision(List<Invoice> invoices, List<Settlement> settlements, List<StaffException> exceptions,
                       Amount settledAmount, Optional<RefundInterest> interest) {

    public Decision(List<Invoice> invoices, List<Settlement> settlements, List<StaffException> exceptions,
                    Amount settledAmount) {
        this(invoices, settlements, exceptions, settledAmount, Optional.empty());
    }

    public Decision {
        Objects.requireNonNull(interest);
        invoices = List.copyOf(invoices);
        settlements = List.copyOf(settlements);
        exceptions = List.copyOf(exceptions);
        Objects.requireNonNull(settledAmount);
    }

    /** A decision that books nothing: a case closed after investigation. */
    public static Decision recordOnly(Amount settledAmount) {
        return new Decision(List.of(), List.of(), List.of(), settledAmount);
    }
}
