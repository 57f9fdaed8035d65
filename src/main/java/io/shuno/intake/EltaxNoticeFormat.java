package io.shuno.intake;

import com.fasterxml.jackson.databind.JsonNode;
import io.shuno.reconciliation.Amount;
import io.shuno.reconciliation.Channel;
import io.shuno.reconciliation.ElNumber;
import io.shuno.reconciliation.EltaxNotice;
import io.shuno.reconciliation.NoticeStage;
import io.shuno.reconciliation.PaymentRef;

/** schemas/eltax-notice.schema.json */
final class EltaxNoticeFormat implements RecordFormat<EltaxNotice> {

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
}
