package io.shuno.ledger;

import io.shuno.reconciliation.Settlement;

/**
 * The ledger accounts settlements post to. Money arrives as a receivable from the collecting channel (eLTAX or the
 * card acquirer) until the transfer reaches the designated bank; it is credited to revenue, to the 過誤納金
 * liability, or to suspense.
 */
final class LedgerAccounts {

    static final String OVERPAYMENT_LIABILITY = "OVERPAYMENT_LIABILITY";
    static final String SUSPENSE_RECEIPTS = "SUSPENSE_RECEIPTS";

    private LedgerAccounts() {
    }

    static String receivable(Settlement settlement) {
        String source = settlement.paymentRef().value().substring(0, settlement.paymentRef().value().indexOf(':'));
        return "RECEIPTS_IN_TRANSIT:" + source.toUpperCase(java.util.Locale.ROOT);
    }

    static String revenue(Settlement settlement) {
        return "REVENUE:" + settlement.account() + ":" + settlement.revenueCode().orElseThrow();
    }
}
