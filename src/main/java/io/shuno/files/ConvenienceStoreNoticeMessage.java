package io.shuno.files;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.format.DateTimeFormatter;
import java.util.HexFormat;

/**
 * An agency's notice row as the canonical JSON of convenience-store-notice.schema.json. The payment is named by
 * what identifies it across its 速報, 確報 and 取消 rows — barcode, chain, store and 収納日時 — and the notice by that
 * and its stage, so the same row in another file, or read again after a restart, has the same noticeId.
 */
final class ConvenienceStoreNoticeMessage {

    private static final int HASH_DIGITS_IN_ID = 40;
    private static final DateTimeFormatter PAID_AT = DateTimeFormatter.ofPattern("uuuuMMddHHmm");

    private ConvenienceStoreNoticeMessage() {
    }

    /** {@code municipalityCode} is the 団体コード the barcode's agency client code is configured for. */
    static ObjectNode of(ObjectMapper json, DroppedFile file, ConvenienceStoreNoticeRow row, String municipalityCode) {
        String paymentId = "cvs:" + sha256(String.join("|", row.barcode().value(), row.chainCode(), row.storeCode(),
                row.paidAt().format(PAID_AT))).substring(0, HASH_DIGITS_IN_ID);
        ObjectNode message = json.createObjectNode()
                .put("noticeId", paymentId + ":" + row.kind().code())
                .put("paymentId", paymentId)
                .put("stage", row.kind().name())
                .put("municipalityCode", municipalityCode)
                .put("barcode", row.barcode().value())
                .put("paidAt", row.paidAt().atZone(FileReference.TOKYO).toOffsetDateTime()
                        .format(DateTimeFormatter.ISO_OFFSET_DATE_TIME))
                .put("amount", row.amount())
                .put("chainCode", row.chainCode());
        if (!row.chainName().isEmpty()) {
            message.put("chainName", row.chainName());
        }
        message.put("storeCode", row.storeCode());
        row.transferDate().ifPresent(date -> message.put("transferDate", date.toString()));
        message.put("createdOn", row.createdOn().toString());
        FileReference.put(message, file, row.lineNumber());
        return message;
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }
}
