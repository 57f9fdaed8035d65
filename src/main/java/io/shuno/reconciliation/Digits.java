package io.shuno.reconciliation;

/**
 * Checks of identifiers made of ASCII digits. Written as loops rather than patterns: identifiers are built for every
 * message and every row read back, and a regular expression's matcher costs more than the check itself.
 */
final class Digits {

    private Digits() {
    }

    /** Whether {@code text} is exactly {@code length} ASCII digits. */
    static boolean exactly(String text, int length) {
        return text != null && text.length() == length && all(text);
    }

    /** Whether every character of {@code text} is an ASCII digit (true for an empty text). */
    static boolean all(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < '0' || c > '9') {
                return false;
            }
        }
        return true;
    }
}
