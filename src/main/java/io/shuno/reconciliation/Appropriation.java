package io.shuno.reconciliation;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;

/**
 * 充当: staff apply 過誤納金 to open invoices of the same payer in the same municipality, in the order they chose.
 * The overpayment is reversed (oldest booking first) by what is used, and each target gets revenue as if the payment
 * had arrived for it on its original date — so the fiscal year follows {@link BookingYear#ofRevenue} and 延滞金 the
 * usual rule. What the targets cannot take stays 過誤納金, to be appropriated elsewhere or refunded.
 */
final class Appropriation {

    private Appropriation() {
    }

    static Decision appropriate(InvoiceTerms overpaid, List<HeldOverpayment> held, long outstanding,
                                List<Invoice> targets, String cause, PayerInvoices payerInvoices,
                                LateChargeRates rates) {
        check(overpaid, targets);
        long available = Math.min(outstanding, held.stream().mapToLong(HeldOverpayment::unreversed).sum());
        long used = Math.min(available, targets.stream().mapToLong(target -> target.openBalance().yen()).sum());
        if (used == 0) {
            throw new RefusedDecision("nothing of this overpayment is left to appropriate");
        }
        List<Settlement> settlements = new ArrayList<>();
        long toReverse = used;
        for (HeldOverpayment booking : held) {
            long part = Math.min(booking.unreversed(), toReverse);
            if (part > 0) {
                settlements.add(Settlements.reversal(booking.overpayment(), Amount.of(part), cause));
                toReverse -= part;
            }
        }
        Settlement source = held.get(0).overpayment();
        List<Invoice> after = new ArrayList<>();
        List<StaffException> exceptions = new ArrayList<>();
        long toApply = used;
        for (Invoice target : targets) {
            long part = Math.min(target.openBalance().yen(), toApply);
            if (part == 0) {
                break;
            }
            ConfirmedPaymentAllocation.Result applied = ConfirmedPaymentAllocation.allocate(Optional.of(target),
                    ConfirmedPayment.appropriated(source, Amount.of(part), cause),
                    Explanation.of(ExplanationCode.PAID_FOR_INVOICE, target.id().value()), payerInvoices, rates);
            after.add(applied.invoice().orElseThrow());
            settlements.addAll(applied.settlements());
            exceptions.addAll(applied.exceptions());
            toApply -= part;
        }
        return new Decision(after, settlements, exceptions, Amount.of(used));
    }

    private static void check(InvoiceTerms overpaid, List<Invoice> targets) {
        if (targets.isEmpty()) {
            throw new RefusedDecision("choose at least one invoice to appropriate to");
        }
        if (new HashSet<>(targets.stream().map(Invoice::id).toList()).size() != targets.size()) {
            throw new RefusedDecision("each invoice may be chosen once");
        }
        for (Invoice target : targets) {
            if (!target.terms().municipality().equals(overpaid.municipality())
                    || !target.terms().payerId().equals(overpaid.payerId())) {
                throw new RefusedDecision("invoice " + target.id()
                        + " is not an invoice of the same payer in the same municipality");
            }
            if (target.openBalance().isZero()) {
                throw new RefusedDecision("invoice " + target.id() + " owes nothing");
            }
        }
    }
}
