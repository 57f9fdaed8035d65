package io.shuno.reconciliation;

/** 現年度分 (CURRENT) or 滞納繰越分 (ARREARS). */
public enum YearClass {
    CURRENT, ARREARS
}
