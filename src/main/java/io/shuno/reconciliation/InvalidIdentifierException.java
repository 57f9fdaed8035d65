package io.shuno.reconciliation;

/** An identifier from outside (団体コード, eL番号 …) is malformed; the message says how, without personal data. */
public class InvalidIdentifierException extends IllegalArgumentException {
    public InvalidIdentifierException(String message) {
        super(message);
    }
}
