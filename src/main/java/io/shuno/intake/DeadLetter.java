package io.shuno.intake;

import io.shuno.matching.RecordPosition;

import java.util.Optional;

/**
 * A rejected record, byte for byte as it arrived, with the reason it was rejected, the municipality it names (when
 * that can be read) and, when it was an operator's replay, the dead letter it replays.
 */
record DeadLetter(RecordPosition source, byte[] key, byte[] payload, RejectionClass rejectionClass, String reason,
                  Optional<String> municipality, Optional<Long> replayOf) {
}
