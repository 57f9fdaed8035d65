package io.shuno.intake;

import com.fasterxml.jackson.databind.JsonNode;

/** How one input topic's messages are validated and read into shuno's terms. */
interface RecordFormat<T> {

    /** The schema in schemas/ that every record must satisfy, e.g. "eltax-notice". */
    String schemaName();

    /** The business key that makes redeliveries recognisable. */
    String messageId(JsonNode document);

    /** Reads a schema-valid document; identifier and payload errors are rejections, never crashes. */
    T read(Fields fields) throws RejectedRecordException;
}
