package io.shuno.matching;

import java.time.OffsetDateTime;

/**
 * A payment as staff see it in a story: the key it named its invoice by ({@code keyType} EL_NUMBER,
 * CONVENIENCE_BARCODE or DIRECT_DEBIT, and {@code key}: the eL番号, the barcode or 顧客番号:引落日), its eL番号 when it
 * is an eLTAX payment, its amount and the stage it has reached.
 */
public record PaymentRecord(String paymentRef, String keyType, String key, String elNumber, long amount,
                            String stage, OffsetDateTime updatedAt) {
}
