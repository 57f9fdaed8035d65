package io.shuno.matching;

import io.shuno.reconciliation.InvoiceTerms;
import io.shuno.reconciliation.MunicipalityCode;

/** A payer as billing systems know them: a payerId is only unique within its municipality. */
record Payer(MunicipalityCode municipality, String payerId) {

    static Payer of(InvoiceTerms terms) {
        return new Payer(terms.municipality(), terms.payerId());
    }
}
