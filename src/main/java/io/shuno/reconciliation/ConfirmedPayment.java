package io.shuno.reconciliation;

import java.time.LocalDate;
import java.util.Objects;

/**
 * Money that has certainly arrived and must be booked: a CONFIRMED eLTAX notice, or a suspended payment being
 * re-matched. {@code cause} names what books it now and makes the ids of its settlements deterministic.
 */
public record ConfirmedPayment(
        PaymentRef paymentRef,
        MunicipalityCode municipality,
        Amount amount,
        LocalDate receivedOn,
        Channel channel,
        String cause) {

    public ConfirmedPayment {
        Objects.requireNonNull(paymentRef);
        Objects.requireNonNull(municipality);
        Objects.requireNonNull(receivedOn);
        Objects.requireNonNull(channel);
        Objects.requireNonNull(cause);
        amount.requirePositive("a payment amount");
    }

    static ConfirmedPayment of(EltaxNotice notice) {
        return new ConfirmedPayment(notice.paymentRef(), notice.elNumber().municipality(), notice.amount(),
                notice.receivedOn(), notice.channel(), notice.cause());
    }

    /** 過誤納金 of a payment appropriated (充当) to another invoice: the payment's date and channel, booked by {@code cause}. */
    static ConfirmedPayment appropriated(Settlement overpayment, Amount amount, String cause) {
        return new ConfirmedPayment(overpayment.paymentRef(), overpayment.municipality(), amount,
                overpayment.receivedOn(), overpayment.channel(), cause);
    }

    /** A payment held in suspense, booked again because its invoice has arrived or staff matched it. */
    static ConfirmedPayment rematched(Settlement suspense, String cause) {
        return new ConfirmedPayment(suspense.paymentRef(), suspense.municipality(), suspense.amount(),
                suspense.receivedOn(), suspense.channel(), cause + "/" + suspense.paymentRef());
    }
}
