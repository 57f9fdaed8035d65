package io.shuno.reconciliation;

import java.time.LocalDate;
import java.util.Objects;
import java.util.Optional;

/**
 * One way an invoice can be paid: a slip's eL番号 or barcode, or a direct-debit request, with the day the slip says
 * it may be used until where known. A slip past that day stays payable in practice (banks and stores still take
 * it), so {@code usableUntil} informs staff and never refuses a payment.
 */
public record PaymentSlip(PaymentKey key, Optional<LocalDate> usableUntil) {

    public PaymentSlip {
        Objects.requireNonNull(key);
        Objects.requireNonNull(usableUntil);
    }

    public static PaymentSlip of(PaymentKey key) {
        return new PaymentSlip(key, Optional.empty());
    }
}
