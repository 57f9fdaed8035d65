package io.shuno.operations;

/**
 * Where a bulk replay stands. RUNNING until every dead letter it fixed at its start has been handled — also while
 * its process is down: the next instance to start (or any live one, within a minute) resumes it. FINISHED when all
 * were handled. INTERRUPTED only for jobs that a process left running before jobs could resume.
 */
public enum ReplayJobStatus {
    RUNNING,
    FINISHED,
    INTERRUPTED
}
