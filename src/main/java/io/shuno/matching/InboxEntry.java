package io.shuno.matching;

/** One row of the inbox: a message that has been handled. */
record InboxEntry(String source, String messageId, StoredFingerprint fingerprint, RecordPosition position) {
}
