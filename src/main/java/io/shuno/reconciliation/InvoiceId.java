package io.shuno.reconciliation;

/** The billing system's identifier of one assessment (調定) or counter order. Opaque to shuno. */
public record InvoiceId(String value) {

    public InvoiceId {
        if (value == null || value.isBlank() || value.length() > 64) {
            throw new InvalidIdentifierException("invoiceId must be 1 to 64 characters");
        }
    }

    // equals and hashCode written out, as the record's own would compute them: a hot map key, hashed for every
    // message, where the generated ones cost more than the comparison itself.
    @Override
    public boolean equals(Object other) {
        return other instanceof InvoiceId id && id.value.equals(value);
    }

    @Override
    public int hashCode() {
        return value.hashCode();
    }

    @Override
    public String toString() {
        return value;
    }
}
