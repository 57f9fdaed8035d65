package io.shuno.reconciliation;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;

/**
 * The 255-character eL-QR payload printed on a slip (EMVCo merchant-presented TLV: two-digit tag, two-digit
 * length, value), decoded and checked. Layout after the domain primer, taken from public terminal code rather than
 * the official specification — provisional: tags 00, 01, 27 (sub-tags 00 = "13800", 01 = the 83-character payment
 * block), 54 (amount), 62 (years, installment, due and usable-until dates), 80 (reserved) and 63 (CRC, 5 decimal
 * digits of CRC-16/CCITT-FALSE over everything before the last five characters).
 */
public record ElQr(ElNumber elNumber, long slipAmount, int assessmentYear, int taxYear, String installmentCode,
                   LocalDate dueDate, LocalDate usableUntil) {

    public static final int LENGTH = 255;
    private static final String LTA_AGENCY = "13800";
    private static final DateTimeFormatter YYYYMMDD = DateTimeFormatter.BASIC_ISO_DATE;

    public static ElQr decode(String payload) {
        if (payload == null || payload.length() != LENGTH) {
            throw new InvalidElQrException("eL-QR payload must be " + LENGTH + " characters, got "
                    + (payload == null ? 0 : payload.length()));
        }
        int expected = Crc16CcittFalse.of(payload.substring(0, LENGTH - 5));
        Tlv tlv = new Tlv(payload);
        tlv.expect("00", "01");
        tlv.expect("01", "12");
        Tlv merchant = new Tlv(tlv.field("27", 96));
        merchant.expect("00", LTA_AGENCY);
        String block = merchant.field("01", 83);
        long slipAmount = digits(tlv.field("54", 11), "amount (tag 54)");
        String dates = tlv.field("62", 26);
        tlv.field("80", 85);
        String crc = tlv.field("63", 5);
        if (!tlv.atEnd() || !merchant.atEnd()) {
            throw new InvalidElQrException("eL-QR payload has data after its last field");
        }
        if (digits(crc, "CRC (tag 63)") != expected) {
            throw new InvalidElQrException("eL-QR CRC mismatch: the payload says " + crc + ", its content gives "
                    + String.format("%05d", expected));
        }
        if (!block.startsWith(LTA_AGENCY, 25)) {
            throw new InvalidElQrException("eL-QR payment block does not name the collecting agency " + LTA_AGENCY);
        }
        String itemCode = block.substring(31, 34);
        String caseKey = block.substring(41, 61);
        String confirmation = block.substring(61, 67);
        String institution = block.substring(68, 73);
        for (String part : new String[] {itemCode, caseKey, confirmation, institution}) {
            requireDigits(part, "eL番号 in the payment block");
        }
        return new ElQr(ElNumber.of(institution, caseKey, confirmation, itemCode), slipAmount,
                (int) digits(dates.substring(0, 4), "assessment year"), (int) digits(dates.substring(4, 8), "tax year"),
                dates.substring(8, 10), date(dates.substring(10, 18), "due date"),
                date(dates.substring(18, 26), "usable-until date"));
    }

    private static long digits(String value, String what) {
        requireDigits(value, what);
        return Long.parseLong(value);
    }

    private static void requireDigits(String value, String what) {
        if (value.isEmpty() || !Digits.all(value)) {
            throw new InvalidElQrException("eL-QR " + what + " is not numeric");
        }
    }

    private static LocalDate date(String value, String what) {
        try {
            return LocalDate.parse(value, YYYYMMDD);
        } catch (DateTimeParseException e) {
            throw new InvalidElQrException("eL-QR " + what + " is not a date");
        }
    }

    /** Reads two-digit tag, two-digit length, value — in the order the layout fixes. */
    private static final class Tlv {

        private final String text;
        private int position;

        Tlv(String text) {
            this.text = text;
        }

        String field(String tag, int length) {
            if (position + 4 > text.length() || !text.startsWith(tag, position)) {
                throw new InvalidElQrException("eL-QR layout: expected tag " + tag + " at position " + position);
            }
            String declared = text.substring(position + 2, position + 4);
            if (!declared.equals(String.format("%02d", length))) {
                throw new InvalidElQrException("eL-QR layout: tag " + tag + " must be " + length
                        + " characters long, declares " + declared);
            }
            int start = position + 4;
            if (start + length > text.length()) {
                throw new InvalidElQrException("eL-QR layout: tag " + tag + " runs past the end");
            }
            position = start + length;
            return text.substring(start, position);
        }

        void expect(String tag, String value) {
            String found = field(tag, value.length());
            if (!found.equals(value)) {
                throw new InvalidElQrException("eL-QR layout: tag " + tag + " must be " + value);
            }
        }

        boolean atEnd() {
            return position == text.length();
        }
    }
}
