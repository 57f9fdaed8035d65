package io.shuno.reconciliation;

import java.util.List;
import java.util.Optional;

/**
 * Names one payment across its stages and across every settlement it produces: {@code eltax:<paymentId>},
 * {@code terminal:<transactionId>}, {@code debit:<id>} for a direct debit, {@code cvs:<id>} for a コンビニ payment.
 */
public record PaymentRef(String value) {

    private static final List<String> PREFIXES = List.of("eltax:", "terminal:", "acquirer:", "manual:", "debit:",
            "cvs:");
    private static final String TERMINAL = "terminal:";
    private static final int MAX_ID_LENGTH = 64;

    /** A prefix, then 1 to 64 of A–Z, a–z, 0–9 and {@code . _ : -}; checked without a pattern (see Digits). */
    public PaymentRef {
        if (value == null || !wellFormed(value)) {
            throw new InvalidIdentifierException("payment reference must look like eltax:<paymentId>");
        }
    }

    private static boolean wellFormed(String value) {
        int colon = value.indexOf(':');
        if (colon < 0 || !PREFIXES.contains(value.substring(0, colon + 1))) {
            return false;
        }
        int idLength = value.length() - colon - 1;
        if (idLength < 1 || idLength > MAX_ID_LENGTH) {
            return false;
        }
        for (int i = colon + 1; i < value.length(); i++) {
            char c = value.charAt(i);
            if (!((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '.' || c == '_'
                    || c == ':' || c == '-')) {
                return false;
            }
        }
        return true;
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
