package io.shuno.reconciliation;

/** An exception that resolved itself, and what resolved it (e.g. the invoice event that allowed a re-match). */
public record ExceptionResolution(String exceptionId, String resolvedBy) {
}
