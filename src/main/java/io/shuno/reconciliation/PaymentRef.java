package io.shuno.reconciliation;

import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Names one payment across its stages and across every settlement it produces: {@code eltax:<paymentId>},
 * {@code terminal:<transactionId>}, {@code debit:<id>} for a direct debit, {@code cvs:<id>} for a コンビニ payment.
 */
public record PaymentRef(String value) {

    private static final Pattern FORM =
            Pattern.compile("(eltax|terminal|acquirer|manual|debit|cvs):[A-Za-z0-9._:-]{1,64}");
    private static final String TERMINAL = "terminal:";

    public PaymentRef {
        if (value == null || !FORM.matcher(value).matches()) {
            throw new InvalidIdentifierException("payment reference must look like eltax:<paymentId>");
        }
    }

    public static PaymentRef eltax(String paymentId) {
        return new PaymentRef("eltax:" + paymentId);
    }

    public static PaymentRef terminal(String transactionId) {
        return new PaymentRef(TERMINAL + transactionId);
    }

    /** A direct debit: {@code id} is derived from the municipality, 顧客番号 and 引落日. */
    public static PaymentRef directDebit(String id) {
        return new PaymentRef("debit:" + id);
    }

    /** A コンビニ payment: {@code id} is derived from barcode, chain, store and 収納日時. */
    public static PaymentRef convenienceStore(String id) {
        return new PaymentRef("cvs:" + id);
    }

    /** The counter transaction this payment is, if it is one. */
    public Optional<String> terminalTransactionId() {
        return value.startsWith(TERMINAL) ? Optional.of(value.substring(TERMINAL.length())) : Optional.empty();
    }

    @Override
    public String toString() {
        return value;
    }
}
