package io.shuno.intake;

import com.fasterxml.jackson.databind.JsonNode;
import io.shuno.reconciliation.Amount;
import io.shuno.reconciliation.Brand;
import io.shuno.reconciliation.ElQr;
import io.shuno.reconciliation.InvoiceId;
import io.shuno.reconciliation.MunicipalityCode;
import io.shuno.reconciliation.TerminalTransaction;
import io.shuno.reconciliation.TerminalTransactionType;

import java.util.ArrayList;
import java.util.List;

/** schemas/terminal-transaction.schema.json; a scanned eL-QR is decoded and its CRC checked here. */
final class TerminalTransactionFormat implements RecordFormat<TerminalTransaction> {

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
}
