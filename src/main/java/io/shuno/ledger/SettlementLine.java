package io.shuno.ledger;

import java.time.LocalDate;
import java.time.OffsetDateTime;

/** One settlement as staff see it in a payment's or an invoice's story, with the time it was booked. */
public record SettlementLine(String settlementId, String kind, String reverses, String municipalityCode,
                             String paymentRef, String invoiceId, long amount, String account, String revenueCode,
                             int fiscalYear, String yearClass, LocalDate receivedOn, String channel, String cause,
                             OffsetDateTime recordedAt) {
}
