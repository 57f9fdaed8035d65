package io.shuno.reconciliation;

import java.util.Objects;

/**
 * An invoice as shuno knows it: the billing system's terms plus what payments have done to it.
 * {@code settledRevenue} is the net revenue booked for it (REVENUE minus its REVERSALs); {@code announced} is
 * what PRELIMINARY notices have announced and no CONFIRMED or CANCELLED has yet resolved.
 */
public record Invoice(InvoiceTerms terms, boolean cancelled, Amount settledRevenue, Amount announced) {

    public Invoice {
        Objects.requireNonNull(terms);
        Objects.requireNonNull(settledRevenue);
        Objects.requireNonNull(announced);
    }

    public static Invoice issued(InvoiceTerms terms) {
        return new Invoice(terms, false, Amount.ZERO, Amount.ZERO);
    }

    public InvoiceId id() {
        return terms.id();
    }

    public Amount openBalance() {
        return cancelled ? Amount.ZERO : terms.amount().minusAtMost(settledRevenue);
    }

    public InvoiceStatus status() {
        if (cancelled) {
            return InvoiceStatus.CANCELLED;
        }
        Amount unpaid = terms.amount().minusAtMost(settledRevenue);
        if (unpaid.isZero()) {
            return InvoiceStatus.PAID;
        }
        if (!announced.isLessThan(unpaid)) {
            return InvoiceStatus.PROVISIONALLY_PAID;
        }
        return settledRevenue.isPositive() ? InvoiceStatus.PARTIALLY_PAID : InvoiceStatus.OPEN;
    }

    Invoice withAmount(Amount newAmount) {
        return new Invoice(terms.withAmount(newAmount), cancelled, settledRevenue, announced);
    }

    Invoice withSlipsOf(InvoiceTerms newer) {
        return new Invoice(terms.withSlipsOf(newer), cancelled, settledRevenue, announced);
    }

    Invoice asCancelled() {
        return new Invoice(terms, true, settledRevenue, announced);
    }

    Invoice withSettledRevenue(Amount newSettledRevenue) {
        return new Invoice(terms, cancelled, newSettledRevenue, announced);
    }

    Invoice withAnnounced(Amount newAnnounced) {
        return new Invoice(terms, cancelled, settledRevenue, newAnnounced);
    }
}
