package io.shuno.deadletters;

/** Why a record was dead-lettered, as named in the dead-letter headers of the contract. */
public enum RejectionClass {
    /** The bytes are not a JSON document: not UTF-8, malformed, a key twice, or beyond the parser's limits. */
    NOT_JSON,
    /** Valid JSON that breaks the message's schema: a missing field, a wrong type, an unknown value. */
    SCHEMA_VIOLATION,
    /** A 団体コード, eL番号 or other identifier that is well shaped but wrong (check digit, belongs elsewhere). */
    INVALID_IDENTIFIER,
    /** Schema-valid but impossible: a date that does not exist, amounts that cannot be, a control character. */
    INVALID_PAYLOAD,
    /**
     * Read without fault, but applying it fails in the domain or the database for a reason that is not an outage:
     * its batch was split until this record alone failed, and the others were applied.
     */
    APPLY_FAILED,
    /**
     * A whole file from a drop folder was refused before any of its rows was published: not a Kafka record, so it
     * cannot be replayed; the corrected file is dropped again.
     */
    FILE_REJECTED
}
