package io.shuno.intake;

import com.fasterxml.jackson.databind.JsonNode;
import io.shuno.reconciliation.AcquirerStatement;
import io.shuno.reconciliation.Amount;
import io.shuno.reconciliation.Brand;
import io.shuno.reconciliation.MunicipalityCode;

/** schemas/acquirer-statement.schema.json */
final class AcquirerStatementFormat implements RecordFormat<AcquirerStatement> {

    @Override
    public String schemaName() {
        return "acquirer-statement";
    }

    @Override
    public String messageId(JsonNode document) {
        return document.get("statementId").asText();
    }

    @Override
    public AcquirerStatement read(Fields fields) throws RejectedRecordException {
        return new AcquirerStatement(
                fields.text("statementId"),
                fields.text("acquirer"),
                new MunicipalityCode(fields.text("municipalityCode")),
                fields.date("businessDate"),
                fields.enumeration("brand", Brand.class),
                Amount.of(fields.yen("grossSales")),
                fields.integer("count"),
                Amount.of(fields.yen("fee")),
                Amount.of(fields.yen("netDeposit")),
                fields.date("depositDate"));
    }
}
