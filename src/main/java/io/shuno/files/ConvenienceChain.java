package io.shuno.files;

import java.util.Map;
import java.util.Optional;

/**
 * コンビニ本部コード the agencies use, with the names staff know the chains by; app payments (au PAY, d払い, PayPay)
 * come through the same channel under codes of their own. A code not listed here keeps the name the agency wrote.
 */
public final class ConvenienceChain {

    private static final Map<String, String> NAMES = Map.of(
            "010", "セブン-イレブン",
            "020", "ローソン",
            "030", "ファミリーマート",
            "050", "ヤマザキ",
            "080", "ミニストップ",
            "760", "セイコーマート",
            "780", "au PAY",
            "800", "d払い",
            "820", "PayPay");

    private ConvenienceChain() {
    }

    public static Optional<String> knownName(String chainCode) {
        return Optional.ofNullable(NAMES.get(chainCode));
    }
}
