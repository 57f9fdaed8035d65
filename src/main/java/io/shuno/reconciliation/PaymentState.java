package io.shuno.reconciliation;

import java.util.Objects;

/**
 * The last stage a payment has reached, so later stages of the same payment are judged against it; {@code key} is
 * what the payment named its invoice by. A failed direct debit is a payment CANCELLED before any money moved.
 */
public record PaymentState(PaymentRef paymentRef, PaymentKey key, long amount, NoticeStage stage) {

    public PaymentState {
        Objects.requireNonNull(paymentRef);
        Objects.requireNonNull(key);
        Objects.requireNonNull(stage);
    }

    /** The state of an eLTAX payment, which names its invoice by eL番号. */
    public PaymentState(PaymentRef paymentRef, ElNumber elNumber, long amount, NoticeStage stage) {
        this(paymentRef, PaymentKey.of(elNumber), amount, stage);
    }

    /**
     * The eL番号 of an eLTAX payment. Only eLTAX payments have one: code that handles payments of every channel reads
     * {@link #key()} instead.
     */
    public ElNumber elNumber() {
        if (key instanceof PaymentKey.El el) {
            return el.number();
        }
        throw new IllegalStateException("payment " + paymentRef + " names its invoice by " + key.type()
                + ", not by eL番号");
    }
}
