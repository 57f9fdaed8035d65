package io.shuno.testsupport;

import java.nio.charset.StandardCharsets;

/**
 * Builds eL-QR payloads in the layout of the domain primer, for tests: the same TLV fields a slip printer writes,
 * with the CRC computed independently of the production decoder.
 */
public final class ElQrPayloads {

    private ElQrPayloads() {
    }

    /** A slip for eL番号 parts, amount and dates (yyyyMMdd); reserved and check fields are filled with digits. */
    public static String slip(String institution, String caseKey, String confirmation, String itemCode, long amount,
                              String dueDate, String usableUntil) {
        String block = "12" + "00000000001" + String.format("%011d", amount) + "0" + "13800" + "0" + itemCode
                + "00000" + "34" + caseKey + confirmation + "1" + institution + "001" + "0000000";
        String merchant = tlv("00", "13800") + tlv("01", block);
        String body = tlv("00", "01") + tlv("01", "12") + tlv("27", merchant) + tlv("54", String.format("%011d", amount))
                + tlv("62", dueDate.substring(0, 4) + dueDate.substring(0, 4) + "01" + dueDate + usableUntil)
                + tlv("80", "0".repeat(85)) + "6305";
        return body + String.format("%05d", crc(body));
    }

    /** The eL番号 of a slip: institution + case key + confirmation + item code. */
    public static String slipFor(String elNumber, long amount) {
        return slip(elNumber.substring(0, 5), elNumber.substring(5, 25), elNumber.substring(25, 31),
                elNumber.substring(31, 34), amount, "20260630", "20260731");
    }

    private static String tlv(String tag, String value) {
        return tag + String.format("%02d", value.length()) + value;
    }

    /** CRC-16/CCITT-FALSE, bit by bit as the standard defines it. */
    public static int crc(String text) {
        int crc = 0xFFFF;
        for (byte b : text.getBytes(StandardCharsets.UTF_8)) {
            for (int i = 7; i >= 0; i--) {
                boolean bit = ((b >> i) & 1) == 1;
                boolean top = (crc & 0x8000) != 0;
                crc = (crc << 1) & 0xFFFF;
                if (top ^ bit) {
                    crc ^= 0x1021;
                }
            }
        }
        return crc;
    }
}
