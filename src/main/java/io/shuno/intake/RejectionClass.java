package io.shuno.intake;

/** Why a record was dead-lettered, as named in the dead-letter headers of the contract. */
public enum RejectionClass {
    /** The bytes are not a JSON document. */
    NOT_JSON,
    /** Valid JSON that breaks the message's schema: a missing field, a wrong type, an unknown value. */
    SCHEMA_VIOLATION,
    /** A 団体コード, eL番号 or other identifier that is well shaped but wrong (check digit, belongs elsewhere). */
    INVALID_IDENTIFIER,
    /** Schema-valid but impossible: a date that does not exist, amounts that cannot be. */
    INVALID_PAYLOAD
}
