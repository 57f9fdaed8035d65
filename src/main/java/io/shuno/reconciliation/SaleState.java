package io.shuno.reconciliation;

import java.time.LocalDate;
import java.util.Objects;

/** A counter SALE as the daily close and the acquirer's statement see it, and whether it was voided. */
public record SaleState(String transactionId, MunicipalityCode municipality, Brand brand, long amount,
                        LocalDate businessDate, boolean voided) {

    public SaleState {
        Objects.requireNonNull(transactionId);
        Objects.requireNonNull(municipality);
        Objects.requireNonNull(brand);
        Objects.requireNonNull(businessDate);
    }

    static SaleState of(TerminalTransaction sale) {
        return new SaleState(sale.transactionId(), sale.municipality(), sale.brand(), sale.amount(),
                sale.businessDate(), false);
    }

    SaleState asVoided() {
        return new SaleState(transactionId, municipality, brand, amount, businessDate, true);
    }
}
