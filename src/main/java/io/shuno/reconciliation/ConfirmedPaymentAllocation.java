package io.shuno.reconciliation;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Splits one confirmed payment into settlements: revenue up to the invoice's open balance, 過誤納金 for the rest,
 * suspense when no invoice is known. Every yen of the payment lands in exactly one settlement.
 */
final class ConfirmedPaymentAllocation {

    private ConfirmedPaymentAllocation() {
    }

    record Result(Optional<Invoice> invoice, List<Settlement> settlements, List<StaffException> exceptions) {
    }

    static Result allocate(Optional<Invoice> found, ConfirmedPayment payment, String elNumber,
                           PayerInvoices payerInvoices, LateChargeRates rates) {
        if (found.isEmpty()) {
            return new Result(Optional.empty(), List.of(Settlements.suspense(payment)),
                    List.of(StaffExceptions.unmatched(payment, elNumber)));
        }
        Invoice invoice = found.get();
        InvoiceTerms terms = invoice.terms();
        long revenue = Math.min(invoice.openBalance(), payment.amount());
        long excess = payment.amount() - revenue;
        List<Settlement> settlements = new ArrayList<>();
        List<StaffException> exceptions = new ArrayList<>();
        if (revenue > 0) {
            settlements.add(Settlements.revenue(terms, payment, revenue));
            lateCharge(terms, payment, revenue, rates).ifPresent(exceptions::add);
        }
        if (excess > 0) {
            settlements.add(Settlements.overpayment(terms, payment, excess));
            exceptions.add(excessException(invoice, payment, revenue, excess, payerInvoices));
        }
        return new Result(Optional.of(invoice.withSettledRevenue(invoice.settledRevenue() + revenue)),
                settlements, exceptions);
    }

    private static Optional<StaffException> lateCharge(InvoiceTerms terms, ConfirmedPayment payment, long principal,
                                                       LateChargeRates rates) {
        if (terms.item() != Item.NHI_PREMIUM || !payment.receivedOn().isAfter(terms.dueDate())) {
            return Optional.empty();
        }
        return LateCharge.compute(principal, terms.dueDate(), payment.receivedOn(), rates)
                .map(charge -> charge == 0 ? Optional.<StaffException>empty()
                        : Optional.of(StaffExceptions.lateChargeDue(terms, payment, principal, charge)))
                .orElseGet(() -> Optional.of(StaffExceptions.lateChargeRateUnknown(terms, payment, principal)));
    }

    private static StaffException excessException(Invoice invoice, ConfirmedPayment payment, long revenue, long excess,
                                                  PayerInvoices payerInvoices) {
        ExceptionReason reason;
        String what;
        if (invoice.cancelled()) {
            reason = ExceptionReason.PAID_AFTER_CANCELLATION;
            what = "取消済みの請求 " + invoice.id() + " に納付がありました。";
        } else if (revenue == 0 && invoice.settledRevenue() > 0) {
            reason = ExceptionReason.DOUBLE_PAYMENT;
            what = "納付済みの請求 " + invoice.id() + " に再度納付がありました(二重納付)。";
        } else {
            reason = ExceptionReason.OVERPAYMENT;
            what = "請求 " + invoice.id() + " に対して納付額 " + Yen.format(payment.amount()) + "が未納額 "
                    + Yen.format(revenue) + "を超えています(過納)。";
        }
        return StaffExceptions.excess(reason, invoice.terms(), payment.paymentRef(), excess, payment.cause(), what,
                payerInvoices, payment.receivedOn());
    }
}
