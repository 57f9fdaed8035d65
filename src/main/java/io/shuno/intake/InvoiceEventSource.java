package io.shuno.intake;

import com.fasterxml.jackson.databind.JsonNode;
import io.shuno.matching.Inbound;
import io.shuno.matching.Needs;
import io.shuno.matching.UnitOfWork;
import io.shuno.reconciliation.Account;
import io.shuno.reconciliation.Amount;
import io.shuno.reconciliation.ConflictingDuplicate;
import io.shuno.reconciliation.ElNumber;
import io.shuno.reconciliation.FiscalYear;
import io.shuno.reconciliation.InvoiceEvent;
import io.shuno.reconciliation.InvoiceEventType;
import io.shuno.reconciliation.InvoiceId;
import io.shuno.reconciliation.InvoiceTerms;
import io.shuno.reconciliation.Item;
import io.shuno.reconciliation.MunicipalityCode;
import io.shuno.reconciliation.Reconciler;
import io.shuno.reconciliation.StaffException;

import java.util.Optional;

/** The invoice events source: schemas/invoice-event.schema.json */
final class InvoiceEventSource implements Source<InvoiceEvent> {


    @Override
    public String schemaName() {
        return "invoice-event";
    }

    @Override
    public String messageId(JsonNode document) {
        return document.get("eventId").asText();
    }

    @Override
    public InvoiceEvent read(Fields fields) throws RejectedRecordException {
        InvoiceTerms terms = new InvoiceTerms(
                new InvoiceId(fields.text("invoiceId")),
                new MunicipalityCode(fields.text("municipalityCode")),
                fields.optionalText("elNumber").map(ElNumber::new),
                fields.enumeration("item", Item.class),
                fields.enumeration("account", Account.class),
                fields.text("revenueCode"),
                new FiscalYear(fields.integer("fiscalYear")),
                Amount.of(fields.yen("amount")),
                fields.date("dueDate"),
                fields.text("payerId"),
                fields.optionalInt("installment"));
        return new InvoiceEvent(fields.text("eventId"), fields.enumeration("type", InvoiceEventType.class), terms,
                fields.dateTime("issuedAt"));
    }

    /** The invoice and its eL番号, with their bookings: revenue, suspense and payments against the eL番号. */
    @Override
    public void declareNeeds(InvoiceEvent event, Needs needs) {
        needs.invoice(event.terms().id()).invoiceBookings();
        event.terms().elNumber().ifPresent(needs::invoiceWith);
    }

    @Override
    public void decide(Inbound<InvoiceEvent> message, UnitOfWork work, Reconciler reconciler) {
        InvoiceEvent event = message.command();
        work.handled(message, reconciler.onInvoiceEvent(work.ledgerOf(event.terms().id(), event.terms().elNumber()),
                event, work), Optional.empty());
    }

    @Override
    public StaffException conflictingDuplicate(InvoiceEvent event, String fingerprint) {
        return ConflictingDuplicate.of(event, fingerprint);
    }
}
