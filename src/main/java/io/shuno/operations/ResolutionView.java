package io.shuno.operations;

import java.time.OffsetDateTime;
import java.util.List;

/** One staff decision on an exception: what was done, how much of the exception it settled, by whom and why. */
public record ResolutionView(String resolutionId, String exceptionId, String action, long amount, List<String> targets,
                             String refundReference, String comment, String resolvedBy, OffsetDateTime resolvedAt) {
}
