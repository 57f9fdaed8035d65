package io.shuno.operations;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

/**
 * The full story of one invoice (or of one payment that found none): the invoice as it stands, every payment made
 * against its eL番号, every settlement booked for it or for those payments, the exceptions raised and what staff
 * decided about them.
 */
public record InvoiceStory(Invoice invoice, List<Payment> payments, List<Settlement> settlements,
                           List<ExceptionView> exceptions, List<ResolutionView> resolutions) {

    public record Invoice(String invoiceId, String municipalityCode, String elNumber, String item, String account,
                          String revenueCode, int fiscalYear, long amount, LocalDate dueDate, String payerId,
                          Integer installment, String status, long settledRevenue, long announced, boolean cancelled) {
    }

    public record Payment(String paymentRef, String elNumber, long amount, String stage, OffsetDateTime updatedAt) {
    }

    public record Settlement(String settlementId, String kind, String reverses, String municipalityCode,
                             String paymentRef, String invoiceId, long amount, String account, String revenueCode,
                             int fiscalYear, String yearClass, LocalDate receivedOn, String channel, String cause,
                             OffsetDateTime recordedAt) {
    }
}
