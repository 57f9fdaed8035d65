package io.shuno.reconciliation;

import java.time.LocalDate;
import java.util.Optional;

/** How each kind of settlement is made, and the deterministic id each one gets from its cause. */
final class Settlements {

    private Settlements() {
    }

    static Settlement revenue(InvoiceTerms terms, ConfirmedPayment payment, Amount amount) {
        return new Settlement(DeterministicId.of(payment.cause(), SettlementKind.REVENUE.name(), terms.id().value()),
                SettlementKind.REVENUE, Optional.empty(), terms.municipality(), payment.paymentRef(),
                Optional.of(terms.id()), amount, terms.account(), Optional.of(terms.revenueCode()),
                BookingYear.ofRevenue(terms.account(), terms.fiscalYear(), payment.receivedOn()),
                payment.receivedOn(), payment.channel(), payment.cause(), payment.store());
    }

    static Settlement overpayment(InvoiceTerms terms, ConfirmedPayment payment, Amount amount) {
        return new Settlement(
                DeterministicId.of(payment.cause(), SettlementKind.OVERPAYMENT.name(), terms.id().value()),
                SettlementKind.OVERPAYMENT, Optional.empty(), terms.municipality(), payment.paymentRef(),
                Optional.of(terms.id()), amount, terms.account(), Optional.of(terms.revenueCode()),
                BookingYear.ofReceipt(payment.receivedOn()), payment.receivedOn(), payment.channel(), payment.cause(), payment.store());
    }

    static Settlement suspense(ConfirmedPayment payment) {
        return new Settlement(DeterministicId.of(payment.cause(), SettlementKind.SUSPENSE.name()),
                SettlementKind.SUSPENSE, Optional.empty(), payment.municipality(), payment.paymentRef(),
                Optional.empty(), payment.amount(), Account.GENERAL, Optional.empty(),
                BookingYear.ofReceipt(payment.receivedOn()), payment.receivedOn(), payment.channel(), payment.cause(), payment.store());
    }

    /** Undoes {@code amount} of a settlement: same accounts and year, the sides swapped by the ledger. */
    static Settlement reversal(Settlement reversed, Amount amount, String cause) {
        return new Settlement(DeterministicId.of(cause, SettlementKind.REVERSAL.name(), reversed.settlementId()),
                SettlementKind.REVERSAL, Optional.of(reversed.settlementId()), reversed.municipality(),
                reversed.paymentRef(), reversed.invoiceId(), amount, reversed.account(), reversed.revenueCode(),
                reversed.bookingYear(), reversed.receivedOn(), reversed.channel(), cause, reversed.store());
    }

    /** Pays out {@code amount} of 過誤納金 held by {@code overpayment}, as decided on {@code decidedOn}. */
    static Settlement refund(Settlement overpayment, Amount amount, LocalDate decidedOn, String cause) {
        return new Settlement(DeterministicId.of(cause, SettlementKind.REFUND.name(), overpayment.settlementId()),
                SettlementKind.REFUND, Optional.of(overpayment.settlementId()), overpayment.municipality(),
                overpayment.paymentRef(), overpayment.invoiceId(), amount, overpayment.account(),
                overpayment.revenueCode(), BookingYear.ofReceipt(decidedOn), decidedOn, overpayment.channel(), cause,
                overpayment.store());
    }

    /** 還付加算金 on a refund or an appropriation of the 過誤納金 {@code overpayment} held, decided on {@code decidedOn}. */
    static Settlement refundInterest(Settlement overpayment, Amount amount, LocalDate decidedOn, String cause) {
        return new Settlement(DeterministicId.of(cause, SettlementKind.REFUND_INTEREST.name(),
                overpayment.invoiceId().map(InvoiceId::value).orElse(overpayment.paymentRef().value())),
                SettlementKind.REFUND_INTEREST, Optional.empty(), overpayment.municipality(),
                overpayment.paymentRef(), overpayment.invoiceId(), amount, overpayment.account(),
                overpayment.revenueCode(), BookingYear.ofReceipt(decidedOn), decidedOn, overpayment.channel(), cause,
                overpayment.store());
    }

    /** Revenue that an invoice no longer owes becomes 過誤納金 of the payment that brought it. */
    static Settlement overpaymentFromRevenue(Settlement revenue, Amount amount, String cause) {
        return new Settlement(DeterministicId.of(cause, SettlementKind.OVERPAYMENT.name(), revenue.settlementId()),
                SettlementKind.OVERPAYMENT, Optional.empty(), revenue.municipality(), revenue.paymentRef(),
                revenue.invoiceId(), amount, revenue.account(), revenue.revenueCode(),
                BookingYear.ofReceipt(revenue.receivedOn()), revenue.receivedOn(), revenue.channel(), cause,
                revenue.store());
    }
}
