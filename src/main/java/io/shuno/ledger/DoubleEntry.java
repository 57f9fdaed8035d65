package io.shuno.ledger;

import io.shuno.reconciliation.Settlement;
import io.shuno.reconciliation.SettlementKind;

import java.util.List;

/**
 * Turns a settlement into balanced debit and credit lines; a reversal mirrors the lines of what it reverses (a refund
 * names the overpayment it clears, but has lines of its own).
 */
final class DoubleEntry {

    private DoubleEntry() {
    }

    static List<LedgerEntry> of(Settlement settlement, Settlement reversed) {
        List<LedgerEntry> entries = settlement.kind() == SettlementKind.REVERSAL
                ? linesOf(reversed, settlement.amount().yen()).stream().map(LedgerEntry::swapped).toList()
                : linesOf(settlement, settlement.amount().yen());
        long debits = sum(entries, LedgerEntry.Side.DEBIT);
        if (debits != sum(entries, LedgerEntry.Side.CREDIT) || debits != settlement.amount().yen()) {
            throw new IllegalStateException("unbalanced entries for settlement " + settlement.settlementId());
        }
        return entries;
    }

    private static List<LedgerEntry> linesOf(Settlement settlement, long amount) {
        String receivable = LedgerAccounts.receivable(settlement);
        return switch (settlement.kind()) {
            case REVENUE -> lines(receivable, LedgerAccounts.revenue(settlement), amount);
            case OVERPAYMENT -> lines(receivable, LedgerAccounts.OVERPAYMENT_LIABILITY, amount);
            case SUSPENSE -> lines(receivable, LedgerAccounts.SUSPENSE_RECEIPTS, amount);
            // The acquirer keeps its fee: the receivable shrinks to what it deposits, and the fee is an expense.
            case FEE -> lines(LedgerAccounts.ACQUIRER_FEE_EXPENSE, receivable, amount);
            // A refund ends the 過誤納金 liability: the money is now owed to the payer through the payment system.
            case REFUND -> lines(LedgerAccounts.OVERPAYMENT_LIABILITY, LedgerAccounts.REFUNDS_PAYABLE, amount);
            case REFUND_INTEREST -> lines(LedgerAccounts.REFUND_INTEREST_EXPENSE, LedgerAccounts.REFUNDS_PAYABLE, amount);
            case REVERSAL -> throw new IllegalStateException("a reversal is not reversed again");
        };
    }

    private static List<LedgerEntry> lines(String debit, String credit, long amount) {
        return List.of(new LedgerEntry(LedgerEntry.Side.DEBIT, debit, amount),
                new LedgerEntry(LedgerEntry.Side.CREDIT, credit, amount));
    }

    private static long sum(List<LedgerEntry> entries, LedgerEntry.Side side) {
        long sum = 0;
        for (LedgerEntry entry : entries) {
            if (entry.side() == side) {
                sum += entry.amount();
            }
        }
        return sum;
    }
}
