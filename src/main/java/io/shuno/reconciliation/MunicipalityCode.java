package io.shuno.reconciliation;

/**
 * 団体コード (JIS X 0402): two digits of prefecture, three of municipality and a check digit.
 * Construction verifies the check digit, so a code that exists in shuno is always well formed.
 */
public record MunicipalityCode(String value) {

    private static final int[] WEIGHTS = {6, 5, 4, 3, 2};

    public MunicipalityCode {
        if (!Digits.exactly(value, 6)) {
            throw new InvalidIdentifierException("団体コード must be 6 digits");
        }
        if (value.charAt(5) != checkDigit(value)) {
            throw new InvalidIdentifierException("団体コード " + value + " has a wrong check digit (expected "
                    + checkDigit(value) + ")");
        }
    }

    /** The 共通納税機関コード printed in eL番号 is the code without its check digit; this restores the full code. */
    public static MunicipalityCode ofInstitutionCode(String fiveDigits) {
        if (!Digits.exactly(fiveDigits, 5)) {
            throw new InvalidIdentifierException("共通納税機関コード must be 5 digits");
        }
        return new MunicipalityCode(fiveDigits + checkDigit(fiveDigits));
    }

    public String institutionCode() {
        return value.substring(0, 5);
    }

    /** The check digit of the first five digits of {@code digits}. */
    static char checkDigit(String digits) {
        int sum = 0;
        for (int i = 0; i < 5; i++) {
            sum += (digits.charAt(i) - '0') * WEIGHTS[i];
        }
        int check = (11 - sum % 11) % 10;
        return (char) ('0' + check);
    }

    // equals and hashCode written out, as the record's own would compute them: a hot map key, hashed for every
    // message, where the generated ones cost more than the comparison itself.
    @Override
    public boolean equals(Object other) {
        return other instanceof MunicipalityCode code && code.value.equals(value);
    }

    @Override
    public int hashCode() {
        return value.hashCode();
    }

    @Override
    public String toString() {
        return value;
    }
}
