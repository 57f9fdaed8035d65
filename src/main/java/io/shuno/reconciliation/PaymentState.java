package io.shuno.reconciliation;

import java.util.Objects;

/** The last stage a payment has reached, so later stages of the same paymentId are judged against it. */
public record PaymentState(PaymentRef paymentRef, ElNumber elNumber, long amount, NoticeStage stage) {

    public PaymentState {
        Objects.requireNonNull(paymentRef);
        Objects.requireNonNull(elNumber);
        Objects.requireNonNull(stage);
    }
}
