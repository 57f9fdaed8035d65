package io.shuno.reconciliation;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What of past settlements later events can still act on: each invoice's revenue not yet reversed (a cancellation
 * or reduction reverses it), the payments still held in suspense per payment key — eL番号, barcode or debit key (an
 * arriving invoice re-matches those held for any of its keys),
 * and what each payment still has booked (a VOID reverses it, and tells staff of what was refunded). Kept current
 * settlement by settlement.
 */
public final class OpenBookings {

    private final Map<InvoiceId, List<RevenueBooking>> revenue = new HashMap<>();
    private final Map<PaymentKey, List<Settlement>> suspended = new HashMap<>();
    private final Map<PaymentRef, List<OpenSettlement>> byPayment = new HashMap<>();

    public OpenBookings(Map<InvoiceId, List<RevenueBooking>> revenue, Map<ElNumber, List<Settlement>> suspended) {
        this(revenue, suspended, Map.of());
    }

    public OpenBookings(Map<InvoiceId, List<RevenueBooking>> revenue, Map<ElNumber, List<Settlement>> suspended,
                        Map<PaymentRef, List<OpenSettlement>> byPayment) {
        revenue.forEach((id, bookings) -> this.revenue.put(id, new ArrayList<>(bookings)));
        suspended.forEach((el, settlements) -> this.suspended.put(PaymentKey.of(el), new ArrayList<>(settlements)));
        byPayment.forEach((ref, open) -> this.byPayment.put(ref, new ArrayList<>(open)));
    }

    /** Bookings whose suspended payments were loaded per payment key of any kind. */
    public static OpenBookings byKey(Map<InvoiceId, List<RevenueBooking>> revenue,
                                     Map<PaymentKey, List<Settlement>> suspended,
                                     Map<PaymentRef, List<OpenSettlement>> byPayment) {
        OpenBookings bookings = new OpenBookings(revenue, Map.of(), byPayment);
        suspended.forEach((key, settlements) -> bookings.suspended.put(key, new ArrayList<>(settlements)));
        return bookings;
    }

    public List<OpenSettlement> openOf(PaymentRef payment) {
        return List.copyOf(byPayment.getOrDefault(payment, List.of()));
    }

    public List<RevenueBooking> revenueOf(InvoiceId invoice) {
        return List.copyOf(revenue.getOrDefault(invoice, List.of()));
    }

    public List<Settlement> suspendedFor(ElNumber elNumber) {
        return suspendedFor(List.of(PaymentKey.of(elNumber)));
    }

    /** The payments held in suspense for any of {@code keys} (an invoice's keys), each once. */
    public List<Settlement> suspendedFor(Collection<PaymentKey> keys) {
        return keys.stream().distinct().flatMap(key -> suspended.getOrDefault(key, List.of()).stream())
                .distinct().toList();
    }

    /**
     * Takes a new settlement into account; {@code paidAgainst} is the eL番号 a suspended payment named (a counter
     * order that names no eL番号 cannot be re-matched by one, so its suspense waits for staff).
     */
    public void record(Settlement settlement, Optional<ElNumber> paidAgainst) {
        recordAgainst(settlement, paidAgainst.map(PaymentKey::of));
    }

    /** Takes a new settlement into account; {@code paidAgainst} is the key a suspended payment named, if any. */
    public void recordAgainst(Settlement settlement, Optional<PaymentKey> paidAgainst) {
        if (settlement.kind() == SettlementKind.REVERSAL || settlement.kind() == SettlementKind.REFUND) {
            undo(settlement);
        }
        if (settlement.kind() == SettlementKind.REVERSAL) {
            return;
        }
        // A refund and its interest stay among the payment's bookings: a VOID of the payment must know of them.
        byPayment.computeIfAbsent(settlement.paymentRef(), ref -> new ArrayList<>())
                .add(new OpenSettlement(settlement, settlement.amount().yen()));
        if (settlement.kind() == SettlementKind.REVENUE) {
            revenue.computeIfAbsent(settlement.invoiceId().orElseThrow(), id -> new ArrayList<>())
                    .add(new RevenueBooking(settlement, settlement.amount().yen()));
        } else if (settlement.kind() == SettlementKind.SUSPENSE) {
            paidAgainst.ifPresent(key -> suspended.computeIfAbsent(key, k -> new ArrayList<>()).add(settlement));
        }
    }

    private void undo(Settlement reversal) {
        String reversed = reversal.reverses().orElseThrow();
        long amount = reversal.amount().yen();
        suspended.values().forEach(list -> list.removeIf(s -> s.settlementId().equals(reversed)));
        revenue.values().forEach(list -> list.replaceAll(booking -> booking.revenue().settlementId().equals(reversed)
                ? new RevenueBooking(booking.revenue(), booking.unreversed() - amount) : booking));
        byPayment.values().forEach(list -> list.replaceAll(open -> open.settlement().settlementId().equals(reversed)
                ? new OpenSettlement(open.settlement(), open.unreversed() - amount) : open));
    }
}
