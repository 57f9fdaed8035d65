package io.shuno.reconciliation;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/** The exceptions shuno raises for staff, each with a deterministic id and an explanation a clerk can act on. */
final class StaffExceptions {

    private StaffExceptions() {
    }

    /** {@code reference} is what the payment named, e.g. an eL番号 or counter orders. */
    static StaffException unmatched(ConfirmedPayment payment, Explanation reference) {
        return new StaffException(unmatchedId(payment.cause()), ExceptionReason.UNMATCHED, payment.municipality(),
                Optional.of(payment.paymentRef()), Optional.empty(), payment.amount(), SuggestedAction.INVESTIGATE,
                List.of(), Explanation.of(ExplanationCode.UNMATCHED, reference, payment.amount()));
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
                                 PaymentRef paymentRef, Amount amount, String cause, Explanation what,
                                 PayerInvoices payerInvoices, LocalDate asOf) {
        List<InvoiceId> candidates = AppropriationAdvice.candidates(payerInvoices, invoice, asOf);
        return new StaffException(
                DeterministicId.of(cause, reason.name(), invoice.id().value(), paymentRef.value()),
                reason, invoice.municipality(), Optional.of(paymentRef), Optional.of(invoice.id()), amount,
                AppropriationAdvice.action(candidates), candidates,
                Explanation.of(ExplanationCode.EXCESS, what, amount, AppropriationAdvice.advice(candidates)),
                Optional.of(RefundClaim.of(excessCause, invoice.item(), asOf)));
    }

    static StaffException lateChargeDue(InvoiceTerms invoice, ConfirmedPayment payment, Amount principal,
                                        Amount charge) {
        return lateCharge(invoice, payment, charge, SuggestedAction.ASSESS_LATE_CHARGE,
                Explanation.of(ExplanationCode.LATE_CHARGE_DUE, invoice.id().value(), invoice.dueDate(), principal,
                        payment.receivedOn(), charge));
    }

    static StaffException lateChargeRateUnknown(InvoiceTerms invoice, ConfirmedPayment payment, Amount principal) {
        return lateCharge(invoice, payment, Amount.ZERO, SuggestedAction.INVESTIGATE,
                Explanation.of(ExplanationCode.LATE_CHARGE_RATE_UNKNOWN, invoice.id().value(), invoice.dueDate(),
                        principal));
    }

    private static StaffException lateCharge(InvoiceTerms invoice, ConfirmedPayment payment, Amount charge,
                                             SuggestedAction action, Explanation explanation) {
        return new StaffException(
                DeterministicId.of(payment.cause(), ExceptionReason.LATE_CHARGE_DUE.name(), invoice.id().value()),
                ExceptionReason.LATE_CHARGE_DUE, invoice.municipality(), Optional.of(payment.paymentRef()),
                Optional.of(invoice.id()), charge, action, List.of(), explanation);
    }

    static StaffException cancelAfterConfirm(GatewayNotice notice, MunicipalityCode municipality,
                                             Optional<InvoiceId> invoiceId) {
        return new StaffException(
                DeterministicId.of(notice.cause(), ExceptionReason.CANCEL_AFTER_CONFIRM.name()),
                ExceptionReason.CANCEL_AFTER_CONFIRM, municipality, Optional.of(notice.paymentRef()), invoiceId,
                notice.amount(), SuggestedAction.INVESTIGATE, List.of(),
                Explanation.of(ExplanationCode.CANCEL_AFTER_CONFIRM, notice.paymentRef().value(), notice.amount(),
                        notice.gateway().explanation()));
    }
}
