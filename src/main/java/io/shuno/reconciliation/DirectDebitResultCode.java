package io.shuno.reconciliation;

import java.util.Arrays;

/**
 * 振替結果コード of a 全銀 口座振替 result record, with the words a treasury clerk uses for it. Only {@link #DEBITED}
 * moved money; every other code — including one the bank invented ({@link #UNKNOWN}) — leaves the invoice open for
 * a person to follow up (slip, reminder or retry).
 */
public enum DirectDebitResultCode {
    DEBITED('0', "振替済", "debited", true),
    INSUFFICIENT_FUNDS('1', "資金不足", "insufficient funds", false),
    NO_SUCH_ACCOUNT('2', "取引なし", "no such account", false),
    STOPPED_BY_PAYER('3', "振替停止", "stopped by the payer", false),
    NO_MANDATE('4', "依頼書なし", "no debit mandate on file", false),
    STOPPED_BY_MUNICIPALITY('8', "委託者都合", "stopped by the municipality", false),
    OTHER('9', "その他", "other reason", false),
    UNKNOWN('?', "不明な結果コード", "unknown result code", false);

    private final char code;
    private final String clerkWordsJa;
    private final String clerkWordsEn;
    private final boolean moneyMoved;

    DirectDebitResultCode(char code, String clerkWordsJa, String clerkWordsEn, boolean moneyMoved) {
        this.code = code;
        this.clerkWordsJa = clerkWordsJa;
        this.clerkWordsEn = clerkWordsEn;
        this.moneyMoved = moneyMoved;
    }

    /** The result of a record's 振替結果コード; a code the layout does not define is {@link #UNKNOWN}, never debited. */
    public static DirectDebitResultCode of(char code) {
        return Arrays.stream(values()).filter(result -> result != UNKNOWN && result.code == code).findFirst()
                .orElse(UNKNOWN);
    }

    /** The single character the bank writes (0–4, 8, 9); {@code ?} for {@link #UNKNOWN}. */
    public char code() {
        return code;
    }

    public String clerkWordsJa() {
        return clerkWordsJa;
    }

    public String clerkWordsEn() {
        return clerkWordsEn;
    }

    /** Whether the bank took the amount from the payer's account: only for 振替済. */
    public boolean moneyMoved() {
        return moneyMoved;
    }
}
