package io.shuno.reconciliation;

import java.nio.charset.StandardCharsets;
import java.util.UUID;

/**
 * Ids derived from what caused a record, never random: a redelivered or replayed message produces the same
 * settlement and exception ids, so the treasury ledger can recognise what it already has.
 */
final class DeterministicId {

    private DeterministicId() {
    }

    static String of(String... parts) {
        return UUID.nameUUIDFromBytes(String.join("|", parts).getBytes(StandardCharsets.UTF_8)).toString();
    }
}
