package io.shuno.files;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.shuno.platform.ShunoProperties;
import org.apache.camel.ExchangeProperty;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.Map;
import java.util.function.Consumer;

/**
 * The route file-convenience-store's work on one agency notification file: read it once to check every row (and that
 * every barcode's agency client code is a configured municipality's), then once more to publish each row on the
 * convenience-store notices topic, keyed by barcode, and wait until all are acknowledged.
 */
@Component("convenienceStoreFiles")
public class ConvenienceStoreFiles {

    private static final Logger log = LoggerFactory.getLogger(ConvenienceStoreFiles.class);

    private final AcknowledgedSends sends;
    private final ObjectMapper json;
    private final Map<String, String> municipalities;
    private final String topic;

    ConvenienceStoreFiles(AcknowledgedSends sends, ObjectMapper json, FilesProperties files,
                          ShunoProperties properties) {
        this.sends = sends;
        this.json = json;
        this.municipalities = files.convenienceStore().clients();
        this.topic = properties.topics().convenienceStoreNotices();
    }

    public void publish(@ExchangeProperty(FileRoutes.DROPPED_FILE) DroppedFile file) {
        long started = System.nanoTime();
        ConvenienceStoreNoticeFile.Totals totals = read(file, this::municipalityOf);
        AcknowledgedSends.Batch batch = sends.batch(topic);
        read(file, row -> {
            try {
                batch.send(row.barcode().value(), json.writeValueAsBytes(
                        ConvenienceStoreNoticeMessage.of(json, file, row, municipalityOf(row))));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
        batch.awaitAcknowledged();
        log.info("Convenience-store notice file {}: {} rows published in {} ms (速報 {} yen, 確報 {} yen, 取消 {} yen)",
                file.name(), totals.rows(), (System.nanoTime() - started) / 1_000_000, totals.preliminaryAmount(),
                totals.confirmedAmount(), totals.cancelledAmount());
    }

    private String municipalityOf(ConvenienceStoreNoticeRow row) {
        String client = row.barcode().clientCode();
        String municipality = municipalities.get(client);
        if (municipality == null) {
            throw new FileRejectedException("収納代行会社の委託者コード " + client + " (バーコード 自由使用欄の先頭5桁) "
                    + "がどの団体のものか設定されていません（shuno.files.convenience-store.clients）",
                    "agency client code " + client + " (the first 5 digits of the barcode's free field) is not"
                            + " configured as any municipality's (shuno.files.convenience-store.clients)");
        }
        return municipality;
    }

    private static ConvenienceStoreNoticeFile.Totals read(DroppedFile file, Consumer<ConvenienceStoreNoticeRow> rows) {
        try (InputStream in = Files.newInputStream(file.path())) {
            return ConvenienceStoreNoticeFile.read(in, rows);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
