package io.shuno.reconciliation;

import java.time.LocalDate;
import java.util.Objects;
import java.util.Optional;

/**
 * One stage of a payment as a three-stage gateway reports it — eLTAX, or a コンビニ collection agency: 速報, 確報 or
 * 速報取消 of the payment {@code paymentRef}, naming its invoice by {@code key}. {@code gateway} is who to ask about
 * the payment. What differs between the gateways ends here.
 */
record GatewayNotice(
        String cause,
        PaymentRef paymentRef,
        NoticeStage stage,
        PaymentKey key,
        MunicipalityCode municipality,
        Amount amount,
        LocalDate receivedOn,
        Channel channel,
        Optional<StoreReceipt> store,
        Gateway gateway) {

    GatewayNotice {
        Objects.requireNonNull(cause);
        Objects.requireNonNull(paymentRef);
        Objects.requireNonNull(stage);
        Objects.requireNonNull(key);
        Objects.requireNonNull(municipality);
        Objects.requireNonNull(receivedOn);
        Objects.requireNonNull(channel);
        Objects.requireNonNull(store);
        Objects.requireNonNull(gateway);
        amount.requirePositive("a payment amount");
    }

    static GatewayNotice of(EltaxNotice notice) {
        return new GatewayNotice(notice.cause(), notice.paymentRef(), notice.stage(), PaymentKey.of(notice.elNumber()),
                notice.elNumber().municipality(), notice.amount(), notice.receivedOn(), notice.channel(),
                Optional.empty(), Gateway.ELTAX);
    }

    PaymentState state(NoticeStage reached) {
        return new PaymentState(paymentRef, key, amount.yen(), reached);
    }
}
