package io.shuno.reconciliation;

/**
 * eL番号: 共通納税機関コード (5) + 案件特定キー (20) + 確認番号 (6) + 税目・料金番号 (3), printed on every eL-QR slip.
 * It is the only reference an eLTAX payment carries back, so it is how payments find their invoice.
 */
public record ElNumber(String value) {

    public static final int LENGTH = 34;

    public ElNumber {
        if (!Digits.exactly(value, LENGTH)) {
            throw new InvalidIdentifierException("eL番号 must be " + LENGTH + " digits");
        }
    }

    public static ElNumber of(String institutionCode, String caseKey, String confirmationNumber, String itemCode) {
        if (institutionCode.length() != 5 || caseKey.length() != 20 || confirmationNumber.length() != 6
                || itemCode.length() != 3) {
            throw new InvalidIdentifierException("eL番号 parts must be 5, 20, 6 and 3 digits long");
        }
        return new ElNumber(institutionCode + caseKey + confirmationNumber + itemCode);
    }

    /** The municipality that issued the slip, with its check digit restored. */
    public MunicipalityCode municipality() {
        return MunicipalityCode.ofInstitutionCode(value.substring(0, 5));
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
    public String toString() {
        return value;
    }
}
