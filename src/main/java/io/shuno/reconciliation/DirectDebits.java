package io.shuno.reconciliation;

import java.util.List;
import java.util.Optional;

/**
 * What a 口座振替 result does. A debited record is money received on the debit date, confirmed at once and booked
 * like any confirmed payment. Any other result moved no money: the invoice stays open, nothing is booked, and staff
 * are told why in the words they use and what to send the payer. A direct debit is the three-stage gateway without
 * its preliminary: it is CONFIRMED or, when it fails, CANCELLED.
 */
final class DirectDebits {

    private DirectDebits() {
    }

    static Outcome onResult(Optional<Invoice> invoice, Optional<PaymentState> previous, DirectDebitResult result,
                            PayerInvoices payerInvoices, LateChargeRates rates) {
        GatewayNotice notice = new GatewayNotice(result.cause(), result.paymentRef(),
                result.result().moneyMoved() ? NoticeStage.CONFIRMED : NoticeStage.CANCELLED, result.key(),
                result.municipality(), result.amount(), result.debitDate(), Channel.DIRECT_DEBIT, Optional.empty(),
                Gateway.BANK);
        ThreeStageGateway.requirePayableWith(invoice, notice);
        if (notice.stage() == NoticeStage.CONFIRMED) {
            return ThreeStageGateway.confirmed(invoice, previous, notice, payerInvoices, rates);
        }
        if (previous.filter(p -> p.stage() == NoticeStage.CONFIRMED).isPresent()) {
            return new Outcome(invoice, previous, List.of(), List.of(failedAfterDebited(invoice, result)), List.of());
        }
        if (previous.isPresent()) {
            return ThreeStageGateway.unchanged(invoice, previous);
        }
        Optional<StaffException> failed = invoice.isEmpty() ? Optional.of(failedWithoutInvoice(result))
                : invoice.filter(i -> i.openBalance().isPositive()).map(i -> failed(i, result));
        return new Outcome(invoice, Optional.of(notice.state(NoticeStage.CANCELLED)), List.of(),
                failed.stream().toList(), List.of());
    }

    /** The open invoice the debit was for stays owed: why the bank did not debit, and what to send the payer. */
    private static StaffException failed(Invoice invoice, DirectDebitResult result) {
        FollowUp followUp = FollowUp.of(result, invoice.terms());
        return exception(result, invoice.terms().municipality(), Optional.of(invoice.id()), followUp.action(),
                Explanation.of(ExplanationCode.DIRECT_DEBIT_FAILED, invoice.id().value(), notDebited(result),
                        invoice.openBalance(), followUp.advice()));
    }

    private static StaffException failedWithoutInvoice(DirectDebitResult result) {
        return exception(result, result.municipality(), Optional.empty(), SuggestedAction.INVESTIGATE,
                Explanation.of(ExplanationCode.DIRECT_DEBIT_FAILED_WITHOUT_INVOICE, notDebited(result)));
    }

    private static StaffException failedAfterDebited(Optional<Invoice> invoice, DirectDebitResult result) {
        return exception(result, invoice.map(i -> i.terms().municipality()).orElse(result.municipality()),
                invoice.map(Invoice::id), SuggestedAction.INVESTIGATE,
                Explanation.of(ExplanationCode.DIRECT_DEBIT_FAILED_AFTER_DEBITED, result.key().explanation(),
                        words(result.result()), String.valueOf(result.resultCode())));
    }

    private static StaffException exception(DirectDebitResult result, MunicipalityCode municipality,
                                            Optional<InvoiceId> invoiceId, SuggestedAction action,
                                            Explanation explanation) {
        return new StaffException(DeterministicId.of(result.cause(), ExceptionReason.DIRECT_DEBIT_FAILED.name()),
                ExceptionReason.DIRECT_DEBIT_FAILED, municipality, Optional.of(result.paymentRef()), invoiceId,
                result.amount(), action, List.of(), explanation);
    }

    /** "口座振替 顧客番号 …(引落日 …)の 3,000円は「資金不足」(振替結果コード 1: 預金残高の不足)のため引き落とされませんでした" */
    private static Explanation notDebited(DirectDebitResult result) {
        return Explanation.of(ExplanationCode.DIRECT_DEBIT_NOT_DEBITED, result.key().explanation(), result.amount(),
                words(result.result()), String.valueOf(result.resultCode()), meaning(result.result()));
    }

    /** The 振替結果コード as a clerk names it: a term of the message bundles. */
    static String words(DirectDebitResultCode code) {
        return "debitResult." + code.name();
    }

    /** What the 振替結果コード means: a term of the message bundles. */
    private static String meaning(DirectDebitResultCode code) {
        if (code == DirectDebitResultCode.DEBITED) {
            throw new IllegalArgumentException("a debited record did not fail");
        }
        return "debitResultMeaning." + code.name();
    }

    /**
     * What to send the payer. A debit that failed by the due date leaves the installment to be paid by slip; one that
     * failed after it (a retry) is already in arrears and calls for a 督促状. Failures the payer did not cause
     * (the municipality's own stop, other or unknown codes) are looked into first.
     */
    private record FollowUp(SuggestedAction action, Explanation advice) {

        static FollowUp of(DirectDebitResult result, InvoiceTerms invoice) {
            boolean overdue = result.debitDate().isAfter(invoice.dueDate());
            SuggestedAction send = overdue ? SuggestedAction.SEND_REMINDER : SuggestedAction.SEND_PAYMENT_SLIP;
            Explanation sendIt = overdue
                    ? Explanation.of(ExplanationCode.FOLLOW_UP_SEND_REMINDER, invoice.dueDate())
                    : Explanation.of(ExplanationCode.FOLLOW_UP_SEND_SLIP);
            return switch (result.result()) {
                case DEBITED -> throw new IllegalArgumentException("a debited record needs no follow-up");
                case INSUFFICIENT_FUNDS -> new FollowUp(send, sendIt);
                case NO_SUCH_ACCOUNT, STOPPED_BY_PAYER -> new FollowUp(send,
                        Explanation.of(ExplanationCode.FOLLOW_UP_REREGISTER, sendIt));
                case NO_MANDATE -> new FollowUp(send, Explanation.of(ExplanationCode.FOLLOW_UP_CHECK_MANDATE, sendIt));
                case STOPPED_BY_MUNICIPALITY -> new FollowUp(SuggestedAction.INVESTIGATE,
                        Explanation.of(ExplanationCode.FOLLOW_UP_MUNICIPALITY_STOP));
                case OTHER, UNKNOWN -> new FollowUp(SuggestedAction.INVESTIGATE,
                        Explanation.of(ExplanationCode.FOLLOW_UP_ASK_BANK));
            };
        }
    }
}
