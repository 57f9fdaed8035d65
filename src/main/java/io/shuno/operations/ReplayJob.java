package io.shuno.operations;

import com.fasterxml.jackson.databind.JsonNode;
import io.shuno.deadletters.DeadLetterStatus;

import java.time.OffsetDateTime;
import java.util.Map;

/**
 * A bulk replay: how many dead letters matched ({@code total}), how many were sent back ({@code done}) or could not
 * be ({@code failed}, e.g. discarded meanwhile), and — the summary — where those dead letters stand now:
 * REPLAYING (not yet read again), REPLAYED (accepted by intake) or OPEN (failed again, with a new reason).
 */
public record ReplayJob(String jobId, String requestedBy, JsonNode filter, int total, int done, int failed,
                        ReplayJobStatus status, OffsetDateTime startedAt, OffsetDateTime finishedAt,
                        Map<DeadLetterStatus, Long> deadLettersByStatus) {
}
