package io.shuno.scenarios;

import com.fasterxml.jackson.databind.JsonNode;
import io.shuno.intake.SchemaCatalog;
import io.shuno.reconciliation.ConvenienceBarcode;
import io.shuno.testsupport.ApiClient;
import io.shuno.testsupport.ConvenienceStoreNoticeFiles;
import io.shuno.testsupport.DirectDebitResultFiles;
import io.shuno.testsupport.DirectDebitResultFiles.Debit;
import io.shuno.testsupport.Messages;
import io.shuno.testsupport.ShunoUnderTest;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import static io.shuno.testsupport.DirectDebitResultFiles.customerNumber;
import static io.shuno.testsupport.DirectDebitResultFiles.soundFile;
import static io.shuno.testsupport.DirectDebitResultFiles.trailer;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A bank's 口座振替 result file and an agency's コンビニ notice file, dropped into the folders of a running shuno the
 * way the LGWAN transfer service leaves them: each row becomes one canonical record on its topic and the file moves
 * to .done/; the same file dropped again publishes nothing more; a file whose trailer does not add up publishes
 * nothing, lands in .error/ with its reason, and operators find it among the dead letters — not replayable.
 */
class TestFilesDroppedInTheFolderArePublishedOnce {

    @RegisterExtension
    static final ShunoUnderTest shuno = new ShunoUnderTest()
            .with("shuno.files.poll-ms", 200).with("shuno.files.settle-ms", 200)
            .with("shuno.files.direct-debit.consignors.1234567890", "131016")
            .with("shuno.files.convenience-store.clients.13101", "131016")
            .running(1);
    private static final ApiClient api = new ApiClient(shuno);
    private static final SchemaCatalog schemas = new SchemaCatalog();

    @Test
    void eachRowOfAResultFileIsPublishedOnceWithoutNameOrAccountAndTheFileMovesToDone() {
        List<Debit> debits = List.of(
                new Debit("0005", "123", "7654321", "ﾔﾏﾀﾞ ﾀﾛｳ", 3100, customerNumber(710001), '0'),
                new Debit("9900", "018", "1234567", "ｽｽﾞｷ ﾊﾅｺ", 1280, customerNumber(710002), '1'));
        Path folder = shuno.dropDir().resolve("direct-debit");
        DirectDebitResultFiles.write(folder.resolve("KF0625.txt"), true, soundFile("1234567890", "0625", debits));

        awaitMoved(folder, ".done", "KF0625.txt");
        List<ConsumerRecord<String, byte[]>> records = results(customerNumber(710001), customerNumber(710002), 2);

        assertThat(records).extracting(ConsumerRecord::key)
                .containsExactlyInAnyOrder(customerNumber(710001), customerNumber(710002));
        records = records.stream().sorted(java.util.Comparator.comparing(ConsumerRecord::key)).toList();
        JsonNode debited = Messages.parse(records.get(0).value());
        assertThat(schemas.violations("direct-debit-result", debited)).isEmpty();
        assertThat(debited.get("municipalityCode").asText()).isEqualTo("131016");
        assertThat(debited.get("amount").asLong()).isEqualTo(3100);
        assertThat(debited.get("result").asText()).isEqualTo("DEBITED");
        assertThat(debited.get("debitDate").asText()).endsWith("-06-25");
        JsonNode failed = Messages.parse(records.get(1).value());
        assertThat(failed.get("result").asText()).isEqualTo("INSUFFICIENT_FUNDS");
        assertThat(failed.get("bankCode").asText()).isEqualTo("9900");
        for (ConsumerRecord<String, byte[]> record : records) {
            String text = new String(record.value(), StandardCharsets.UTF_8);
            assertThat(text).doesNotContain("7654321").doesNotContain("1234567\"").doesNotContain("ﾔﾏﾀﾞ")
                    .doesNotContain("ｽｽﾞｷ");
        }

        // The bank sends the same file again: taken before, so nothing more is published.
        DirectDebitResultFiles.write(folder.resolve("KF0625.txt"), true, soundFile("1234567890", "0625", debits));
        await().atMost(Duration.ofSeconds(30)).until(() -> !Files.exists(folder.resolve("KF0625.txt")));
        assertThat(results(customerNumber(710001), customerNumber(710002), 2)).hasSize(2);
    }

    @Test
    void aFileWhoseTrailerDoesNotAddUpPublishesNothingAndIsReportedAsADeadLetterThatCannotBeReplayed()
            throws IOException {
        List<Debit> debits = List.of(Debit.of(customerNumber(720001), 5000, '0'), Debit.of(customerNumber(720002), 700, '0'));
        List<String> records = new java.util.ArrayList<>(soundFile("1234567890", "0625", debits));
        records.set(3, trailer(2, 5600, 2, 5600, 0, 0));
        Path folder = shuno.dropDir().resolve("direct-debit");
        DirectDebitResultFiles.write(folder.resolve("KF-BAD.txt"), false, records);

        awaitMoved(folder, ".error", "KF-BAD.txt");
        String reason = Files.readString(folder.resolve(".error").resolve("KF-BAD.txt.reason.txt"));
        assertThat(reason).contains("合計金額は5600ですが、データレコードの集計は5700です")
                .contains("total amount states 5600 but the data records add up to 5700");
        assertThat(reason.indexOf("理由")).isLessThan(reason.indexOf("Reason"));

        String listing = "/api/v1/dead-letters?errorClass=FILE_REJECTED";
        await().atMost(Duration.ofSeconds(10)).until(() -> api.get("operator", listing).json().get("total").asInt() == 1);
        JsonNode letter = api.get("operator", listing).json().at("/items/0");
        assertThat(letter.get("sourceTopic").asText()).isEqualTo(shuno.topic("direct-debit-results"));
        assertThat(letter.get("reason").asText()).contains("KF-BAD.txt").contains("合計金額");
        assertThat(letter.get("rejectedFile").asBoolean()).isTrue();
        ApiClient.Response replay = api.post("operator", "/api/v1/dead-letters/" + letter.get("id").asLong() + "/replay", "");
        assertThat(replay.status()).isEqualTo(409);
        assertThat(replay.body()).contains("置き直して");
        ApiClient.Response bulk = api.post("operator", "/api/v1/dead-letters/replays", "{\"errorClass\": \"FILE_REJECTED\"}");
        assertThat(bulk.status()).isEqualTo(202);
        assertThat(bulk.json().get("total").asInt()).as("a bulk replay leaves refused files out").isZero();

        assertThat(results(customerNumber(720001), customerNumber(720002), 0)).isEmpty();
    }

