package io.shuno.deadletters;

/** Where a dead letter stands. */
public enum DeadLetterStatus {
    /** Kept, waiting for an operator (or failed again after a replay, with its new reason). */
    OPEN,
    /** Put back on its source topic; intake has not read it again yet. */
    REPLAYING,
    /** Replayed and accepted by intake. */
    REPLAYED,
    /** Not to be replayed: an operator said why. */
    DISCARDED
}
