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

    /** Where an EXCESS explanation holds its advice. */
    private static final int EXCESS_ADVICE = 2;

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

    /** The advice: the last sentence of an excess exception's explanation. */
    static Explanation advice(List<InvoiceId> candidates) {
        return candidates.isEmpty()
                ? Explanation.of(ExplanationCode.ADVICE_REFUND)
                : Explanation.of(ExplanationCode.ADVICE_APPROPRIATE, (long) candidates.size(),
                candidates.stream().map(InvoiceId::value).toList());
    }

    /**
     * Advice given again on {@code asOf} for an exception raised with the explanation {@code raised}: the payer's
     * invoices are issued, fall due and get paid after the excess was booked. An explanation stored as text, before
     * explanations had codes, is returned as it was: only a reader of its words can replace its advice.
     */
    static ExcessAdvice again(Explanation raised, PayerInvoices payerInvoices, InvoiceTerms paidFor,
                              LocalDate asOf) {
        List<InvoiceId> now = candidates(payerInvoices, paidFor, asOf);
        Explanation restated = raised.code() == ExplanationCode.EXCESS
                ? raised.with(EXCESS_ADVICE, advice(now)) : raised;
        return new ExcessAdvice(now, action(now), restated);
    }
}
