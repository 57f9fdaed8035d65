package io.shuno.operations;

import com.fasterxml.jackson.databind.JsonNode;

import java.time.OffsetDateTime;

/** One row of the audit log: who did what, when, to which record, with the record before and after, and why. */
public record AuditEntry(long id, OffsetDateTime at, String actor, String action, String targetType, String targetId,
                         String municipalityCode, JsonNode before, JsonNode after, String comment) {
}
