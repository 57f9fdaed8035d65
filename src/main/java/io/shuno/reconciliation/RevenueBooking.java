package io.shuno.reconciliation;

import java.util.Objects;

/** A REVENUE settlement of an invoice and the part of it not yet reversed. */
public record RevenueBooking(Settlement revenue, long unreversed) {

    public RevenueBooking {
        Objects.requireNonNull(revenue);
        if (revenue.kind() != SettlementKind.REVENUE || unreversed < 0 || unreversed > revenue.amount().yen()) {
            throw new IllegalArgumentException("a revenue booking is a REVENUE settlement with 0..amount unreversed");
        }
    }
}
