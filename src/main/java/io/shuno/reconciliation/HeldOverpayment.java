package io.shuno.reconciliation;

import java.util.Objects;

/** An OVERPAYMENT settlement (過誤納金 held as a liability) and the part of it not yet reversed. */
public record HeldOverpayment(Settlement overpayment, long unreversed) {

    public HeldOverpayment {
        Objects.requireNonNull(overpayment);
        if (overpayment.kind() != SettlementKind.OVERPAYMENT || unreversed < 0 || unreversed > overpayment.amount().yen()) {
            throw new IllegalArgumentException("a held overpayment is an OVERPAYMENT settlement with 0..amount unreversed");
        }
    }
}
