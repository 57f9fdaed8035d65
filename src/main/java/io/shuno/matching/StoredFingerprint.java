package io.shuno.matching;

import java.util.Arrays;

/** A fingerprint as the inbox keeps it: the digest, and how it was made (column inbox.fingerprint_version). */
record StoredFingerprint(Version version, String digest) {

    enum Version {
        /** SHA-256 of the text of the Java record a message was read into: rows written before version 2. */
        RECORD_TEXT(1),
        /** SHA-256 of the canonical form of the message's contract content. */
        CANONICAL_CONTENT(2);

        final int number;

        Version(int number) {
            this.number = number;
        }

        static Version of(int number) {
            return Arrays.stream(values()).filter(version -> version.number == number).findFirst()
                    .orElseThrow(() -> new IllegalStateException("unknown inbox fingerprint version " + number));
        }
    }
}
