package io.shuno.reconciliation;

import java.time.LocalDate;
import java.util.Optional;

/**
 * The 44 digits of a コンビニ収納 slip's GS1-128 barcode (AI 91): 請求書発行企業コード, 自由使用欄, 再発行区分,
 * 支払期限, 印紙フラグ, 金額 and a check digit. The check digit is verified here, so a barcode that exists as a value
 * was printed by someone who knew the rule: a mistyped or truncated one never finds an invoice.
 */
public record ConvenienceBarcode(String value) {

    public static final int LENGTH = 44;
    private static final String APPLICATION_IDENTIFIER = "91";
    private static final String NO_DUE_DATE = "999999";

    public ConvenienceBarcode {
        if (!Digits.exactly(value, LENGTH)) {
            throw new InvalidIdentifierException("convenience-store barcode must be " + LENGTH + " digits");
        }
        if (!value.startsWith(APPLICATION_IDENTIFIER)) {
            throw new InvalidIdentifierException("convenience-store barcode must start with AI 91");
        }
        int expected = checkDigit(value.substring(0, LENGTH - 1));
        if (value.charAt(LENGTH - 1) - '0' != expected) {
            throw new InvalidIdentifierException("convenience-store barcode check digit must be " + expected);
        }
    }

    /** The barcode as printed: 43 digits and the check digit computed over them. */
    public static ConvenienceBarcode withCheckDigit(String firstDigits) {
        if (!Digits.exactly(firstDigits, LENGTH - 1)) {
            throw new InvalidIdentifierException("a barcode without its check digit must be " + (LENGTH - 1) + " digits");
        }
        return new ConvenienceBarcode(firstDigits + checkDigit(firstDigits));
    }

    /**
     * GS1 modulus 10: weights 3, 1, 3, 1 … counted from the right of the digits before the check digit, so the
     * rightmost of them weighs 3; the check brings the weighted sum up to a multiple of ten.
     */
    public static int checkDigit(String digits) {
        int sum = 0;
        for (int fromRight = 0; fromRight < digits.length(); fromRight++) {
            int digit = digits.charAt(digits.length() - 1 - fromRight) - '0';
            sum += fromRight % 2 == 0 ? 3 * digit : digit;
        }
        return (10 - sum % 10) % 10;
    }

    /** 請求書発行企業コード: the agency's or the biller's code (positions 3–8). */
    public String billerCode() {
        return value.substring(2, 8);
    }

    /** 自由使用欄 (positions 9–29): the agency's client (municipality) code first, then the biller's own key. */
    public String freeField() {
        return value.substring(8, 29);
    }

    /** The agency's code for its client, the municipality: the first five digits of the free field. */
    public String clientCode() {
        return value.substring(8, 13);
    }

    /** The biller's own key: the free field after the client code. */
    public String billerKey() {
        return value.substring(13, 29);
    }

    /** 再発行区分: 0 for the first issue, counting up with each reissued slip. */
    public int reissue() {
        return value.charAt(29) - '0';
    }

    /** 支払期限 (YYMMDD, years 2000–2099), empty when the slip has none (999999). */
    public Optional<LocalDate> payableUntil() {
        String yymmdd = value.substring(30, 36);
        if (NO_DUE_DATE.equals(yymmdd)) {
            return Optional.empty();
        }
        try {
            return Optional.of(LocalDate.of(2000 + Integer.parseInt(yymmdd.substring(0, 2)),
                    Integer.parseInt(yymmdd.substring(2, 4)), Integer.parseInt(yymmdd.substring(4, 6))));
        } catch (java.time.DateTimeException e) {
            throw new InvalidIdentifierException("convenience-store barcode 支払期限 is not a date");
        }
    }

    /** 印紙フラグ: always 0 for public money. */
    public int stampFlag() {
        return value.charAt(36) - '0';
    }

    /** 金額 in yen as the slip states it (at most 999,999; agencies print no barcode above ¥300,000). */
    public long amount() {
        return Long.parseLong(value.substring(37, 43));
    }

    @Override
    public String toString() {
        return value;
    }
}
