package io.shuno.reconciliation;

/** A staff decision the money rules do not allow; the message says which rule, without personal data. */
public class RefusedDecision extends RuntimeException {
    public RefusedDecision(String message) {
        super(message);
    }
}
