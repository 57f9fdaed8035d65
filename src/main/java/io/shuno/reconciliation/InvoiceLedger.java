package io.shuno.reconciliation;

import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

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

    /**
     * The ledger of invoice {@code id} as the books stand: its payment keys are the invoice's and those its event
     * names ({@code named}: a new invoice's, or slips an event adds); the suspense is what is held for any of them,
     * and what was announced before issue is the sum of the PRELIMINARY notices still at that stage among
     * {@code paymentsAgainst} that named one of them.
     */
    public static InvoiceLedger of(InvoiceId id, Optional<Invoice> invoice, Collection<PaymentKey> named,
                                   OpenBookings bookings, Collection<PaymentState> paymentsAgainst) {
        Set<PaymentKey> keys = new LinkedHashSet<>();
        invoice.ifPresent(known -> keys.addAll(known.terms().paymentKeys()));
        keys.addAll(named);
        long announced = paymentsAgainst.stream()
                .filter(p -> keys.contains(p.key()) && p.stage() == NoticeStage.PRELIMINARY)
                .mapToLong(PaymentState::amount).sum();
        return new InvoiceLedger(invoice, bookings.revenueOf(id), bookings.suspendedFor(keys), announced);
    }
}
