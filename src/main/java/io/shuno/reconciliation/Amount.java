package io.shuno.reconciliation;

/**
 * An amount of money in whole yen, never negative: what an invoice asks, a payment brings, a settlement books. Sums
 * that would exceed what a long holds fail rather than wrap, and so does taking away more than there is; a signed
 * figure (how far two statements differ) is a {@link #difference} in yen, not an amount.
 */
public record Amount(long yen) implements Comparable<Amount> {

    public static final Amount ZERO = new Amount(0);

    public Amount {
        if (yen < 0) {
            throw new IllegalArgumentException("an amount of money must not be negative, got " + yen);
        }
    }

    public static Amount of(long yen) {
        return yen == 0 ? ZERO : new Amount(yen);
    }

    /** This amount, refused when it is nothing: {@code what} names it, as in "a payment amount". */
    public Amount requirePositive(String what) {
        if (yen == 0) {
            throw new IllegalArgumentException(what + " must be positive");
        }
        return this;
    }

    /** @throws ArithmeticException when the sum exceeds what a long holds */
    public Amount plus(Amount other) {
        return new Amount(Math.addExact(yen, other.yen));
    }

    /** @throws IllegalArgumentException when {@code other} is more than this */
    public Amount minus(Amount other) {
        return new Amount(yen - other.yen);
    }

    /** What is left of this once {@code other} is taken, or nothing when {@code other} is as much or more. */
    public Amount minusAtMost(Amount other) {
        return yen > other.yen ? new Amount(yen - other.yen) : ZERO;
    }

    /** By how many yen this exceeds {@code other}: negative when it falls short. */
    public long difference(Amount other) {
        return yen - other.yen;
    }

    public Amount min(Amount other) {
        return yen <= other.yen ? this : other;
    }

    public boolean isZero() {
        return yen == 0;
    }

    public boolean isPositive() {
        return yen > 0;
    }

    public boolean isLessThan(Amount other) {
        return yen < other.yen;
    }

    public boolean isGreaterThan(Amount other) {
        return yen > other.yen;
    }

    /**
     * The bare number of yen, as a {@code long} field printed: the text of a record holding amounts stays what it was
     * (inbox rows of fingerprint version 1 are digests of an EltaxNotice's text).
     */
    @Override
    public String toString() {
        return Long.toString(yen);
    }

    @Override
    public int compareTo(Amount other) {
        return Long.compare(yen, other.yen);
    }
}
