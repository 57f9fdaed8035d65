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
import java.time.LocalDate;
import java.util.Map;
import java.util.function.Consumer;

/**
 * The route file-direct-debit's work on one 全銀 口座振替 result file: read it once to check it whole (layout, order,
 * trailers, and that every 委託者コード is a configured municipality's), then once more to publish each data record
 * on the direct-debit results topic, keyed by 顧客番号, and wait until all are acknowledged.
 */
@Component("directDebitFiles")
public class DirectDebitFiles {

    private static final Logger log = LoggerFactory.getLogger(DirectDebitFiles.class);

    private final AcknowledgedSends sends;
    private final ObjectMapper json;
    private final Map<String, String> municipalities;
    private final String topic;

    DirectDebitFiles(AcknowledgedSends sends, ObjectMapper json, FilesProperties files, ShunoProperties properties) {
        this.sends = sends;
        this.json = json;
        this.municipalities = files.directDebit().consignors();
        this.topic = properties.topics().directDebitResults();
    }

    public void publish(@ExchangeProperty(FileRoutes.DROPPED_FILE) DroppedFile file) {
        long started = System.nanoTime();
        LocalDate arrival = file.receivedAt().atZone(FileReference.TOKYO).toLocalDate();
        DirectDebitResultFile.Totals totals = read(file, arrival, row -> municipalityOf(row.consignorCode()));
        AcknowledgedSends.Batch batch = sends.batch(topic);
        read(file, arrival, row -> batch.send(row.customerNumber(), bytes(
                DirectDebitResultMessage.of(json, file, row, municipalityOf(row.consignorCode())))));
        batch.awaitAcknowledged();
        log.info("Direct-debit result file {}: {} results in {} group(s) published in {} ms, {} debited for {} yen",
                file.name(), totals.records(), totals.groups(), (System.nanoTime() - started) / 1_000_000,
                totals.debited(), totals.debitedAmount());
    }

    private String municipalityOf(String consignorCode) {
        String municipality = municipalities.get(consignorCode);
        if (municipality == null) {
            throw new FileRejectedException("委託者コード " + consignorCode + " がどの団体のものか設定されていません"
                    + "（shuno.files.direct-debit.consignors）",
                    "consignor code " + consignorCode + " is not configured as any municipality's"
                            + " (shuno.files.direct-debit.consignors)");
        }
        return municipality;
    }

    private byte[] bytes(Object message) {
        try {
            return json.writeValueAsBytes(message);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static DirectDebitResultFile.Totals read(DroppedFile file, LocalDate arrival,
                                                     Consumer<DirectDebitResultRow> rows) {
        try (InputStream in = Files.newInputStream(file.path())) {
            return DirectDebitResultFile.read(in, arrival, rows);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
