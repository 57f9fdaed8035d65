package io.shuno.reconciliation;

import java.util.List;
import java.util.Optional;

/**
 * What one message does: the invoice and payment as they stand afterwards (empty where there is none), the
 * settlements and exceptions it produces, and the exceptions it resolves. Applying an outcome is all-or-nothing.
 */
public record Outcome(
        Optional<Invoice> invoice,
        Optional<PaymentState> payment,
        List<Settlement> settlements,
        List<StaffException> exceptions,
        List<ExceptionResolution> resolutions) {

    public Outcome {
        settlements = List.copyOf(settlements);
        exceptions = List.copyOf(exceptions);
        resolutions = List.copyOf(resolutions);
    }
}
