package io.shuno.reconciliation;

import java.util.List;
import java.util.Optional;

/**
 * A message id seen before, now with different content. The first version stands; the second is not applied but
 * shown to staff, because one of the two senders is wrong and only a person can tell which.
 */
public final class ConflictingDuplicate {

    private ConflictingDuplicate() {
    }

    public static StaffException of(EltaxNotice notice, String fingerprint) {
        return exception(notice.cause(), fingerprint, notice.elNumber().municipality(),
                Optional.of(notice.paymentRef()), Optional.empty(), notice.amount(),
                "通知 " + notice.noticeId() + " が以前と異なる内容(" + Yen.format(notice.amount().yen()) + ")で再送されました。");
    }

    public static StaffException of(InvoiceEvent event, String fingerprint) {
        return exception(event.cause(), fingerprint, event.terms().municipality(), Optional.empty(),
                Optional.of(event.terms().id()), event.terms().amount(),
                "請求イベント " + event.eventId() + "(請求 " + event.terms().id() + ")が以前と異なる内容で再送されました。");
    }

    public static StaffException of(TerminalTransaction transaction, String fingerprint) {
        return exception(transaction.cause(), fingerprint, transaction.municipality(),
                Optional.of(transaction.paymentRef()), Optional.empty(), transaction.amount(),
                "端末取引 " + transaction.transactionId() + " が以前と異なる内容(" + Yen.format(transaction.amount().yen())
                        + ")で再送されました。");
    }

    public static StaffException of(AcquirerStatement statement, String fingerprint) {
        return exception(statement.cause(), fingerprint, statement.municipality(),
                Optional.of(statement.paymentRef()), Optional.empty(), statement.grossSales(),
                "精算明細 " + statement.statementId() + " が以前と異なる内容(売上 " + Yen.format(statement.grossSales().yen())
                        + ")で再送されました。");
    }

    private static StaffException exception(String cause, String fingerprint, MunicipalityCode municipality,
                                            Optional<PaymentRef> paymentRef, Optional<InvoiceId> invoiceId,
                                            Amount amount, String what) {
        return new StaffException(
                DeterministicId.of(cause, ExceptionReason.CONFLICTING_DUPLICATE.name(), fingerprint),
                ExceptionReason.CONFLICTING_DUPLICATE, municipality, paymentRef, invoiceId, amount,
                SuggestedAction.INVESTIGATE, List.of(),
                what + "最初の内容を有効とし、今回の内容は反映していません。送信元に確認してください。");
    }
}
