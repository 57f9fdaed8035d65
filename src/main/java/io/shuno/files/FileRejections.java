package io.shuno.files;

import io.shuno.deadletters.RejectedFiles;
import org.apache.camel.Exchange;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.ByteBuffer;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * What happens to a file refused whole (shared error handling calls it for a {@link FileRejectedException}): a
 * reason file {@code <name>.reason.txt} in .error/ (Japanese first, then English), a dead letter operators see in
 * the API and on the dashboard, and the file itself moved to .error/ when the exchange completes. Nothing of it
 * was published.
 */
@Component("fileRejections")
public class FileRejections {

    private static final Logger log = LoggerFactory.getLogger(FileRejections.class);

    private final RejectedFiles rejectedFiles;

    FileRejections(RejectedFiles rejectedFiles) {
        this.rejectedFiles = rejectedFiles;
    }

    public void refuse(Exchange exchange) {
        DroppedFile file = exchange.getProperty(FileRoutes.DROPPED_FILE, DroppedFile.class);
        FileRejectedException rejection = exchange.getProperty(Exchange.EXCEPTION_CAUGHT, FileRejectedException.class);
        String topic = exchange.getProperty(FileRoutes.TOPIC, String.class);
        log.warn("File {} refused, nothing published: {}", file.name(), rejection.reasonEn());
        writeReasonFile(file, rejection);
        rejectedFiles.keep(topic, file.name(), file.contentHash(), identityNumber(file),
                "ファイル " + file.name() + ": " + rejection.reason());
        exchange.setProperty(FileRoutes.DESTINATION, FileRoutes.ERROR_FOLDER);
    }

    private static void writeReasonFile(DroppedFile file, FileRejectedException rejection) {
        Path errors = file.path().resolveSibling(FileRoutes.ERROR_FOLDER);
        String text = "このファイルは受け付けられませんでした。行はひとつも送信されていません。\r\n"
                + "理由: " + rejection.reasonJa() + "\r\n"
                + "訂正したファイルを元のフォルダに置き直してください。\r\n\r\n"
                + "This file was refused; none of its rows was published.\r\n"
                + "Reason: " + rejection.reasonEn() + "\r\n"
                + "Drop the corrected file into its folder again.\r\n"
                + "SHA-256: " + file.contentHash() + "\r\n";
        try {
            Files.createDirectories(errors);
            Files.writeString(errors.resolve(file.name() + ".reason.txt"), text, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A positive number that tells this file (content and name) from any other, standing in for a Kafka offset. */
    private static long identityNumber(DroppedFile file) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(file.identity().getBytes(StandardCharsets.UTF_8));
            return ByteBuffer.wrap(digest).getLong() & Long.MAX_VALUE;
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }
}
