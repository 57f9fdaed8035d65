package io.shuno.reconciliation;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Objects;
import java.util.Optional;

/** One eLTAX payment notice (納付情報) in shuno's terms. */
public record EltaxNotice(
        String noticeId,
        PaymentRef paymentRef,
        NoticeStage stage,
        ElNumber elNumber,
        Amount amount,
        OffsetDateTime paidAt,
        Channel channel,
        Optional<LocalDate> transferDate) {

    public EltaxNotice {
        Objects.requireNonNull(noticeId);
        Objects.requireNonNull(paymentRef);
        Objects.requireNonNull(stage);
        Objects.requireNonNull(elNumber);
        Objects.requireNonNull(paidAt);
        Objects.requireNonNull(channel);
        Objects.requireNonNull(transferDate);
        amount.requirePositive("a payment amount");
    }

    /** 収納日: the day the payer paid, in Japan. */
    public LocalDate receivedOn() {
        return paidAt.atZoneSameInstant(FiscalYear.TOKYO).toLocalDate();
    }

    /** What caused the settlements of this notice; part of their deterministic ids. */
    public String cause() {
        return "eltax-notice:" + noticeId;
    }
}
