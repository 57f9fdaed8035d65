package io.shuno.files;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * A 口座振替 result row as the canonical JSON of direct-debit-result.schema.json. Its resultId is the file's
 * content hash and the record's number: the same file read again (a restart mid-file) gives the same ids. Neither
 * the payer's name nor the account number is written.
 */
final class DirectDebitResultMessage {

    private static final int HASH_DIGITS_IN_ID = 32;

    private DirectDebitResultMessage() {
    }

    static ObjectNode of(ObjectMapper json, DroppedFile file, DirectDebitResultRow row, String municipalityCode) {
        ObjectNode message = json.createObjectNode()
                .put("resultId", "dd:" + file.contentHash().substring(0, HASH_DIGITS_IN_ID) + ":" + row.recordNumber())
                .put("municipalityCode", municipalityCode)
                .put("consignorCode", row.consignorCode())
                .put("customerNumber", row.customerNumber())
                .put("debitDate", row.debitDate().toString())
                .put("amount", row.amount())
                .put("resultCode", String.valueOf(row.resultCode()))
                .put("result", row.result().name())
                .put("bankCode", row.bankCode())
                .put("branchCode", row.branchCode());
        FileReference.put(message, file, row.recordNumber());
        return message;
    }
}
