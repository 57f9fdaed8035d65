package io.shuno.matching;

import java.util.Objects;

/**
 * A validated message with what makes it exactly-once: its business key ({@code messageId}), a fingerprint of
 * its content to tell a redelivery from a conflicting duplicate, and where it was read.
 */
public record Inbound<T>(String messageId, Fingerprint fingerprint, RecordPosition position, T command) {

    public Inbound {
        Objects.requireNonNull(messageId);
        Objects.requireNonNull(fingerprint);
        Objects.requireNonNull(position);
        Objects.requireNonNull(command);
    }
}
