package io.shuno.files;

import com.fasterxml.jackson.databind.node.ObjectNode;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

/** The "file" object of every published row: which file, which record, and when the file arrived. */
final class FileReference {

    static final ZoneId TOKYO = ZoneId.of("Asia/Tokyo");

    private FileReference() {
    }

    static void put(ObjectNode message, DroppedFile file, int recordNumber) {
        message.putObject("file")
                .put("name", file.name())
                .put("contentHash", file.contentHash())
                .put("recordNumber", recordNumber)
                .put("receivedAt", file.receivedAt().atZone(TOKYO).toOffsetDateTime()
                        .format(DateTimeFormatter.ISO_OFFSET_DATE_TIME));
    }
}
