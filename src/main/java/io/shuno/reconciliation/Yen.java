package io.shuno.reconciliation;

/** Yen as staff read them: ¥1,234,567 is written 1,234,567円. */
final class Yen {

    private Yen() {
    }

    static String format(long amount) {
        return String.format("%,d円", amount);
    }
}
