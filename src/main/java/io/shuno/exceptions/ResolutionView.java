package io.shuno.exceptions;

import io.shuno.reconciliation.ResolutionAction;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

/**
 * One staff decision on an exception: what was done, how much of the exception it settled, by whom and why; for a
 * refund or an appropriation, the day it was decided and the 還付加算金 it added over which period.
 */
public record ResolutionView(String resolutionId, String exceptionId, ResolutionAction action, long amount,
                             List<String> targets,
                             String refundReference, String comment, String resolvedBy, OffsetDateTime resolvedAt,
                             LocalDate decidedOn, long interest, LocalDate interestFrom, LocalDate interestTo) {
}
