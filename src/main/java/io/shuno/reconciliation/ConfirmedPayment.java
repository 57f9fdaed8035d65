package io.shuno.reconciliation;

import java.time.LocalDate;
import java.util.Objects;
import java.util.Optional;

/**
 * Money that has certainly arrived and must be booked: a CONFIRMED eLTAX notice, or a suspended payment being
 * re-matched. {@code cause} names what books it now and makes the ids of its settlements deterministic;
 * {@code store} is where a コンビニ payment was taken.
 */
public record ConfirmedPayment(
        PaymentRef paymentRef,
        MunicipalityCode municipality,
        Amount amount,
        LocalDate receivedOn,
        Channel channel,
        String cause,
        Optional<StoreReceipt> store) {

    public ConfirmedPayment(PaymentRef paymentRef, MunicipalityCode municipality, Amount amount, LocalDate receivedOn,
                            Channel channel, String cause) {
        this(paymentRef, municipality, amount, receivedOn, channel, cause, Optional.empty());
    }

    public ConfirmedPayment {
        Objects.requireNonNull(paymentRef);
        Objects.requireNonNull(municipality);
        Objects.requireNonNull(receivedOn);
        Objects.requireNonNull(channel);
        Objects.requireNonNull(cause);
        Objects.requireNonNull(store);
        amount.requirePositive("a payment amount");
    }

    static ConfirmedPayment of(GatewayNotice notice) {
        return new ConfirmedPayment(notice.paymentRef(), notice.municipality(), notice.amount(), notice.receivedOn(),
                notice.channel(), notice.cause(), notice.store());
    }

    /** 過誤納金 of a payment appropriated (充当) to another invoice: the payment's date and channel, booked by {@code cause}. */
    static ConfirmedPayment appropriated(Settlement overpayment, Amount amount, String cause) {
        return new ConfirmedPayment(overpayment.paymentRef(), overpayment.municipality(), amount,
                overpayment.receivedOn(), overpayment.channel(), cause, overpayment.store());
    }

    /** A payment held in suspense, booked again because its invoice has arrived or staff matched it. */
    static ConfirmedPayment rematched(Settlement suspense, String cause) {
        return new ConfirmedPayment(suspense.paymentRef(), suspense.municipality(), suspense.amount(),
                suspense.receivedOn(), suspense.channel(), cause + "/" + suspense.paymentRef(), suspense.store());
    }
}
