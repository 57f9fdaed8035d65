package io.shuno.reconciliation;

import java.time.LocalDate;
import java.util.Objects;
import java.util.Optional;

/**
 * One booking for the treasury ledger. The ledger module adds its double-entry lines. {@code reverses} names the
 * settlement a REVERSAL undoes, or the OVERPAYMENT a REFUND clears; either way that much of it is no longer held.
 * For REFUND and REFUND_INTEREST, {@code receivedOn} is the day the refund or appropriation was decided.
 * {@code store} is where a コンビニ payment was taken; every settlement of that payment carries it.
 */
public record Settlement(
        String settlementId,
        SettlementKind kind,
        Optional<String> reverses,
        MunicipalityCode municipality,
        PaymentRef paymentRef,
        Optional<InvoiceId> invoiceId,
        Amount amount,
        Account account,
        Optional<String> revenueCode,
        BookingYear bookingYear,
        LocalDate receivedOn,
        Channel channel,
        String cause,
        Optional<StoreReceipt> store) {

    /** A settlement of a payment not taken at a コンビニ. */
    public Settlement(String settlementId, SettlementKind kind, Optional<String> reverses,
                      MunicipalityCode municipality, PaymentRef paymentRef, Optional<InvoiceId> invoiceId, Amount amount,
                      Account account, Optional<String> revenueCode, BookingYear bookingYear, LocalDate receivedOn,
                      Channel channel, String cause) {
        this(settlementId, kind, reverses, municipality, paymentRef, invoiceId, amount, account, revenueCode,
                bookingYear, receivedOn, channel, cause, Optional.empty());
    }

    public Settlement {
        Objects.requireNonNull(settlementId);
        Objects.requireNonNull(kind);
        Objects.requireNonNull(reverses);
        Objects.requireNonNull(municipality);
        Objects.requireNonNull(paymentRef);
        Objects.requireNonNull(invoiceId);
        Objects.requireNonNull(account);
        Objects.requireNonNull(revenueCode);
        Objects.requireNonNull(bookingYear);
        Objects.requireNonNull(receivedOn);
        Objects.requireNonNull(channel);
        Objects.requireNonNull(cause);
        Objects.requireNonNull(store);
        amount.requirePositive("a settlement amount");
        if ((kind == SettlementKind.REVERSAL || kind == SettlementKind.REFUND) != reverses.isPresent()) {
            throw new IllegalArgumentException("exactly the REVERSAL and REFUND settlements name what they undo");
        }
        if ((kind == SettlementKind.SUSPENSE || kind == SettlementKind.FEE) && invoiceId.isPresent()) {
            throw new IllegalArgumentException("suspense and fees belong to no invoice");
        }
    }
}
