package io.shuno.deadletters;

import java.time.OffsetDateTime;

/**
 * A dead letter as operators see it: where the record came from and why it was rejected (the shuno.dlt.* headers
 * it was published with), its key and original bytes (as text, and exactly as base64), and what became of it.
 */
public record DeadLetterView(long id, String sourceTopic, int sourcePartition, long sourceOffset, String reason,
                             RejectionClass errorClass, DeadLetterStatus status, String municipalityCode,
                             String key, String payload, String payloadBase64, int replayCount, OffsetDateTime receivedAt,
                             OffsetDateTime lastReplayedAt, OffsetDateTime discardedAt, String discardedBy,
                             String discardComment) {

    /** What the audit log keeps of a dead letter before and after an act. */
    public record State(DeadLetterStatus status, int replayCount, String reason, RejectionClass errorClass,
                        String discardComment) {
    }

    /** A file refused whole at a drop folder: it never was a Kafka record, so there is nothing to replay. */
    public boolean isRejectedFile() {
        return errorClass == RejectionClass.FILE_REJECTED;
    }

    public State state() {
        return new State(status, replayCount, reason, errorClass, discardComment);
    }
}
