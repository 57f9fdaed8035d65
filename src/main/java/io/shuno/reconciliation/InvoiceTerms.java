package io.shuno.reconciliation;

import java.time.LocalDate;
import java.util.Objects;
import java.util.Optional;

/** What the billing system says an invoice is: who owes how much, for what, to which account. */
public record InvoiceTerms(
        InvoiceId id,
        MunicipalityCode municipality,
        Optional<ElNumber> elNumber,
        Item item,
        Account account,
        String revenueCode,
        FiscalYear fiscalYear,
        Amount amount,
        LocalDate dueDate,
        String payerId,
        Optional<Integer> installment) {

    public InvoiceTerms {
        Objects.requireNonNull(id);
        Objects.requireNonNull(municipality);
        Objects.requireNonNull(elNumber);
        Objects.requireNonNull(item);
        Objects.requireNonNull(account);
        Objects.requireNonNull(revenueCode);
        Objects.requireNonNull(fiscalYear);
        Objects.requireNonNull(dueDate);
        Objects.requireNonNull(payerId);
        Objects.requireNonNull(installment);
        Objects.requireNonNull(amount);
        elNumber.ifPresent(el -> {
            if (!el.municipality().equals(municipality)) {
                throw new InvalidIdentifierException("eL番号 " + el + " belongs to 団体コード " + el.municipality()
                        + ", not to " + municipality);
            }
        });
    }

    public InvoiceTerms withAmount(Amount newAmount) {
        return new InvoiceTerms(id, municipality, elNumber, item, account, revenueCode, fiscalYear, newAmount,
                dueDate, payerId, installment);
    }
}
