package io.shuno.operations;

/** What a replay job did with one of its dead letters (replay_job_items.outcome; none yet while pending). */
enum ReplayItemOutcome {
    /** Put back on its source topic. */
    SENT,
    /** Discarded meanwhile: not replayed. */
    SKIPPED,
    /** Replaying it failed on its own; the job went on with the others. */
    FAILED
}
