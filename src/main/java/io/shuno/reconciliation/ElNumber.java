package io.shuno.reconciliation;

/**
 * eL番号: 共通納税機関コード (5) + 案件特定キー (20) + 確認番号 (6) + 税目・料金番号 (3), printed on every eL-QR slip.
 * It is the only reference an eLTAX payment carries back, so it is how payments find their invoice.
 * <p>
 * A value type like the others, written as a class only to keep its municipality: every payment asks for it several
 * times (to find, lock and check its invoice), and restoring the check digit each time showed in profiles.
 */
public final class ElNumber {

    public static final int LENGTH = 34;

    private final String value;
    private final MunicipalityCode municipality;

    public ElNumber(String value) {
        if (!Digits.exactly(value, LENGTH)) {
            throw new InvalidIdentifierException("eL番号 must be " + LENGTH + " digits");
        }
        this.value = value;
        this.municipality = MunicipalityCode.ofInstitutionCode(value.substring(0, 5));
    }

    public static ElNumber of(String institutionCode, String caseKey, String confirmationNumber, String itemCode) {
        if (institutionCode.length() != 5 || caseKey.length() != 20 || confirmationNumber.length() != 6
                || itemCode.length() != 3) {
            throw new InvalidIdentifierException("eL番号 parts must be 5, 20, 6 and 3 digits long");
        }
        return new ElNumber(institutionCode + caseKey + confirmationNumber + itemCode);
    }

    public String value() {
        return value;
    }

    /** The municipality that issued the slip, with its check digit restored. */
    public MunicipalityCode municipality() {
        return municipality;
    }

    public String caseKey() {
        return value.substring(5, 25);
    }

    public String confirmationNumber() {
        return value.substring(25, 31);
    }

    public String itemCode() {
        return value.substring(31, 34);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof ElNumber el && el.value.equals(value);
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
