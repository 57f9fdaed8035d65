package io.shuno.reconciliation;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What of past settlements later events can still act on: each invoice's revenue not yet reversed (a cancellation
 * or reduction reverses it) and the payments still held in suspense per eL番号 (an arriving invoice re-matches
 * them). Kept current settlement by settlement.
 */
public final class OpenBookings {

    private final Map<InvoiceId, List<RevenueBooking>> revenue = new HashMap<>();
    private final Map<ElNumber, List<Settlement>> suspended = new HashMap<>();

    public OpenBookings(Map<InvoiceId, List<RevenueBooking>> revenue, Map<ElNumber, List<Settlement>> suspended) {
        revenue.forEach((id, bookings) -> this.revenue.put(id, new ArrayList<>(bookings)));
        suspended.forEach((el, settlements) -> this.suspended.put(el, new ArrayList<>(settlements)));
    }

    public List<RevenueBooking> revenueOf(InvoiceId invoice) {
        return List.copyOf(revenue.getOrDefault(invoice, List.of()));
    }

    public List<Settlement> suspendedFor(ElNumber elNumber) {
        return List.copyOf(suspended.getOrDefault(elNumber, List.of()));
    }

    /** Takes a new settlement into account; {@code paidAgainst} is the eL番号 a suspended payment named. */
    public void record(Settlement settlement, Optional<ElNumber> paidAgainst) {
        switch (settlement.kind()) {
            case REVENUE -> revenue.computeIfAbsent(settlement.invoiceId().orElseThrow(), id -> new ArrayList<>())
                    .add(new RevenueBooking(settlement, settlement.amount()));
            case SUSPENSE -> suspended.computeIfAbsent(paidAgainst.orElseThrow(() -> new IllegalArgumentException(
                    "a suspended payment is kept under the eL番号 it named")), el -> new ArrayList<>()).add(settlement);
            case REVERSAL -> {
                String reversed = settlement.reverses().orElseThrow();
                suspended.values().forEach(list -> list.removeIf(s -> s.settlementId().equals(reversed)));
                revenue.values().forEach(list -> list.replaceAll(booking ->
                        booking.revenue().settlementId().equals(reversed)
                                ? new RevenueBooking(booking.revenue(), booking.unreversed() - settlement.amount())
                                : booking));
            }
            case OVERPAYMENT -> {
                // 過誤納金 stays with its payment until staff appropriate or refund it
            }
        }
    }
}
