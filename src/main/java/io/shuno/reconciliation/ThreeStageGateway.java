package io.shuno.reconciliation;

import java.util.List;
import java.util.Optional;

/**
 * 速報 / 確報 / 速報取消 of one payment, whichever gateway reports it (eLTAX, a コンビニ collection agency) and however
 * it names its invoice: a preliminary announces the payment without booking it, a confirmation books it (once, with
 * or without a preliminary before it), a cancellation withdraws what a preliminary announced.
 */
final class ThreeStageGateway {

    private ThreeStageGateway() {
    }

    static Outcome on(Optional<Invoice> invoice, Optional<PaymentState> previous, GatewayNotice notice,
                      PayerInvoices payerInvoices, LateChargeRates rates) {
        requirePayableWith(invoice, notice);
        return switch (notice.stage()) {
            case PRELIMINARY -> preliminary(invoice, previous, notice);
            case CONFIRMED -> confirmed(invoice, previous, notice, payerInvoices, rates);
            case CANCELLED -> cancelled(invoice, previous, notice);
        };
    }

    private static Outcome preliminary(Optional<Invoice> invoice, Optional<PaymentState> previous,
                                       GatewayNotice notice) {
        if (previous.isPresent()) {
            // A later stage already arrived (or the same stage again): the preliminary adds nothing.
            return unchanged(invoice, previous);
        }
        return new Outcome(invoice.map(i -> i.withAnnounced(i.announced().plus(notice.amount()))),
                Optional.of(notice.state(NoticeStage.PRELIMINARY)), List.of(), List.of(), List.of());
    }

    /** Books a payment whose money has certainly arrived, unless the same payment was booked already. */
    static Outcome confirmed(Optional<Invoice> invoice, Optional<PaymentState> previous, GatewayNotice notice,
                             PayerInvoices payerInvoices, LateChargeRates rates) {
        requirePayableWith(invoice, notice);
        if (previous.filter(p -> p.stage() == NoticeStage.CONFIRMED).isPresent()) {
            return unchanged(invoice, previous);
        }
        Optional<Invoice> withdrawn = withdrawAnnouncement(invoice, previous);
        ConfirmedPaymentAllocation.Result allocation = ConfirmedPaymentAllocation.allocate(withdrawn,
                ConfirmedPayment.of(notice), notice.key().explanation(), payerInvoices, rates);
        return new Outcome(allocation.invoice().or(() -> withdrawn),
                Optional.of(notice.state(NoticeStage.CONFIRMED)), allocation.settlements(), allocation.exceptions(),
                List.of());
    }

    private static Outcome cancelled(Optional<Invoice> invoice, Optional<PaymentState> previous,
                                     GatewayNotice notice) {
        if (previous.filter(p -> p.stage() == NoticeStage.CONFIRMED).isPresent()) {
            MunicipalityCode municipality = invoice.map(i -> i.terms().municipality()).orElse(notice.municipality());
            return new Outcome(invoice, previous, List.of(),
                    List.of(StaffExceptions.cancelAfterConfirm(notice, municipality, invoice.map(Invoice::id))),
                    List.of());
        }
        return new Outcome(withdrawAnnouncement(invoice, previous),
                Optional.of(notice.state(NoticeStage.CANCELLED)), List.of(), List.of(), List.of());
    }

    /** The caller found the invoice by the payment's key: an invoice without that key is a loading mistake. */
    static void requirePayableWith(Optional<Invoice> invoice, GatewayNotice notice) {
        invoice.filter(i -> !i.terms().payableWith(notice.key())).ifPresent(i -> {
            throw new IllegalArgumentException("invoice " + i.id() + " has no slip " + notice.key().type()
                    + " " + notice.key().value() + " that payment " + notice.paymentRef() + " names");
        });
    }

    /** A preliminary's announcement ends when its payment is confirmed or withdrawn. */
    private static Optional<Invoice> withdrawAnnouncement(Optional<Invoice> invoice, Optional<PaymentState> previous) {
        if (previous.isEmpty() || previous.get().stage() != NoticeStage.PRELIMINARY) {
            return invoice;
        }
        Amount announced = Amount.of(previous.get().amount());
        return invoice.map(i -> i.withAnnounced(i.announced().minusAtMost(announced)));
    }

    static Outcome unchanged(Optional<Invoice> invoice, Optional<PaymentState> previous) {
        return new Outcome(invoice, previous, List.of(), List.of(), List.of());
    }
}
