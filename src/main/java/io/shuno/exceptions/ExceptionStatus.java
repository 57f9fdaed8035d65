package io.shuno.exceptions;

/** Where an exception stands: open until staff, a later message or a VOID resolve it. */
public enum ExceptionStatus {
    OPEN,
    RESOLVED
}
