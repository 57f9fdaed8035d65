package io.shuno.reconciliation;

import java.util.List;
import java.util.Optional;

/**
 * What a billing system's event does to the invoice shuno holds. Events can arrive out of order, so an AMENDED or
 * CANCELLED for an invoice not yet seen introduces it with the terms it carries.
 */
final class InvoiceEvents {

    private InvoiceEvents() {
    }

    record Result(Optional<Invoice> invoice, List<StaffException> exceptions) {
    }

    static Result apply(Optional<Invoice> existing, InvoiceEvent event) {
        InvoiceTerms terms = event.terms();
        if (existing.isEmpty()) {
            Invoice introduced = Invoice.issued(terms);
            return unexceptional(event.type() == InvoiceEventType.CANCELLED ? cancel(introduced) : introduced);
        }
        Invoice invoice = existing.get();
        return switch (event.type()) {
            case ISSUED -> invoice.terms().equals(terms)
                    ? unexceptional(invoice)
                    : new Result(existing, List.of(exception(event, invoice, ExceptionReason.CONFLICTING_DUPLICATE,
                            0, "請求 " + invoice.id() + " が異なる内容で再度発行されました(eventId " + event.eventId()
                                    + ")。最初の内容を保持しています。業務システムに確認してください。")));
            case AMENDED -> amend(invoice, event);
            case CANCELLED -> invoice.settledRevenue() == 0
                    ? unexceptional(cancel(invoice))
                    : new Result(existing, List.of(exception(event, invoice, ExceptionReason.PAID_AFTER_CANCELLATION,
                            invoice.settledRevenue(), "納付済み(" + Yen.format(invoice.settledRevenue()) + ")の請求 "
                                    + invoice.id() + " に調定取消が届きました。収入の振替は自動では行っていません。"
                                    + "過誤納金としての処理を検討してください。")));
        };
    }

    private static Result amend(Invoice invoice, InvoiceEvent event) {
        long newAmount = event.terms().amount();
        if (newAmount >= invoice.settledRevenue()) {
            return unexceptional(new Invoice(invoice.terms().withAmount(newAmount), invoice.cancelled(),
                    invoice.settledRevenue(), invoice.announced()));
        }
        long surplus = invoice.settledRevenue() - newAmount;
        return new Result(Optional.of(invoice), List.of(exception(event, invoice,
                ExceptionReason.AMOUNT_REDUCED_AFTER_PAYMENT, surplus,
                "請求 " + invoice.id() + " が " + Yen.format(newAmount) + "に減額されましたが、既に "
                        + Yen.format(invoice.settledRevenue()) + "を収入済みです。差額 " + Yen.format(surplus)
                        + "の振替は自動では行っていません。過誤納金としての処理を検討してください。")));
    }

    private static Invoice cancel(Invoice invoice) {
        return new Invoice(invoice.terms(), true, invoice.settledRevenue(), invoice.announced());
    }

    private static Result unexceptional(Invoice invoice) {
        return new Result(Optional.of(invoice), List.of());
    }

    private static StaffException exception(InvoiceEvent event, Invoice invoice, ExceptionReason reason, long amount,
                                            String detail) {
        return new StaffException(DeterministicId.of(event.cause(), reason.name()), reason,
                invoice.terms().municipality(), Optional.empty(), Optional.of(invoice.id()), amount,
                SuggestedAction.INVESTIGATE, List.of(), detail);
    }
}
