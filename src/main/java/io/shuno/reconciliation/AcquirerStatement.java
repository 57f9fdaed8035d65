package io.shuno.reconciliation;

import java.time.LocalDate;
import java.util.Objects;

/**
 * A card acquirer's statement for one municipality, business date and brand: the gross of the day's sales, their
 * count, the acquirer's fee (加盟店手数料) and the net it deposits.
 */
public record AcquirerStatement(String statementId, String acquirer, MunicipalityCode municipality,
                                LocalDate businessDate, Brand brand, Amount grossSales, long count, Amount fee,
                                Amount netDeposit, LocalDate depositDate) {

    public AcquirerStatement {
        Objects.requireNonNull(statementId);
        Objects.requireNonNull(acquirer);
        Objects.requireNonNull(municipality);
        Objects.requireNonNull(businessDate);
        Objects.requireNonNull(brand);
        Objects.requireNonNull(grossSales);
        Objects.requireNonNull(fee);
        Objects.requireNonNull(netDeposit);
        Objects.requireNonNull(depositDate);
        if (count < 0) {
            throw new IllegalArgumentException("a statement's count must not be negative");
        }
        if (grossSales.difference(fee) != netDeposit.yen()) {
            throw new IllegalArgumentException("net deposit " + netDeposit.yen() + " is not gross sales " + grossSales.yen()
                    + " less fee " + fee.yen());
        }
    }

    public PaymentRef paymentRef() {
        return new PaymentRef("acquirer:" + statementId);
    }

    public String cause() {
        return "acquirer-statement:" + statementId;
    }
}
