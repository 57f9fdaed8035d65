package io.shuno.scenarios;

import com.fasterxml.jackson.databind.JsonNode;
import io.shuno.testsupport.ConvenienceStoreNoticeFiles;
import io.shuno.testsupport.Messages;
import io.shuno.testsupport.ShunoProcess;
import io.shuno.testsupport.ShunoUnderTest;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.jdbc.core.JdbcTemplate;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * An agency's 確報 file of a few thousand payments is being settled when shuno is killed (SIGKILL). After the restart
 * every payment is booked exactly once: the revenue adds up to the file's total, no payment has two revenue bookings,
 * and every settlement published is one of those (a settlement published twice is the same settlement).
 */
class TestConvenienceStoreFileSettledAcrossARestart {

    private static final int ROWS = 3_000;

    @RegisterExtension
    static final ShunoUnderTest shuno = new ShunoUnderTest()
            .with("shuno.files.poll-ms", 200).with("shuno.files.settle-ms", 200)
            .with("shuno.files.convenience-store.clients.13101", Messages.CHIYODA);

    @Test
    void aFileWhoseSettlingWasKilledIsBookedOnceAfterTheRestart() throws Exception {
        ShunoProcess first = shuno.startProcess("cvs");
        first.awaitHealthy(Duration.ofMinutes(3));
        JdbcTemplate database = shuno.database();
        List<String> barcodes = IntStream.rangeClosed(1, ROWS).mapToObj(n -> ConvenienceStoreNoticeFiles
                .barcode(String.format("%016d", 950_000 + n), amount(n)).value()).toList();
        for (int n = 1; n <= ROWS; n++) {
            shuno.kafka().sendAsync(shuno.topic("invoice-events"), "RS-" + n, Messages.with(
                    Messages.issued("RS-" + n, null, amount(n)), "convenienceBarcode", barcodes.get(n - 1)).toString());
        }
        shuno.kafka().flush();
        await().atMost(Duration.ofMinutes(3)).until(() -> database.queryForObject(
                "select count(*) from invoices where invoice_id like 'RS-%'", Long.class) == ROWS);

        Path folder = shuno.dropDir().resolve("convenience-store");
        Files.createDirectories(folder);
        ConvenienceStoreNoticeFiles.write(folder.resolve("KAKUHO-RS.csv"), IntStream.rangeClosed(1, ROWS)
                .mapToObj(n -> ConvenienceStoreNoticeFiles.row("02", "20260614", "1200", barcodes.get(n - 1), amount(n),
                        "020", "ローソン", "5555", "20260624", "20260622")).toList());
        await().atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofMillis(20)).until(() -> booked(database) > 0);
        first.kill();
        long beforeTheRestart = booked(database);
        assertThat(beforeTheRestart).as("the kill came while the file was being settled").isBetween(1L, ROWS - 1L);

        ShunoProcess second = shuno.startProcess("cvs");
        second.awaitHealthy(Duration.ofMinutes(3));
        await().atMost(Duration.ofMinutes(3)).until(() -> booked(database) == ROWS);

        long total = IntStream.rangeClosed(1, ROWS).mapToLong(TestConvenienceStoreFileSettledAcrossARestart::amount)
                .sum();
        assertThat(database.queryForObject("""
                select coalesce(sum(amount), 0) from settlements where kind = 'REVENUE' and invoice_id like 'RS-%'""",
                Long.class)).isEqualTo(total);
        assertThat(database.queryForObject("""
                select count(*) from (select payment_ref from settlements where invoice_id like 'RS-%'
                                      group by payment_ref having count(*) > 1) as twice""", Long.class))
                .as("no payment booked twice").isZero();
        assertThat(database.queryForObject("""
                select count(*) from invoices where invoice_id like 'RS-%' and status = 'PAID'""", Long.class))
                .isEqualTo(ROWS);

        Map<String, JsonNode> published = new HashMap<>();
        for (ConsumerRecord<String, byte[]> record : shuno.kafka().readAll(shuno.topic("settlements"),
                record -> record.key().startsWith("cvs:"), ROWS, Duration.ofMinutes(2), Duration.ofSeconds(2))) {
            JsonNode settlement = Messages.parse(record.value());
            published.put(settlement.get("settlementId").asText(), settlement);
        }
        assertThat(published).as("every booking published, each once by its id").hasSize(ROWS);
        assertThat(published.values().stream().mapToLong(s -> s.get("amount").asLong()).sum()).isEqualTo(total);
        assertThat(published.values()).allSatisfy(s -> {
            assertThat(s.get("channel").asText()).isEqualTo("CONVENIENCE_STORE");
            assertThat(s.get("convenienceStoreChain").asText()).isEqualTo("020");
        });
    }

    private static long amount(int n) {
        return 1_000 + n;
    }

    private static long booked(JdbcTemplate database) {
        return database.queryForObject("select count(*) from settlements where invoice_id like 'RS-%'", Long.class);
    }
}
