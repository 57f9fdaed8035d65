package io.shuno.intake;

import io.shuno.matching.RecordPosition;

/** A rejected record, byte for byte as it arrived, with the reason it was rejected. */
record DeadLetter(RecordPosition source, byte[] key, byte[] payload, RejectionClass rejectionClass, String reason) {
}
