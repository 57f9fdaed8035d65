package io.shuno.reconciliation;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/** The exceptions shuno raises for staff, each with a deterministic id and a detail a clerk can act on. */
final class StaffExceptions {

    private StaffExceptions() {
    }

    /** {@code reference} is what the payment named, e.g. "eL番号 1310…" or "窓口注文 C-1". */
    static StaffException unmatched(ConfirmedPayment payment, String reference) {
        return new StaffException(unmatchedId(payment.cause()), ExceptionReason.UNMATCHED, payment.municipality(),
                Optional.of(payment.paymentRef()), Optional.empty(), payment.amount(), SuggestedAction.INVESTIGATE,
                List.of(), reference + " の請求が見つからないため、" + Yen.format(payment.amount().yen())
                        + "を歳入歳出外現金(不明収納)として仮受けしました。請求データが届けば自動で消込します。"
                        + "届かない場合は納付書を確認してください。");
    }

    /** The UNMATCHED exception raised when a payment went to suspense under {@code cause}. */
    static String unmatchedId(String cause) {
        return DeterministicId.of(cause, ExceptionReason.UNMATCHED.name());
    }

    /**
     * Money that became 過誤納金 on {@code asOf}: what happened, whether to appropriate it (充当) or refund it (還付),
     * and until when the payer may claim it.
     */
    static StaffException excess(ExceptionReason reason, ExcessCause excessCause, InvoiceTerms invoice,
                                 PaymentRef paymentRef, Amount amount, String cause, String what,
                                 PayerInvoices payerInvoices, LocalDate asOf) {
        List<InvoiceId> candidates = AppropriationAdvice.candidates(payerInvoices, invoice, asOf);
        return new StaffException(
                DeterministicId.of(cause, reason.name(), invoice.id().value(), paymentRef.value()),
                reason, invoice.municipality(), Optional.of(paymentRef), Optional.of(invoice.id()), amount,
                AppropriationAdvice.action(candidates), candidates,
                what + Yen.format(amount.yen()) + "を過誤納金として計上しました。" + AppropriationAdvice.advice(candidates),
                Optional.of(RefundClaim.of(excessCause, invoice.item(), asOf)));
    }

    static StaffException lateChargeDue(InvoiceTerms invoice, ConfirmedPayment payment, Amount principal, Amount charge) {
        return new StaffException(
                DeterministicId.of(payment.cause(), ExceptionReason.LATE_CHARGE_DUE.name(), invoice.id().value()),
                ExceptionReason.LATE_CHARGE_DUE, invoice.municipality(), Optional.of(payment.paymentRef()),
                Optional.of(invoice.id()), charge, SuggestedAction.ASSESS_LATE_CHARGE, List.of(),
                "請求 " + invoice.id() + "(納期限 " + Wareki.date(invoice.dueDate()) + ")の保険料 "
                        + Yen.format(principal.yen()) + "が " + Wareki.date(payment.receivedOn()) + " に納付されました。延滞金 "
                        + Yen.format(charge.yen()) + "を新たに調定してください。");
    }

    static StaffException lateChargeRateUnknown(InvoiceTerms invoice, ConfirmedPayment payment, Amount principal) {
        return new StaffException(
                DeterministicId.of(payment.cause(), ExceptionReason.LATE_CHARGE_DUE.name(), invoice.id().value()),
                ExceptionReason.LATE_CHARGE_DUE, invoice.municipality(), Optional.of(payment.paymentRef()),
                Optional.of(invoice.id()), Amount.ZERO, SuggestedAction.INVESTIGATE, List.of(),
                "請求 " + invoice.id() + "(納期限 " + Wareki.date(invoice.dueDate()) + ")の保険料 "
                        + Yen.format(principal.yen()) + "が期限後に納付されましたが、対象期間の延滞金の割合が設定されていないため計算できません。"
                        + "割合を設定するか、手計算で調定してください。");
    }

    static StaffException cancelAfterConfirm(EltaxNotice notice, MunicipalityCode municipality,
                                             Optional<InvoiceId> invoiceId) {
        return new StaffException(
                DeterministicId.of(notice.cause(), ExceptionReason.CANCEL_AFTER_CONFIRM.name()),
                ExceptionReason.CANCEL_AFTER_CONFIRM, municipality, Optional.of(notice.paymentRef()), invoiceId,
                notice.amount(), SuggestedAction.INVESTIGATE, List.of(),
                "確報済みの納付 " + notice.paymentRef() + "(" + Yen.format(notice.amount().yen())
                        + ")に速報取消が届きました。確報後の取消は自動では反映しません。地方税共同機構に照会してください。");
    }
}
