package io.shuno.reconciliation;

import java.util.Collection;
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

    /**
     * The ledger of invoice {@code id} as the books stand: its eL番号 is the invoice's, or (for an invoice not yet
     * known) the one its event names; what was announced before issue is the sum of the PRELIMINARY notices still
     * at that stage among {@code paymentsAgainst}, the payments made against that eL番号.
     */
    public static InvoiceLedger of(InvoiceId id, Optional<Invoice> invoice, Optional<ElNumber> named,
                                   OpenBookings bookings, Collection<PaymentState> paymentsAgainst) {
        Optional<ElNumber> el = invoice.flatMap(i -> i.terms().elNumber()).or(() -> named);
        long announced = el.map(number -> paymentsAgainst.stream()
                .filter(p -> p.elNumber().equals(number) && p.stage() == NoticeStage.PRELIMINARY)
                .mapToLong(PaymentState::amount).sum()).orElse(0L);
        return new InvoiceLedger(invoice, bookings.revenueOf(id),
                el.map(bookings::suspendedFor).orElse(List.of()), announced);
    }
}