    @Test
    void eachNoticeRowIsPublishedKeyedByBarcodeAndTheSameRowInALaterFileKeepsItsNoticeId() {
        String barcode = ConvenienceStoreNoticeFiles.barcode("0000000000730001", 4200).value();
        Path folder = shuno.dropDir().resolve("convenience-store");
        String preliminary = ConvenienceStoreNoticeFiles.row("01", "20260614", "1942", barcode, 4200, "010",
                "セブン-イレブン", "123456", "0", "20260615");
        ConvenienceStoreNoticeFiles.write(folder.resolve("SOKUHO-0615.csv"), List.of(preliminary));
        awaitMoved(folder, ".done", "SOKUHO-0615.csv");
        ConvenienceStoreNoticeFiles.write(folder.resolve("KAKUHO-0622.csv"), List.of(preliminary,
                ConvenienceStoreNoticeFiles.row("02", "20260614", "1942", "EAN" + barcode, 4200, "010",
                        "セブン-イレブン", "123456", "20260624", "20260622")));
        awaitMoved(folder, ".done", "KAKUHO-0622.csv");

        List<JsonNode> notices = shuno.kafka().readAll(shuno.topic("convenience-store-notices"),
                record -> barcode.equals(record.key()), 3, Duration.ofSeconds(30), Duration.ofSeconds(1)).stream()
                .map(ConsumerRecord::value).map(Messages::parse).toList();

        assertThat(notices).hasSize(3).allSatisfy(notice ->
                assertThat(schemas.violations("convenience-store-notice", notice)).isEmpty());
        assertThat(notices.get(0).get("noticeId")).isEqualTo(notices.get(1).get("noticeId"));
        assertThat(notices).allSatisfy(notice -> assertThat(notice.get("municipalityCode").asText())
                .as("mapped from the barcode's client code 13101").isEqualTo("131016"));
        assertThat(notices.get(2).get("stage").asText()).isEqualTo("CONFIRMED");
        assertThat(notices.get(2).get("paymentId")).isEqualTo(notices.get(0).get("paymentId"));
        assertThat(notices.get(2).get("paidAt").asText()).isEqualTo("2026-06-14T19:42:00+09:00");
        assertThat(notices.get(2).get("transferDate").asText()).isEqualTo("2026-06-24");
        assertThat(notices.get(2).at("/file/name").asText()).isEqualTo("KAKUHO-0622.csv");
    }

    @Test
    void aNoticeFileWithABarcodeOfAClientNoMunicipalityIsConfiguredForPublishesNothing() throws IOException {
        String ours = ConvenienceStoreNoticeFiles.barcode("0000000000740001", 900).value();
        // the generator's barcode, but for the agency's client 99999 instead of 13101
        String unknownWithCheck = ConvenienceBarcode.withCheckDigit(
                "91" + "912345" + "99999" + "0000000000740002" + "0" + "261231" + "0" + "000900").value();
        Path folder = shuno.dropDir().resolve("convenience-store");
        ConvenienceStoreNoticeFiles.write(folder.resolve("SOKUHO-OTHER.csv"), List.of(
                ConvenienceStoreNoticeFiles.row("01", "20260614", "1000", ours, 900, "020", "ローソン", "7", "0",
                        "20260615"),
                ConvenienceStoreNoticeFiles.row("01", "20260614", "1001", unknownWithCheck, 900, "020", "ローソン", "7",
                        "0", "20260615")));

        awaitMoved(folder, ".error", "SOKUHO-OTHER.csv");
        assertThat(Files.readString(folder.resolve(".error").resolve("SOKUHO-OTHER.csv.reason.txt")))
                .contains("99999").contains("shuno.files.convenience-store.clients");
        assertThat(shuno.kafka().readAll(shuno.topic("convenience-store-notices"),
                record -> ours.equals(record.key()), 0, Duration.ofSeconds(5), Duration.ofSeconds(1)))
                .as("nothing of a refused file is published").isEmpty();
    }

    private static List<ConsumerRecord<String, byte[]>> results(String first, String second, int expected) {
        return shuno.kafka().readAll(shuno.topic("direct-debit-results"),
                record -> first.equals(record.key()) || second.equals(record.key()), expected, Duration.ofSeconds(30),
                Duration.ofSeconds(2));
    }

    private static void awaitMoved(Path folder, String to, String name) {
        await().atMost(Duration.ofSeconds(30)).until(() ->
                !Files.exists(folder.resolve(name)) && Files.exists(folder.resolve(to).resolve(name)));
    }
}
