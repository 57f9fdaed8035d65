package io.shuno.reconciliation;

/** Names one payment across its stages and across every settlement it produces: {@code eltax:<paymentId>}. */
public record PaymentRef(String value) {

    public PaymentRef {
        if (value == null || !value.matches("(eltax|terminal|acquirer|manual):[A-Za-z0-9._:-]{1,64}")) {
            throw new InvalidIdentifierException("payment reference must look like eltax:<paymentId>");
        }
    }

    public static PaymentRef eltax(String paymentId) {
        return new PaymentRef("eltax:" + paymentId);
    }

    public static PaymentRef terminal(String transactionId) {
        return new PaymentRef("terminal:" + transactionId);
    }

    @Override
    public String toString() {
        return value;
    }
}
