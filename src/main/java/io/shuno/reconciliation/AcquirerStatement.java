package io.shuno.reconciliation;

import java.time.LocalDate;
import java.util.Objects;

/**
 * A card acquirer's statement for one municipality, business date and brand: the gross of the day's sales, their
 * count, the acquirer's fee (加盟店手数料) and the net it deposits.
 */
public record AcquirerStatement(String statementId, String acquirer, MunicipalityCode municipality,
                                LocalDate businessDate, Brand brand, long grossSales, long count, long fee,
                                long netDeposit, LocalDate depositDate) {

    public AcquirerStatement {
        Objects.requireNonNull(statementId);
        Objects.requireNonNull(acquirer);
        Objects.requireNonNull(municipality);
        Objects.requireNonNull(businessDate);
        Objects.requireNonNull(brand);
        Objects.requireNonNull(depositDate);
        if (grossSales < 0 || count < 0 || fee < 0 || netDeposit < 0) {
            throw new IllegalArgumentException("statement figures must not be negative");
        }
        if (grossSales - fee != netDeposit) {
            throw new IllegalArgumentException("net deposit " + netDeposit + " is not gross sales " + grossSales
                    + " less fee " + fee);
        }
    }

    public PaymentRef paymentRef() {
        return new PaymentRef("acquirer:" + statementId);
    }

    public String cause() {
        return "acquirer-statement:" + statementId;
    }
}
