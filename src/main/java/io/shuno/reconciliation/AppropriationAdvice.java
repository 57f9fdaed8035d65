package io.shuno.reconciliation;

import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;

/**
 * 充当 before 還付: money paid in excess first settles the same payer's overdue invoices in the same municipality,
 * oldest first; only when there are none is it refunded. Given when the excess is booked, and again whenever staff
 * look ({@link #again}).
 */
final class AppropriationAdvice {

    private AppropriationAdvice() {
    }

    static List<InvoiceId> candidates(PayerInvoices payerInvoices, InvoiceTerms paidFor, LocalDate asOf) {
        return payerInvoices.of(paidFor.municipality(), paidFor.payerId()).stream()
                .filter(invoice -> !invoice.id().equals(paidFor.id()))
                .filter(invoice -> invoice.openBalance().isPositive() && invoice.terms().dueDate().isBefore(asOf))
                .sorted(Comparator.comparing((Invoice invoice) -> invoice.terms().dueDate())
                        .thenComparing(invoice -> invoice.id().value()))
                .map(Invoice::id)
                .toList();
    }

    static SuggestedAction action(List<InvoiceId> candidates) {
        return candidates.isEmpty() ? SuggestedAction.REFUND : SuggestedAction.APPROPRIATE;
    }

    /** The advice in plain Japanese: the last sentence of an excess exception's detail. */
    static String advice(List<InvoiceId> candidates) {
        return candidates.isEmpty()
                ? "同一納付者に未納の請求はありません。還付の手続きを行ってください。"
                : "同一納付者の未納 " + candidates.size() + " 件(古い順: " + String.join("、",
                candidates.stream().map(InvoiceId::value).toList()) + ")への充当を検討してください。";
    }

    /**
     * Advice given again on {@code asOf} for an exception raised with {@code raisedDetail} and {@code raised}
     * candidates: the payer's invoices are issued, fall due and get paid after the excess was booked.
     */
    static ExcessAdvice again(String raisedDetail, List<InvoiceId> raised, PayerInvoices payerInvoices,
                              InvoiceTerms paidFor, LocalDate asOf) {
        List<InvoiceId> now = candidates(payerInvoices, paidFor, asOf);
        String earlier = advice(raised);
        String facts = raisedDetail.endsWith(earlier)
                ? raisedDetail.substring(0, raisedDetail.length() - earlier.length()) : raisedDetail;
        return new ExcessAdvice(now, action(now), facts + advice(now));
    }
}
