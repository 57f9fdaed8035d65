package io.shuno.reconciliation;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Splits one confirmed payment into settlements: revenue for each invoice it pays, in the order given, up to each
 * open balance; 過誤納金 for what is left, booked against the last of them; suspense when no invoice is known.
 * Every yen of the payment lands in exactly one settlement.
 */
final class ConfirmedPaymentAllocation {

    private ConfirmedPaymentAllocation() {
    }

    record Result(List<Invoice> invoices, List<Settlement> settlements, List<StaffException> exceptions) {

        Optional<Invoice> invoice() {
            return invoices.stream().reduce((first, second) -> second);
        }
    }

    /** {@code reference} names what the payment pointed at, for the exception when nothing is found. */
    static Result allocate(List<Invoice> inOrder, ConfirmedPayment payment, Explanation reference,
                           PayerInvoices payerInvoices, LateChargeRates rates) {
        if (inOrder.isEmpty()) {
            return new Result(List.of(), List.of(Settlements.suspense(payment)),
                    List.of(StaffExceptions.unmatched(payment, reference)));
        }
        List<Invoice> after = new ArrayList<>();
        List<Settlement> settlements = new ArrayList<>();
        List<StaffException> exceptions = new ArrayList<>();
        Amount remaining = payment.amount();
        Amount revenueTotal = Amount.ZERO;
        for (Invoice invoice : inOrder) {
            Amount revenue = invoice.openBalance().min(remaining);
            if (revenue.isPositive()) {
                settlements.add(Settlements.revenue(invoice.terms(), payment, revenue));
                lateCharge(invoice.terms(), payment, revenue, rates).ifPresent(exceptions::add);
            }
            remaining = remaining.minus(revenue);
            revenueTotal = revenueTotal.plus(revenue);
            after.add(invoice.withSettledRevenue(invoice.settledRevenue().plus(revenue)));
        }
        if (remaining.isPositive()) {
            Invoice last = after.get(after.size() - 1);
            settlements.add(Settlements.overpayment(last.terms(), payment, remaining));
            exceptions.add(excessException(inOrder, last, payment, revenueTotal, remaining, payerInvoices));
        }
        return new Result(after, settlements, exceptions);
    }

    static Result allocate(Optional<Invoice> found, ConfirmedPayment payment, Explanation reference,
                           PayerInvoices payerInvoices, LateChargeRates rates) {
        return allocate(found.stream().toList(), payment, reference, payerInvoices, rates);
    }

    private static Optional<StaffException> lateCharge(InvoiceTerms terms, ConfirmedPayment payment, Amount principal,
                                                       LateChargeRates rates) {
        if (terms.item() != Item.NHI_PREMIUM || !payment.receivedOn().isAfter(terms.dueDate())) {
            return Optional.empty();
        }
        return LateCharge.compute(principal.yen(), terms.dueDate(), payment.receivedOn(), rates)
                .map(charge -> charge == 0 ? Optional.<StaffException>empty()
                        : Optional.of(StaffExceptions.lateChargeDue(terms, payment, principal, Amount.of(charge))))
                .orElseGet(() -> Optional.of(StaffExceptions.lateChargeRateUnknown(terms, payment, principal)));
    }

    private static StaffException excessException(List<Invoice> paid, Invoice invoice, ConfirmedPayment payment,
                                                  Amount revenue, Amount excess, PayerInvoices payerInvoices) {
        ExceptionReason reason;
        Explanation what;
        if (invoice.cancelled()) {
            reason = ExceptionReason.PAID_AFTER_CANCELLATION;
            what = Explanation.of(ExplanationCode.EXCESS_PAID_AFTER_CANCELLATION, invoice.id().value());
        } else if (revenue.isZero() && invoice.settledRevenue().isPositive()) {
            reason = ExceptionReason.DOUBLE_PAYMENT;
            what = Explanation.of(ExplanationCode.EXCESS_DOUBLE_PAYMENT, invoice.id().value());
        } else {
            reason = ExceptionReason.OVERPAYMENT;
            what = paid.size() == 1
                    ? Explanation.of(ExplanationCode.EXCESS_OVERPAID, invoice.id().value(), payment.amount(), revenue)
                    : Explanation.of(ExplanationCode.EXCESS_OVERPAID_SEVERAL,
                    paid.stream().map(i -> i.id().value()).toList(), payment.amount(), revenue);
        }
        return StaffExceptions.excess(reason, ExcessCause.ERRONEOUS_PAYMENT, invoice.terms(), payment.paymentRef(),
                excess, payment.cause(), what, payerInvoices, payment.receivedOn());
    }
}
