package io.shuno.reconciliation;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A payment held in suspense (不明収納) booked against an invoice — when the invoice arrives, or when staff match it
 * by hand: the suspense is reversed and the payment allocated as if it had arrived for that invoice, with its
 * original date, so revenue, 過誤納金 and 延滞金 follow the usual rules.
 */
final class SuspenseRematch {

    private SuspenseRematch() {
    }

    static Decision rematch(Invoice invoice, Settlement suspense, String cause, PayerInvoices payerInvoices,
                            LateChargeRates rates) {
        ConfirmedPaymentAllocation.Result matched = ConfirmedPaymentAllocation.allocate(Optional.of(invoice),
                ConfirmedPayment.rematched(suspense, cause),
                Explanation.of(ExplanationCode.PAID_FOR_INVOICE, invoice.id().value()), payerInvoices, rates);
        List<Settlement> settlements = new ArrayList<>();
        settlements.add(Settlements.reversal(suspense, suspense.amount(), cause));
        settlements.addAll(matched.settlements());
        return new Decision(List.of(matched.invoice().orElseThrow()), settlements, matched.exceptions(),
                suspense.amount());
    }
}
