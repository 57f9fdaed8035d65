package io.shuno.reconciliation;

import java.util.regex.Pattern;

/**
 * 団体コード (JIS X 0402): two digits of prefecture, three of municipality and a check digit.
 * Construction verifies the check digit, so a code that exists in shuno is always well formed.
 */
public record MunicipalityCode(String value) {

    private static final Pattern SIX_DIGITS = Pattern.compile("\\d{6}");
    private static final Pattern FIVE_DIGITS = Pattern.compile("\\d{5}");
    private static final int[] WEIGHTS = {6, 5, 4, 3, 2};

    public MunicipalityCode {
        if (value == null || !SIX_DIGITS.matcher(value).matches()) {
            throw new InvalidIdentifierException("団体コード must be 6 digits");
        }
        if (value.charAt(5) != checkDigit(value.substring(0, 5))) {
            throw new InvalidIdentifierException("団体コード " + value + " has a wrong check digit (expected "
                    + checkDigit(value.substring(0, 5)) + ")");
        }
    }

    /** The 共通納税機関コード printed in eL番号 is the code without its check digit; this restores the full code. */
    public static MunicipalityCode ofInstitutionCode(String fiveDigits) {
        if (fiveDigits == null || !FIVE_DIGITS.matcher(fiveDigits).matches()) {
            throw new InvalidIdentifierException("共通納税機関コード must be 5 digits");
        }
        return new MunicipalityCode(fiveDigits + checkDigit(fiveDigits));
    }

    public String institutionCode() {
        return value.substring(0, 5);
    }

    static char checkDigit(String fiveDigits) {
        int sum = 0;
        for (int i = 0; i < 5; i++) {
            sum += (fiveDigits.charAt(i) - '0') * WEIGHTS[i];
        }
        int check = (11 - sum % 11) % 10;
        return (char) ('0' + check);
    }

    @Override
    public String toString() {
        return value;
    }
}
