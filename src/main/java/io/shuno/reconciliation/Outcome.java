package io.shuno.reconciliation;

import java.util.List;
import java.util.Optional;

/**
 * What one message does: the invoice and payment as they stand afterwards (empty where there is none), and the
 * settlements and exceptions it produces. Applying an outcome is all-or-nothing.
 */
public record Outcome(
        Optional<Invoice> invoice,
        Optional<PaymentState> payment,
        List<Settlement> settlements,
        List<StaffException> exceptions) {

    public Outcome {
        settlements = List.copyOf(settlements);
        exceptions = List.copyOf(exceptions);
    }
}
