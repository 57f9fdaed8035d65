package io.shuno.reconciliation;

/**
 * Checks of text made of ASCII digits (identifiers, and the numbers in dates). Written as loops rather than patterns:
 * they run for every message and every row read back, and a regular expression's matcher costs more than the check.
 */
public final class Digits {

    private Digits() {
    }

    /** Whether {@code text} is exactly {@code length} ASCII digits. */
    public static boolean exactly(String text, int length) {
        return text != null && text.length() == length && all(text);
    }

    /** Whether every character of {@code text} is an ASCII digit (true for an empty text). */
    public static boolean all(String text) {
        return between(text, 0, text.length());
    }

    /** Whether the characters of {@code text} from {@code from} (inclusive) to {@code to} are all ASCII digits. */
    public static boolean between(String text, int from, int to) {
        for (int i = from; i < to; i++) {
            if (!isDigit(text.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    /** An ASCII digit: not a full-width or other Unicode digit, which {@link Character#isDigit} also accepts. */
    public static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }
}
