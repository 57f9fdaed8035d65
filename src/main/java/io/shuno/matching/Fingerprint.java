package io.shuno.matching;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Objects;

/**
 * What tells a redelivery from a conflicting duplicate: the digest of a message's canonical contract content (see
 * {@code io.shuno.intake.ContentIdentity}).
 */
public record Fingerprint(String canonical) {

    public Fingerprint {
        Objects.requireNonNull(canonical);
    }

    /**
     * Whether a message handled before, under {@code stored}, had this content. Inbox rows written before the
     * canonical form keep the digest of the text of the Java record the message was read into ({@code readContent}):
     * computed only for those rows, as few are left and a redelivery is rare.
     */
    boolean matches(StoredFingerprint stored, Object readContent) {
        return switch (stored.version()) {
            case CANONICAL_CONTENT -> canonical.equals(stored.digest());
            case RECORD_TEXT -> digestOfRecordText(readContent).equals(stored.digest());
        };
    }

    /** The form the inbox keeps from now on. */
    StoredFingerprint stored() {
        return new StoredFingerprint(StoredFingerprint.Version.CANONICAL_CONTENT, canonical);
    }

    /**
     * The fingerprint shuno kept before it had a canonical form: SHA-256 of the text of the Java record it read the
     * message into, as those records printed then. Invoice terms have listed their payment slips since; terms of
     * that time had none, and printed no {@code slips} at all. Any other change to those records must come with a
     * migration of the version-1 inbox rows.
     */
    public static String digestOfRecordText(Object readContent) {
        return digestOf(readContent.toString().replace(NO_SLIPS, "]"));
    }

    private static final String NO_SLIPS = ", slips=[]]";

    /** SHA-256 of the text's UTF-8 bytes, in hex. */
    public static String digestOf(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }
}
