package io.shuno.reconciliation;

import java.time.OffsetDateTime;
import java.util.Objects;

/** A billing system's word about one invoice: issued, amended (new amount) or cancelled. */
public record InvoiceEvent(String eventId, InvoiceEventType type, InvoiceTerms terms, OffsetDateTime issuedAt) {

    public InvoiceEvent {
        Objects.requireNonNull(eventId);
        Objects.requireNonNull(type);
        Objects.requireNonNull(terms);
        Objects.requireNonNull(issuedAt);
        if (type == InvoiceEventType.ISSUED && terms.amount().isZero()) {
            throw new IllegalArgumentException("an issued invoice must bill a positive amount");
        }
    }

    public String cause() {
        return "invoice-event:" + eventId;
    }
}
