package io.shuno.intake;

import com.fasterxml.jackson.databind.JsonNode;
import io.shuno.matching.Inbound;
import io.shuno.matching.Needs;
import io.shuno.matching.UnitOfWork;
import io.shuno.reconciliation.Amount;
import io.shuno.reconciliation.ConflictingDuplicate;
import io.shuno.reconciliation.DirectDebitResult;
import io.shuno.reconciliation.MunicipalityCode;
import io.shuno.reconciliation.Reconciler;
import io.shuno.reconciliation.StaffException;

import java.util.Optional;

/**
 * The 口座振替 results source: schemas/direct-debit-result.schema.json, one record per data record of a bank's 全銀
 * result file (published by the files module, or by a gateway that speaks JSON).
 */
final class DirectDebitResultSource implements Source<DirectDebitResult> {

    @Override
    public String schemaName() {
        return "direct-debit-result";
    }

    @Override
    public String messageId(JsonNode document) {
        return document.get("resultId").asText();
    }

    @Override
    public DirectDebitResult read(Fields fields) throws RejectedRecordException {
        return new DirectDebitResult(
                new MunicipalityCode(fields.text("municipalityCode")),
                fields.text("customerNumber"),
                fields.date("debitDate"),
                Amount.of(fields.yen("amount")),
                fields.text("resultCode").charAt(0));
    }

    /** The invoice with the result's debit key (顧客番号 + 引落日) and what the same debit reached before. */
    @Override
    public void declareNeeds(DirectDebitResult result, Needs needs) {
        needs.invoiceWith(result.municipality(), result.key()).payment(result.paymentRef());
    }

    @Override
    public void decide(Inbound<DirectDebitResult> message, UnitOfWork work, Reconciler reconciler) {
        DirectDebitResult result = message.command();
        work.handled(message, reconciler.onDirectDebitResult(work.invoiceWith(result.municipality(), result.key()),
                work.payment(result.paymentRef()), result, work), Optional.of(result.key()));
    }

    @Override
    public StaffException conflictingDuplicate(DirectDebitResult result, String fingerprint) {
        return ConflictingDuplicate.of(result, fingerprint);
    }
}
