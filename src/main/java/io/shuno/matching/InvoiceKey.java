package io.shuno.matching;

import io.shuno.reconciliation.ElNumber;
import io.shuno.reconciliation.MunicipalityCode;
import io.shuno.reconciliation.PaymentKey;

import java.util.Objects;

/**
 * A payment key as invoices are found by it: within one municipality (a 顧客番号 is the municipality's own), so two
 * municipalities may use the same key for their own invoices.
 */
public record InvoiceKey(MunicipalityCode municipality, PaymentKey key) {

    public InvoiceKey {
        Objects.requireNonNull(municipality);
        Objects.requireNonNull(key);
    }

    /** An eL番号 names its municipality itself. */
    public static InvoiceKey of(ElNumber elNumber) {
        return new InvoiceKey(elNumber.municipality(), PaymentKey.of(elNumber));
    }

    // equals and hashCode written out, as the record's own would compute them: the key of every invoice lookup.
    @Override
    public boolean equals(Object other) {
        return other instanceof InvoiceKey key && key.municipality.equals(municipality) && key.key.equals(this.key);
    }

    @Override
    public int hashCode() {
        return 31 * municipality.hashCode() + key.hashCode();
    }

    /** The advisory lock's name: an invoice and every payment naming one of its keys take turns on it. */
    String lockName() {
        return "key:" + municipality.value() + ":" + key.type() + ":" + key.value();
    }
}
