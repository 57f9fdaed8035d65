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

    private static final String BANK = "指定金融機関";

    private DirectDebits() {
    }

    static Outcome onResult(Optional<Invoice> invoice, Optional<PaymentState> previous, DirectDebitResult result,
                            PayerInvoices payerInvoices, LateChargeRates rates) {
        GatewayNotice notice = new GatewayNotice(result.cause(), result.paymentRef(),
                result.result().moneyMoved() ? NoticeStage.CONFIRMED : NoticeStage.CANCELLED, result.key(),
                result.municipality(), result.amount(), result.debitDate(), Channel.DIRECT_DEBIT, Optional.empty(),
                BANK);
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
                : invoice.filter(i -> i.openBalance() > 0).map(i -> failed(i, result));
        return new Outcome(invoice, Optional.of(notice.state(NoticeStage.CANCELLED)), List.of(),
                failed.stream().toList(), List.of());
    }

    /** The open invoice the debit was for stays owed: why the bank did not debit, and what to send the payer. */
    private static StaffException failed(Invoice invoice, DirectDebitResult result) {
        FollowUp followUp = FollowUp.of(result, invoice.terms());
        return exception(result, invoice.terms().municipality(), Optional.of(invoice.id()), followUp.action(),
                "請求 " + invoice.id() + " の" + what(result) + "。未納額 " + Yen.format(invoice.openBalance())
                        + "は未納のままです。" + followUp.advice());
    }

    private static StaffException failedWithoutInvoice(DirectDebitResult result) {
        return exception(result, result.municipality(), Optional.empty(), SuggestedAction.INVESTIGATE,
                what(result) + "。この引落の請求が見つかりません。業務システムに請求データの送信を依頼してください。");
    }

    private static StaffException failedAfterDebited(Optional<Invoice> invoice, DirectDebitResult result) {
        return exception(result, invoice.map(i -> i.terms().municipality()).orElse(result.municipality()),
                invoice.map(Invoice::id), SuggestedAction.INVESTIGATE,
                "振替済として収納した" + result.key().describe() + "に、振替不能の結果「" + words(result.result())
                        + "」(振替結果コード " + result.resultCode() + ")が届きました。収納は自動では取り消しません。"
                        + BANK + "に照会してください。");
    }

    private static StaffException exception(DirectDebitResult result, MunicipalityCode municipality,
                                            Optional<InvoiceId> invoiceId, SuggestedAction action, String detail) {
        return new StaffException(DeterministicId.of(result.cause(), ExceptionReason.DIRECT_DEBIT_FAILED.name()),
                ExceptionReason.DIRECT_DEBIT_FAILED, municipality, Optional.of(result.paymentRef()), invoiceId,
                result.amount(), action, List.of(), detail);
    }

    /** "口座振替 顧客番号 …(引落日 …)の 3,000円は「資金不足」(振替結果コード 1: 預金残高の不足)のため引き落とされませんでした" */
    private static String what(DirectDebitResult result) {
        return result.key().describe() + "の " + Yen.format(result.amount()) + "は「" + words(result.result())
                + "」(振替結果コード " + result.resultCode() + ": " + meaning(result.result())
                + ")のため引き落とされませんでした";
    }

    /** The 振替結果コード as a clerk names it. */
    static String words(DirectDebitResultCode code) {
        return switch (code) {
            case DEBITED -> "振替済";
            case INSUFFICIENT_FUNDS -> "資金不足";
            case NO_SUCH_ACCOUNT -> "取引なし";
            case STOPPED_BY_PAYER -> "振替停止(預金者)";
            case NO_MANDATE -> "依頼書なし";
            case STOPPED_BY_MUNICIPALITY -> "振替停止(委託者)";
            case OTHER -> "その他";
            case UNKNOWN -> "不明";
        };
    }

    private static String meaning(DirectDebitResultCode code) {
        return switch (code) {
            case DEBITED -> throw new IllegalArgumentException("a debited record did not fail");
            case INSUFFICIENT_FUNDS -> "預金残高の不足";
            case NO_SUCH_ACCOUNT -> "口座が解約済み・存在しない";
            case STOPPED_BY_PAYER -> "預金者の申出による振替停止";
            case NO_MANDATE -> "金融機関に口座振替依頼書がない";
            case STOPPED_BY_MUNICIPALITY -> "委託者の依頼による振替停止";
            case OTHER -> "その他の理由";
            case UNKNOWN -> "全銀の様式にない結果コード";
        };
    }

    /**
     * What to send the payer. A debit that failed by the due date leaves the installment to be paid by slip; one that
     * failed after it (a retry) is already in arrears and calls for a 督促状. Failures the payer did not cause
     * (the municipality's own stop, other or unknown codes) are looked into first.
     */
    private record FollowUp(SuggestedAction action, String advice) {

        static FollowUp of(DirectDebitResult result, InvoiceTerms invoice) {
            boolean overdue = result.debitDate().isAfter(invoice.dueDate());
            SuggestedAction send = overdue ? SuggestedAction.SEND_REMINDER : SuggestedAction.SEND_PAYMENT_SLIP;
            String sendIt = overdue
                    ? "納期限(" + Wareki.date(invoice.dueDate()) + ")を過ぎているため、督促状を送付してください。"
                    : "口座振替不能のお知らせと納付書を送付してください(再振替を行う場合は次回の引落で請求してください)。";
            return switch (result.result()) {
                case DEBITED -> throw new IllegalArgumentException("a debited record needs no follow-up");
                case INSUFFICIENT_FUNDS -> new FollowUp(send, sendIt);
                case NO_SUCH_ACCOUNT, STOPPED_BY_PAYER -> new FollowUp(send, sendIt
                        + "口座振替を続けるには、納付者に口座振替の再登録を案内してください。");
                case NO_MANDATE -> new FollowUp(send, sendIt
                        + "口座振替依頼書の提出・登録状況を確認してください。");
                case STOPPED_BY_MUNICIPALITY -> new FollowUp(SuggestedAction.INVESTIGATE,
                        "振替停止を依頼した理由(口座の変更・納付済み等)を確認し、未納であれば納付書を送付してください。");
                case OTHER, UNKNOWN -> new FollowUp(SuggestedAction.INVESTIGATE,
                        "理由を" + BANK + "に照会し、未納であれば納付書を送付してください。");
            };
        }
    }
}
