package io.shuno.reconciliation;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * A counter SALE as the daily close and the acquirer's statement see it, what it paid for (its counter orders or
 * its scanned slip; neither for a sale recorded before shuno kept them) and whether it was voided.
 */
public record SaleState(String transactionId, MunicipalityCode municipality, Brand brand, long amount,
                        LocalDate businessDate, List<InvoiceId> invoiceIds, Optional<ElNumber> slip,
                        boolean voided) {

    public SaleState {
        Objects.requireNonNull(transactionId);
        Objects.requireNonNull(municipality);
        Objects.requireNonNull(brand);
        Objects.requireNonNull(businessDate);
        invoiceIds = List.copyOf(invoiceIds);
        Objects.requireNonNull(slip);
    }

    static SaleState of(TerminalTransaction sale) {
        return new SaleState(sale.transactionId(), sale.municipality(), sale.brand(), sale.amount().yen(),
                sale.businessDate(), sale.invoiceIds(), sale.elQr().map(ElQr::elNumber), false);
    }

    SaleState asVoided() {
        return new SaleState(transactionId, municipality, brand, amount, businessDate, invoiceIds, slip, true);
    }

    /**
     * Whether what a VOID repeats of its sale — the orders in any order, or the slip — is what the sale paid for.
     * A VOID that repeats nothing agrees, as does any VOID of a sale whose orders or slip were not kept.
     */
    boolean paidFor(List<InvoiceId> orders, Optional<ElNumber> scanned) {
        boolean known = !invoiceIds.isEmpty() || slip.isPresent();
        boolean repeated = !orders.isEmpty() || scanned.isPresent();
        return !known || !repeated
                || (Set.copyOf(orders).equals(Set.copyOf(invoiceIds)) && scanned.equals(slip));
    }
}
