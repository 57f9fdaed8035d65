package io.shuno.operations;

import io.shuno.exceptions.ExceptionView;
import io.shuno.exceptions.ResolutionView;

import java.util.List;

/**
 * What a resolution request did: the resolution, the settlements it booked, the exception afterwards, and whether
 * this was a repeat of a request already applied ({@code repeated}: nothing was applied again).
 */
public record ResolutionResult(ResolutionView resolution, List<String> settlementIds, ExceptionView exception,
                               boolean repeated) {
}
