package io.shuno.reconciliation;

/** 会計: the fund an invoice's revenue belongs to. */
public enum Account {
    GENERAL(true), NHI(true), LTC(true), LATE_ELDERLY(true), WATER(false), SEWERAGE(false);

    private final boolean hasClosingPeriod;

    Account(boolean hasClosingPeriod) {
        this.hasClosingPeriod = hasClosingPeriod;
    }

    /** Public-enterprise accounts (water, sewerage) have no 出納整理期間. */
    public boolean hasClosingPeriod() {
        return hasClosingPeriod;
    }
}
