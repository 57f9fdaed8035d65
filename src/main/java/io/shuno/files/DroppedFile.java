package io.shuno.files;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;

/**
 * A file as it lies in a drop folder: its name, the SHA-256 of its bytes and when it arrived (its last-modified
 * time). Name and hash together say whether it was taken before; the hash also makes every row's id deterministic,
 * so a file read again after a crash publishes the very same records.
 */
public record DroppedFile(Path path, String name, String contentHash, Instant receivedAt) {

    /** Reads the file once to hash it, in small chunks whatever its size. */
    public static DroppedFile at(Path path) {
        try (InputStream in = new DigestInputStream(Files.newInputStream(path), sha256())) {
            in.transferTo(OutputStream.nullOutputStream());
            String hash = HexFormat.of().formatHex(((DigestInputStream) in).getMessageDigest().digest());
            return new DroppedFile(path, path.getFileName().toString(), hash,
                    Files.getLastModifiedTime(path).toInstant());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** What the idempotent repository remembers: the same name with the same content is the same file. */
    public String identity() {
        return contentHash + ":" + name;
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }

}
