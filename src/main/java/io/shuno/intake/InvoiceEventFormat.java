package io.shuno.intake;

import com.fasterxml.jackson.databind.JsonNode;
import io.shuno.reconciliation.Account;
import io.shuno.reconciliation.Amount;
import io.shuno.reconciliation.ElNumber;
import io.shuno.reconciliation.FiscalYear;
import io.shuno.reconciliation.InvoiceEvent;
import io.shuno.reconciliation.InvoiceEventType;
import io.shuno.reconciliation.InvoiceId;
import io.shuno.reconciliation.InvoiceTerms;
import io.shuno.reconciliation.Item;
import io.shuno.reconciliation.MunicipalityCode;

/** schemas/invoice-event.schema.json */
final class InvoiceEventFormat implements RecordFormat<InvoiceEvent> {

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
}
