package io.shuno.operations;

import io.shuno.exceptions.ExceptionView;
import io.shuno.exceptions.ResolutionView;
import io.shuno.ledger.SettlementLine;
import io.shuno.matching.InvoiceRecord;
import io.shuno.matching.PaymentRecord;

import java.util.List;

/**
 * The full story of one invoice (or of one payment that found none): the invoice as it stands, every payment made
 * against its eL番号, every settlement booked for it or for those payments, the exceptions raised and what staff
 * decided about them.
 */
public record InvoiceStory(InvoiceRecord invoice, List<PaymentRecord> payments, List<SettlementLine> settlements,
                           List<ExceptionView> exceptions, List<ResolutionView> resolutions) {
}
