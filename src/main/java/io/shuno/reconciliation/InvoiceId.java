package io.shuno.reconciliation;

/** The billing system's identifier of one assessment (調定) or counter order. Opaque to shuno. */
public record InvoiceId(String value) {

    public InvoiceId {
        if (value == null || value.isBlank() || value.length() > 64) {
            throw new InvalidIdentifierException("invoiceId must be 1 to 64 characters");
        }
    }

    @Override
    public String toString() {
        return value;
    }
}
