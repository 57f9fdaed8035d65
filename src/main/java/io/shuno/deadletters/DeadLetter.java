package io.shuno.deadletters;

import io.shuno.matching.RecordPosition;

import java.util.Optional;

/**
 * A rejected record, byte for byte as it arrived, with the reason it was rejected, the municipality it names (when
 * that can be read) and, when it was an operator's replay, the dead letter it replays.
 */
public record DeadLetter(RecordPosition source, byte[] key, byte[] payload, RejectionClass rejectionClass, String reason,
                  Optional<String> municipality, Optional<Long> replayOf) {

    /** The contract's limit on the reason header (dead-letter-headers.schema.json). */
    static final int MAX_REASON_LENGTH = 1000;

    /**
     * A reason fit for a header and a text column whatever produced it: one line, no control characters (PostgreSQL
     * refuses U+0000 in text), at most {@link #MAX_REASON_LENGTH} characters, never blank.
     */
    public DeadLetter {
        String oneLine = reason == null ? "" : reason.strip().replaceAll("\\p{Cntrl}+", " ");
        if (oneLine.isBlank()) {
            oneLine = rejectionClass.name();
        }
        if (oneLine.length() > MAX_REASON_LENGTH) {
            int cut = MAX_REASON_LENGTH - 1;
            oneLine = oneLine.substring(0, Character.isHighSurrogate(oneLine.charAt(cut - 1)) ? cut - 1 : cut) + "…";
        }
        reason = oneLine;
    }
}
