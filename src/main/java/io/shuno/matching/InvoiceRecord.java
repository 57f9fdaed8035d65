package io.shuno.matching;

import java.time.LocalDate;

/** An invoice as staff see it in its story: its terms, status and what has been settled and announced on it. */
public record InvoiceRecord(String invoiceId, String municipalityCode, String elNumber, String item, String account,
                            String revenueCode, int fiscalYear, long amount, LocalDate dueDate, String payerId,
                            Integer installment, String status, long settledRevenue, long announced,
                            boolean cancelled) {
}
