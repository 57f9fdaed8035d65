package io.shuno.intake;

import com.fasterxml.jackson.databind.JsonNode;
import io.shuno.matching.Inbound;
import io.shuno.matching.Needs;
import io.shuno.matching.UnitOfWork;
import io.shuno.reconciliation.Amount;
import io.shuno.reconciliation.Channel;
import io.shuno.reconciliation.ConflictingDuplicate;
import io.shuno.reconciliation.ElNumber;
import io.shuno.reconciliation.EltaxNotice;
import io.shuno.reconciliation.NoticeStage;
import io.shuno.reconciliation.PaymentKey;
import io.shuno.reconciliation.PaymentRef;
import io.shuno.reconciliation.Reconciler;
import io.shuno.reconciliation.StaffException;

import java.util.Optional;

/** The eLTAX notices source: schemas/eltax-notice.schema.json */
final class EltaxNoticeSource implements Source<EltaxNotice> {


    @Override
    public String schemaName() {
        return "eltax-notice";
    }

    @Override
    public String messageId(JsonNode document) {
        return document.get("noticeId").asText();
    }

    @Override
    public EltaxNotice read(Fields fields) throws RejectedRecordException {
        return new EltaxNotice(
                fields.text("noticeId"),
                PaymentRef.eltax(fields.text("paymentId")),
                fields.enumeration("stage", NoticeStage.class),
                new ElNumber(fields.text("elNumber")),
                Amount.of(fields.yen("amount")),
                fields.dateTime("paidAt"),
                fields.enumeration("channel", Channel.class),
                fields.optionalDate("transferDate"));
    }

    /** The invoice of the notice's eL番号 and the payment's last stage. */
    @Override
    public void declareNeeds(EltaxNotice notice, Needs needs) {
        needs.invoiceWith(notice.elNumber()).payment(notice.paymentRef());
    }

    @Override
    public void decide(Inbound<EltaxNotice> message, UnitOfWork work, Reconciler reconciler) {
        EltaxNotice notice = message.command();
        work.handled(message, reconciler.onNotice(work.invoiceWith(notice.elNumber()),
                work.payment(notice.paymentRef()), notice, work), Optional.of(PaymentKey.of(notice.elNumber())));
    }

    @Override
    public StaffException conflictingDuplicate(EltaxNotice notice, String fingerprint) {
        return ConflictingDuplicate.of(notice, fingerprint);
    }
}
