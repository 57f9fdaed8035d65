package io.shuno.intake;

import com.fasterxml.jackson.databind.JsonNode;
import io.shuno.matching.Inbound;
import io.shuno.matching.Needs;
import io.shuno.matching.UnitOfWork;
import io.shuno.reconciliation.Amount;
import io.shuno.reconciliation.Brand;
import io.shuno.reconciliation.ConflictingDuplicate;
import io.shuno.reconciliation.ElQr;
import io.shuno.reconciliation.Invoice;
import io.shuno.reconciliation.InvoiceId;
import io.shuno.reconciliation.MunicipalityCode;
import io.shuno.reconciliation.PaymentKey;
import io.shuno.reconciliation.PaymentRef;
import io.shuno.reconciliation.Reconciler;
import io.shuno.reconciliation.SaleState;
import io.shuno.reconciliation.StaffException;
import io.shuno.reconciliation.TerminalOutcome;
import io.shuno.reconciliation.TerminalTransaction;
import io.shuno.reconciliation.TerminalTransactionType;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The counter terminal transactions source: schemas/terminal-transaction.schema.json; a scanned eL-QR is decoded
 * and its CRC checked here.
 */
final class TerminalTransactionSource implements Source<TerminalTransaction> {


    @Override
    public String schemaName() {
        return "terminal-transaction";
    }

    @Override
    public String messageId(JsonNode document) {
        return document.get("transactionId").asText();
    }

    @Override
    public TerminalTransaction read(Fields fields) throws RejectedRecordException {
        List<InvoiceId> invoiceIds = new ArrayList<>();
        fields.texts("invoiceIds").forEach(id -> invoiceIds.add(new InvoiceId(id)));
        return new TerminalTransaction(
                fields.text("transactionId"),
                fields.enumeration("type", TerminalTransactionType.class),
                fields.text("terminalId"),
                new MunicipalityCode(fields.text("municipalityCode")),
                fields.enumeration("brand", Brand.class),
                Amount.of(fields.yen("amount")),
                fields.dateTime("occurredAt"),
                invoiceIds,
                fields.optionalText("elQr").map(ElQr::decode),
                fields.optionalText("originalTransactionId"));
    }

    /**
     * The invoices of the counter orders or the scanned slip, the sale (a VOID's: the SALE it cancels) under its
     * lock, and for a VOID what its SALE booked.
     */
    @Override
    public void declareNeeds(TerminalTransaction transaction, Needs needs) {
        transaction.invoiceIds().forEach(needs::invoice);
        transaction.elQr().ifPresent(qr -> needs.invoiceWith(qr.elNumber()));
        needs.sale(transaction.originalTransactionId().orElse(transaction.transactionId()));
        transaction.originalTransactionId().ifPresent(original -> needs.voidOf(PaymentRef.terminal(original)));
    }

    @Override
    public void decide(Inbound<TerminalTransaction> message, UnitOfWork work, Reconciler reconciler) {
        TerminalTransaction transaction = message.command();
        TerminalOutcome outcome = transaction.type() == TerminalTransactionType.SALE
                ? reconciler.onTerminalSale(transaction, invoicesOf(work, transaction), work)
                : reconciler.onTerminalVoid(transaction, work.sale(transaction.originalTransactionId().orElseThrow()),
                work.openOf(PaymentRef.terminal(transaction.originalTransactionId().orElseThrow())), work.invoices());
        // A VOID's reversals belong to the slip its SALE scanned, whether or not the VOID repeats it.
        work.handled(message, outcome.outcome(), outcome.sale().flatMap(SaleState::slip).map(PaymentKey::of));
        outcome.sale().ifPresent(sale -> {
            work.recorded(sale);
            if (sale.voided()) {
                work.voided(PaymentRef.terminal(sale.transactionId()), transaction.cause());
            }
        });
    }

    @Override
    public StaffException conflictingDuplicate(TerminalTransaction transaction, String fingerprint) {
        return ConflictingDuplicate.of(transaction, fingerprint);
    }

    /** The counter orders a SALE lists that shuno knows, in the listed order, or the invoice of its scanned slip. */
    private static List<Invoice> invoicesOf(UnitOfWork work, TerminalTransaction sale) {
        if (sale.elQr().isPresent()) {
            return work.invoiceWith(sale.elQr().get().elNumber()).stream().toList();
        }
        return sale.invoiceIds().stream().map(work::invoice).flatMap(Optional::stream).toList();
    }
}
