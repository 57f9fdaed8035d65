package io.shuno.matching;

import java.time.OffsetDateTime;

/** A payment as staff see it in a story: the eL番号 it names, its amount and the stage it has reached. */
public record PaymentRecord(String paymentRef, String elNumber, long amount, String stage, OffsetDateTime updatedAt) {
}
