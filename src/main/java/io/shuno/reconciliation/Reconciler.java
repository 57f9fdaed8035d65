package io.shuno.reconciliation;

import java.util.List;
import java.util.Optional;

/**
 * 消込: decides what one message does to an invoice and a payment. Pure: the caller loads the current state under
 * a lock, applies the outcome and records the message as handled, all in one transaction.
 */
public final class Reconciler {

    public Outcome onNotice(Optional<Invoice> invoice, Optional<PaymentState> previous, EltaxNotice notice) {
        return switch (notice.stage()) {
            case PRELIMINARY -> onPreliminary(invoice, previous, notice);
            case CONFIRMED -> onConfirmed(invoice, previous, notice);
            case CANCELLED -> onCancelled(invoice, previous, notice);
        };
    }

    public Outcome onInvoiceEvent(Optional<Invoice> existing, InvoiceEvent event) {
        InvoiceEvents.Result result = InvoiceEvents.apply(existing, event);
        return new Outcome(result.invoice(), Optional.empty(), List.of(), result.exceptions());
    }

    private Outcome onPreliminary(Optional<Invoice> invoice, Optional<PaymentState> previous, EltaxNotice notice) {
        if (previous.isPresent()) {
            // A later stage already arrived (or the same stage again): the preliminary adds nothing.
            return unchanged(invoice, previous);
        }
        return new Outcome(invoice.map(i -> i.withAnnounced(i.announced() + notice.amount())),
                Optional.of(stateOf(notice)), List.of(), List.of());
    }

    private Outcome onConfirmed(Optional<Invoice> invoice, Optional<PaymentState> previous, EltaxNotice notice) {
        if (previous.filter(p -> p.stage() == NoticeStage.CONFIRMED).isPresent()) {
            return unchanged(invoice, previous);
        }
        Optional<Invoice> withdrawn = withdrawAnnouncement(invoice, previous);
        ConfirmedPaymentAllocation.Result allocation = ConfirmedPaymentAllocation.allocate(withdrawn, notice);
        return new Outcome(allocation.invoice().or(() -> withdrawn), Optional.of(stateOf(notice)),
                allocation.settlements(), allocation.exceptions());
    }

    private Outcome onCancelled(Optional<Invoice> invoice, Optional<PaymentState> previous, EltaxNotice notice) {
        if (previous.filter(p -> p.stage() == NoticeStage.CONFIRMED).isPresent()) {
            MunicipalityCode municipality = invoice.map(i -> i.terms().municipality())
                    .orElseGet(() -> notice.elNumber().municipality());
            StaffException refused = new StaffException(
                    DeterministicId.of(notice.cause(), ExceptionReason.CANCEL_AFTER_CONFIRM.name()),
                    ExceptionReason.CANCEL_AFTER_CONFIRM, municipality, Optional.of(notice.paymentRef()),
                    invoice.map(Invoice::id), notice.amount(), SuggestedAction.INVESTIGATE, List.of(),
                    "確報済みの納付 " + notice.paymentRef() + "(" + Yen.format(notice.amount())
                            + ")に速報取消が届きました。確報後の取消は自動では反映しません。地方税共同機構に照会してください。");
            return new Outcome(invoice, previous, List.of(), List.of(refused));
        }
        return new Outcome(withdrawAnnouncement(invoice, previous),
                Optional.of(new PaymentState(notice.paymentRef(), notice.elNumber(), notice.amount(),
                        NoticeStage.CANCELLED)),
                List.of(), List.of());
    }

    /** A preliminary's announcement ends when its payment is confirmed or withdrawn. */
    private static Optional<Invoice> withdrawAnnouncement(Optional<Invoice> invoice, Optional<PaymentState> previous) {
        if (previous.isEmpty() || previous.get().stage() != NoticeStage.PRELIMINARY) {
            return invoice;
        }
        long announced = previous.get().amount();
        return invoice.map(i -> i.withAnnounced(Math.max(0, i.announced() - announced)));
    }

    private static PaymentState stateOf(EltaxNotice notice) {
        return new PaymentState(notice.paymentRef(), notice.elNumber(), notice.amount(), notice.stage());
    }

    private static Outcome unchanged(Optional<Invoice> invoice, Optional<PaymentState> previous) {
        return new Outcome(invoice, previous, List.of(), List.of());
    }
}
