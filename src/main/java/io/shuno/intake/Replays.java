package io.shuno.intake;

import io.shuno.deadletters.DeadLetters;
import org.apache.camel.Message;

import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * An operator's replay puts a dead letter's original bytes back on its source topic with one extra header naming
 * the dead letter; intake then validates and deduplicates the record as any other, and updates that dead letter
 * instead of keeping a second one.
 */
public final class Replays {

    private Replays() {
    }

    static Optional<Long> replayOf(Message message) {
        Object header = message.getHeader(DeadLetters.REPLAY_OF);
        String value = header instanceof byte[] bytes ? new String(bytes, StandardCharsets.UTF_8)
                : header == null ? null : header.toString();
        if (value == null || !value.matches("\\d{1,18}")) {
            return Optional.empty();
        }
        return Optional.of(Long.parseLong(value));
    }
}
