package io.shuno.reconciliation;

import java.util.Objects;

/**
 * An invoice as shuno knows it: the billing system's terms plus what payments have done to it.
 * {@code settledRevenue} is the net revenue booked for it (REVENUE minus its REVERSALs); {@code announced} is
 * what PRELIMINARY notices have announced and no CONFIRMED or CANCELLED has yet resolved.
 */
public record Invoice(InvoiceTerms terms, boolean cancelled, long settledRevenue, long announced) {

    public Invoice {
        Objects.requireNonNull(terms);
        if (settledRevenue < 0 || announced < 0) {
            throw new IllegalArgumentException("settled and announced amounts must not be negative");
        }
    }

    public static Invoice issued(InvoiceTerms terms) {
        return new Invoice(terms, false, 0, 0);
    }

    public InvoiceId id() {
        return terms.id();
    }

    public long openBalance() {
        return cancelled ? 0 : Math.max(0, terms.amount() - settledRevenue);
    }

    public InvoiceStatus status() {
        if (cancelled) {
            return InvoiceStatus.CANCELLED;
        }
        if (settledRevenue >= terms.amount()) {
            return InvoiceStatus.PAID;
        }
        if (settledRevenue + announced >= terms.amount()) {
            return InvoiceStatus.PROVISIONALLY_PAID;
        }
        return settledRevenue > 0 ? InvoiceStatus.PARTIALLY_PAID : InvoiceStatus.OPEN;
    }

    Invoice withAmount(long newAmount) {
        return new Invoice(terms.withAmount(newAmount), cancelled, settledRevenue, announced);
    }

    Invoice withSlipsOf(InvoiceTerms newer) {
        return new Invoice(terms.withSlipsOf(newer), cancelled, settledRevenue, announced);
    }

    Invoice asCancelled() {
        return new Invoice(terms, true, settledRevenue, announced);
    }

    Invoice withSettledRevenue(long newSettledRevenue) {
        return new Invoice(terms, cancelled, newSettledRevenue, announced);
    }

    Invoice withAnnounced(long newAnnounced) {
        return new Invoice(terms, cancelled, settledRevenue, newAnnounced);
    }
}
