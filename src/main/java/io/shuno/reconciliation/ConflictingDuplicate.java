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
                Explanation.of(ExplanationCode.CONFLICTING_NOTICE, notice.noticeId(), notice.amount()));
    }

    /** A 口座振替 result record sent again with other content, named by its debit (顧客番号 and 引落日). */
    public static StaffException of(DirectDebitResult result, String fingerprint) {
        return exception(result.cause(), fingerprint, result.municipality(), Optional.of(result.paymentRef()),
                Optional.empty(), result.amount(), Explanation.of(ExplanationCode.CONFLICTING_NOTICE,
                        result.customerNumber().strip() + " " + result.debitDate(), result.amount()));
    }

    /** A コンビニ row sent again with other content, named by its barcode. */
    public static StaffException of(ConvenienceStoreNotice notice, String fingerprint) {
        return exception(notice.cause(), fingerprint, notice.municipality(), Optional.of(notice.paymentRef()),
                Optional.empty(), notice.amount(), Explanation.of(ExplanationCode.CONFLICTING_NOTICE,
                        notice.barcode().value(), notice.amount()));
    }

    public static StaffException of(InvoiceEvent event, String fingerprint) {
        return exception(event.cause(), fingerprint, event.terms().municipality(), Optional.empty(),
                Optional.of(event.terms().id()), event.terms().amount(),
                Explanation.of(ExplanationCode.CONFLICTING_INVOICE_EVENT, event.eventId(), event.terms().id().value()));
    }

    public static StaffException of(TerminalTransaction transaction, String fingerprint) {
        return exception(transaction.cause(), fingerprint, transaction.municipality(),
                Optional.of(transaction.paymentRef()), Optional.empty(), transaction.amount(),
                Explanation.of(ExplanationCode.CONFLICTING_TERMINAL_TRANSACTION, transaction.transactionId(),
                        transaction.amount()));
    }

    public static StaffException of(AcquirerStatement statement, String fingerprint) {
        return exception(statement.cause(), fingerprint, statement.municipality(),
                Optional.of(statement.paymentRef()), Optional.empty(), statement.grossSales(),
                Explanation.of(ExplanationCode.CONFLICTING_ACQUIRER_STATEMENT, statement.statementId(),
                        statement.grossSales()));
    }

    private static StaffException exception(String cause, String fingerprint, MunicipalityCode municipality,
                                            Optional<PaymentRef> paymentRef, Optional<InvoiceId> invoiceId,
                                            Amount amount, Explanation explanation) {
        return new StaffException(
                DeterministicId.of(cause, ExceptionReason.CONFLICTING_DUPLICATE.name(), fingerprint),
                ExceptionReason.CONFLICTING_DUPLICATE, municipality, paymentRef, invoiceId, amount,
                SuggestedAction.INVESTIGATE, List.of(), explanation);
    }
}
