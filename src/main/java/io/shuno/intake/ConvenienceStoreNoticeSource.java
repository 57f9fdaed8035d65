package io.shuno.intake;

import com.fasterxml.jackson.databind.JsonNode;
import io.shuno.matching.Inbound;
import io.shuno.matching.Needs;
import io.shuno.matching.UnitOfWork;
import io.shuno.reconciliation.Amount;
import io.shuno.reconciliation.ConflictingDuplicate;
import io.shuno.reconciliation.ConvenienceBarcode;
import io.shuno.reconciliation.ConvenienceStoreNotice;
import io.shuno.reconciliation.MunicipalityCode;
import io.shuno.reconciliation.NoticeStage;
import io.shuno.reconciliation.PaymentKey;
import io.shuno.reconciliation.Reconciler;
import io.shuno.reconciliation.StaffException;

import java.util.Optional;

/**
 * The コンビニ収納 notices source: schemas/convenience-store-notice.schema.json, one record per 速報, 確報 or 速報取消
 * row of a collection agency's file (published by the files module, or by a gateway that speaks JSON).
 */
final class ConvenienceStoreNoticeSource implements Source<ConvenienceStoreNotice> {

    @Override
    public String schemaName() {
        return "convenience-store-notice";
    }

    @Override
    public String messageId(JsonNode document) {
        return document.get("noticeId").asText();
    }

    @Override
    public ConvenienceStoreNotice read(Fields fields) throws RejectedRecordException {
        return new ConvenienceStoreNotice(
                fields.enumeration("stage", NoticeStage.class),
                new MunicipalityCode(fields.text("municipalityCode")),
                new ConvenienceBarcode(fields.text("barcode")),
                Amount.of(fields.yen("amount")),
                fields.dateTime("paidAt"),
                fields.text("chainCode"),
                fields.text("storeCode"),
                fields.optionalDate("transferDate"));
    }

    /** The invoice with the notice's barcode among its slips and what the same payment reached before. */
    @Override
    public void declareNeeds(ConvenienceStoreNotice notice, Needs needs) {
        needs.invoiceWith(notice.municipality(), key(notice)).payment(notice.paymentRef());
    }

    @Override
    public void decide(Inbound<ConvenienceStoreNotice> message, UnitOfWork work, Reconciler reconciler) {
        ConvenienceStoreNotice notice = message.command();
        work.handled(message, reconciler.onConvenienceStoreNotice(work.invoiceWith(notice.municipality(),
                key(notice)), work.payment(notice.paymentRef()), notice, work), Optional.of(key(notice)));
    }

    private static PaymentKey key(ConvenienceStoreNotice notice) {
        return PaymentKey.of(notice.barcode());
    }

    @Override
    public StaffException conflictingDuplicate(ConvenienceStoreNotice notice, String fingerprint) {
        return ConflictingDuplicate.of(notice, fingerprint);
    }
}
