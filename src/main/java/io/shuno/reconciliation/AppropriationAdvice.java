package io.shuno.reconciliation;

import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;

/**
 * 充当 before 還付: money paid in excess first settles the same payer's overdue invoices in the same municipality,
 * oldest first ({@code candidates}); only when there are none is it refunded. Advice holds for the day it is given:
 * the payer's invoices are issued, fall due and get paid after the excess was booked, so staff are advised again
 * when they look ({@link Reconciler#adviseOnExcess}).
 */
public record AppropriationAdvice(List<InvoiceId> candidates) {

    private static final String REFUND = "同一納付者に未納の請求はありません。還付の手続きを行ってください。";

    public AppropriationAdvice {
        candidates = List.copyOf(candidates);
    }

    static AppropriationAdvice of(PayerInvoices payerInvoices, InvoiceTerms paidFor, LocalDate asOf) {
        return new AppropriationAdvice(payerInvoices.of(paidFor.municipality(), paidFor.payerId()).stream()
                .filter(invoice -> !invoice.id().equals(paidFor.id()))
                .filter(invoice -> invoice.openBalance() > 0 && invoice.terms().dueDate().isBefore(asOf))
                .sorted(Comparator.comparing((Invoice invoice) -> invoice.terms().dueDate())
                        .thenComparing(invoice -> invoice.id().value()))
                .map(Invoice::id)
                .toList());
    }

    public SuggestedAction action() {
        return candidates.isEmpty() ? SuggestedAction.REFUND : SuggestedAction.APPROPRIATE;
    }

    /** The advice in plain Japanese: the last sentence of an excess exception's detail. */
    public String text() {
        return candidates.isEmpty()
                ? REFUND
                : "同一納付者の未納 " + candidates.size() + " 件(古い順: " + String.join("、",
                candidates.stream().map(InvoiceId::value).toList()) + ")への充当を検討してください。";
    }

    /** {@code detail}, raised with the {@code earlier} advice as its last sentence, with this advice in its place. */
    public String restate(String detail, AppropriationAdvice earlier) {
        String facts = detail.endsWith(earlier.text())
                ? detail.substring(0, detail.length() - earlier.text().length()) : detail;
        return facts + text();
    }
}
