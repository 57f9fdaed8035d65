package io.shuno.ledger;

/** One line of a double entry. */
record LedgerEntry(Side side, String ledgerAccount, long amount) {

    enum Side { DEBIT, CREDIT }

    LedgerEntry swapped() {
        return new LedgerEntry(side == Side.DEBIT ? Side.CREDIT : Side.DEBIT, ledgerAccount, amount);
    }
}
