package io.shuno.reconciliation;

import java.time.LocalDate;
import java.util.Objects;

/**
 * One data record of a bank's 全銀 口座振替 result file, without the payer's name and account: the debit of
 * {@code amount} asked for 顧客番号 {@code customerNumber} on {@code debitDate}, and the bank's 振替結果コード
 * {@code resultCode} as written (an undefined one is kept so staff see what the bank sent).
 * {@code municipality} is the 委託者 the file is for.
 */
public record DirectDebitResult(
        MunicipalityCode municipality,
        String customerNumber,
        LocalDate debitDate,
        Amount amount,
        char resultCode) {

    public DirectDebitResult {
        Objects.requireNonNull(municipality);
        Objects.requireNonNull(debitDate);
        key(customerNumber, debitDate);
        amount.requirePositive("a debit amount");
    }

    private static PaymentKey key(String customerNumber, LocalDate debitDate) {
        return PaymentKey.directDebit(customerNumber, debitDate);
    }

    /** The key the billing system lists on the invoice this debit was asked for. */
    public PaymentKey key() {
        return key(customerNumber, debitDate);
    }

    public DirectDebitResultCode result() {
        return DirectDebitResultCode.of(resultCode);
    }

    /** The debit across result files: the same 顧客番号 and 引落日 of one municipality is one payment. */
    public PaymentRef paymentRef() {
        return PaymentRef.directDebit(DeterministicId.of(municipality.value(), key().value()));
    }

    /** What the settlements or the exception of this result are caused by. */
    public String cause() {
        return "direct-debit-result:" + paymentRef().value().substring("debit:".length()) + ":" + resultCode;
    }
}
