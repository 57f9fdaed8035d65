package io.shuno.ledger;

import java.util.Map;
import java.util.Objects;

/** A record to publish once the transaction that wrote it commits. */
public record OutboxMessage(String topic, String key, byte[] payload, Map<String, String> headers) {

    public OutboxMessage {
        Objects.requireNonNull(topic);
        Objects.requireNonNull(payload);
        headers = Map.copyOf(headers);
    }
}
