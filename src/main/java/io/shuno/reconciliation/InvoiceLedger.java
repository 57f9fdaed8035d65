package io.shuno.reconciliation;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Everything an invoice event may act on: the invoice if shuno knows it, its revenue bookings (to reverse what
 * it no longer owes), the payments held in suspense for any of its payment keys (to re-match them), and what
 * PRELIMINARY notices for its keys announced before it existed.
 */
public record InvoiceLedger(
        Optional<Invoice> invoice,
        List<RevenueBooking> revenue,
        List<Settlement> suspended,
        long announcedBeforeIssue) {

    public InvoiceLedger {
        Objects.requireNonNull(invoice);
        revenue = List.copyOf(revenue);
        suspended = List.copyOf(suspended);
        if (suspended.stream().anyMatch(s -> s.kind() != SettlementKind.SUSPENSE)) {
            throw new IllegalArgumentException("only SUSPENSE settlements are held in suspense");
        }
    }

    public static InvoiceLedger of(Optional<Invoice> invoice) {
        return new InvoiceLedger(invoice, List.of(), List.of(), 0);
    }
}
