package io.shuno.reconciliation;

/** A scanned eL-QR payload whose layout or CRC is wrong; the message says where, never the payload itself. */
public class InvalidElQrException extends IllegalArgumentException {
    public InvalidElQrException(String message) {
        super(message);
    }
}
