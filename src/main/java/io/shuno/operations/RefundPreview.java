package io.shuno.operations;

import io.shuno.reconciliation.RefundInterest;

import java.time.LocalDate;

/**
 * What a refund decided today would pay — {@code amount} of the {@code available} 過誤納金 and its 還付加算金 with the
 * period it ran — and until when the claim may be refunded. Confirming the refund with {@code interest.amount} books
 * exactly this figure, or is refused if it changed meanwhile.
 */
public record RefundPreview(String exceptionId, long amount, long available, RefundInterest interest,
                            LocalDate decidedOn, LocalDate refundLapsesOn, boolean lapsed) {
}
