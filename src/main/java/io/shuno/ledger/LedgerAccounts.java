package io.shuno.ledger;

import io.shuno.reconciliation.Settlement;

/**
 * The ledger accounts settlements post to. Money arrives as a receivable from the collecting channel (eLTAX or the
 * card acquirer) until the transfer reaches the designated bank; it is credited to revenue, to the 過誤納金
 * liability, or to suspense. A refund moves 過誤納金 to refunds payable; 還付加算金 is an expense, also payable.
 */
final class LedgerAccounts {

    static final String OVERPAYMENT_LIABILITY = "OVERPAYMENT_LIABILITY";
    static final String SUSPENSE_RECEIPTS = "SUSPENSE_RECEIPTS";
    static final String ACQUIRER_FEE_EXPENSE = "ACQUIRER_FEE_EXPENSE";
    static final String REFUNDS_PAYABLE = "REFUNDS_PAYABLE";
    static final String REFUND_INTEREST_EXPENSE = "REFUND_INTEREST_EXPENSE";

    private LedgerAccounts() {
    }

    /** eLTAX transfers what it collected; the acquirer deposits the counter sales, less its fee. */
    static String receivable(Settlement settlement) {
        String source = settlement.paymentRef().value().substring(0, settlement.paymentRef().value().indexOf(':'));
        return switch (source) {
            case "eltax" -> "RECEIPTS_IN_TRANSIT:ELTAX";
            case "terminal", "acquirer" -> "RECEIPTS_IN_TRANSIT:ACQUIRER";
            default -> "RECEIPTS_IN_TRANSIT:" + source.toUpperCase(java.util.Locale.ROOT);
        };
    }

    static String revenue(Settlement settlement) {
        return "REVENUE:" + settlement.account() + ":" + settlement.revenueCode().orElseThrow();
    }
}
