package io.shuno.reconciliation;

import java.util.List;

/** The invoices of one payer in one municipality, for 充当 advice. */
@FunctionalInterface
public interface PayerInvoices {

    List<Invoice> of(MunicipalityCode municipality, String payerId);

    PayerInvoices NONE = (municipality, payerId) -> List.of();
}
