package io.shuno.reconciliation;

import java.util.Objects;

/** A settlement and the part of it no REVERSAL has undone yet. */
public record OpenSettlement(Settlement settlement, long unreversed) {

    public OpenSettlement {
        Objects.requireNonNull(settlement);
        if (settlement.kind() == SettlementKind.REVERSAL || unreversed < 0 || unreversed > settlement.amount().yen()) {
            throw new IllegalArgumentException("an open settlement is a booking with 0..amount unreversed");
        }
    }
}
