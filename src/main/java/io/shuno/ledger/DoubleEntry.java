package io.shuno.ledger;

import io.shuno.reconciliation.Settlement;
import io.shuno.reconciliation.SettlementKind;

import java.util.List;

/** Turns a settlement into balanced debit and credit lines; a reversal mirrors the lines of what it reverses. */
final class DoubleEntry {

    private DoubleEntry() {
    }

    static List<LedgerEntry> of(Settlement settlement, Settlement reversed) {
        List<LedgerEntry> entries = settlement.kind() == SettlementKind.REVERSAL
                ? linesOf(reversed, settlement.amount()).stream().map(LedgerEntry::swapped).toList()
                : linesOf(settlement, settlement.amount());
        long debits = sum(entries, LedgerEntry.Side.DEBIT);
        if (debits != sum(entries, LedgerEntry.Side.CREDIT) || debits != settlement.amount()) {
            throw new IllegalStateException("unbalanced entries for settlement " + settlement.settlementId());
        }
        return entries;
    }

    private static List<LedgerEntry> linesOf(Settlement settlement, long amount) {
        String credit = switch (settlement.kind()) {
            case REVENUE -> LedgerAccounts.revenue(settlement);
            case OVERPAYMENT -> LedgerAccounts.OVERPAYMENT_LIABILITY;
            case SUSPENSE -> LedgerAccounts.SUSPENSE_RECEIPTS;
            case REVERSAL -> throw new IllegalStateException("a reversal is not reversed again");
        };
        return List.of(new LedgerEntry(LedgerEntry.Side.DEBIT, LedgerAccounts.receivable(settlement), amount),
                new LedgerEntry(LedgerEntry.Side.CREDIT, credit, amount));
    }

    private static long sum(List<LedgerEntry> entries, LedgerEntry.Side side) {
        return entries.stream().filter(e -> e.side() == side).mapToLong(LedgerEntry::amount).sum();
    }
}
