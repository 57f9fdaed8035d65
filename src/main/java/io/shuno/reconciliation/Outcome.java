package io.shuno.reconciliation;

import java.util.List;
import java.util.Optional;

/**
 * What one message does: the invoices and the payment as they stand afterwards (only those it concerns), the
 * settlements and exceptions it produces, and the exceptions it resolves. Applying an outcome is all-or-nothing.
 */
public record Outcome(
        List<Invoice> invoices,
        Optional<PaymentState> payment,
        List<Settlement> settlements,
        List<StaffException> exceptions,
        List<ExceptionResolution> resolutions) {

    public Outcome {
        invoices = List.copyOf(invoices);
        settlements = List.copyOf(settlements);
        exceptions = List.copyOf(exceptions);
        resolutions = List.copyOf(resolutions);
    }

    /** An outcome about at most one invoice, as every eLTAX notice and invoice event is. */
    public Outcome(Optional<Invoice> invoice, Optional<PaymentState> payment, List<Settlement> settlements,
                   List<StaffException> exceptions, List<ExceptionResolution> resolutions) {
        this(invoice.stream().toList(), payment, settlements, exceptions, resolutions);
    }

    /** The invoice of an outcome about at most one invoice. */
    public Optional<Invoice> invoice() {
        if (invoices.size() > 1) {
            throw new IllegalStateException("this outcome concerns " + invoices.size() + " invoices");
        }
        return invoices.stream().findFirst();
    }
}
