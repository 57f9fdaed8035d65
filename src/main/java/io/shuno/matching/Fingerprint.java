package io.shuno.matching;

import java.util.Objects;

/**
 * What tells a redelivery from a conflicting duplicate: the digest of a message's canonical contract content (see
 * {@code io.shuno.intake.ContentIdentity}), and the digest shuno kept before it had one, to recognise the inbox
 * rows written then.
 */
public record Fingerprint(String canonical, String recordText) {

    public Fingerprint {
        Objects.requireNonNull(canonical);
        Objects.requireNonNull(recordText);
    }

    /** Whether a message handled before, under {@code stored}, had this content. */
    boolean matches(StoredFingerprint stored) {
        return switch (stored.version()) {
            case CANONICAL_CONTENT -> canonical.equals(stored.digest());
            case RECORD_TEXT -> recordText.equals(stored.digest());
        };
    }

    /** The form the inbox keeps from now on. */
    StoredFingerprint stored() {
        return new StoredFingerprint(StoredFingerprint.Version.CANONICAL_CONTENT, canonical);
    }
}
