package io.shuno.intake;

import com.fasterxml.jackson.databind.JsonNode;
import io.shuno.matching.Inbound;
import io.shuno.matching.Needs;
import io.shuno.matching.SalesDay;
import io.shuno.matching.UnitOfWork;
import io.shuno.reconciliation.Amount;
import io.shuno.reconciliation.AcquirerStatement;
import io.shuno.reconciliation.Brand;
import io.shuno.reconciliation.ConflictingDuplicate;
import io.shuno.reconciliation.MunicipalityCode;
import io.shuno.reconciliation.Reconciler;
import io.shuno.reconciliation.StaffException;

import java.util.Optional;

/** The acquirer statements source: schemas/acquirer-statement.schema.json */
final class AcquirerStatementSource implements Source<AcquirerStatement> {


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

    /** The recorded sales of the day, brand and municipality the statement reports on; nothing is locked. */
    @Override
    public void declareNeeds(AcquirerStatement statement, Needs needs) {
        needs.salesOf(dayOf(statement));
    }

    @Override
    public void decide(Inbound<AcquirerStatement> message, UnitOfWork work, Reconciler reconciler) {
        AcquirerStatement statement = message.command();
        work.handled(message, reconciler.onAcquirerStatement(statement, work.salesOf(dayOf(statement))),
                Optional.empty());
        work.received(statement);
    }

    @Override
    public StaffException conflictingDuplicate(AcquirerStatement statement, String fingerprint) {
        return ConflictingDuplicate.of(statement, fingerprint);
    }

    private static SalesDay dayOf(AcquirerStatement statement) {
        return new SalesDay(statement.municipality(), statement.businessDate(), statement.brand());
    }
}
