package io.shuno.scenarios;

import com.fasterxml.jackson.databind.JsonNode;
import io.shuno.testsupport.ApiClient;
import io.shuno.testsupport.Messages;
import io.shuno.testsupport.ShunoUnderTest;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Operators replay dead letters through the real HTTP API: the original bytes go back to the source topic and
 * through intake again — validated and deduplicated, so a replay never settles twice — a replay that fails again
 * stays one dead letter with its new reason, a discard needs a comment, and thousands replay as a job.
 */
class TestDeadLetterReplay {

    @RegisterExtension
    static final ShunoUnderTest shuno = new ShunoUnderTest().running(1);
    private static final ApiClient api = new ApiClient(shuno);

    @Test
    void aRecordThatIsValidNowSettlesOnceOnReplayAndASecondReplaySettlesNothingMore() {
        String el = Messages.newElNumber();
        shuno.kafka().send(shuno.topic("invoice-events"), "RP-INV", Messages.issued("RP-INV", el, 5_000).toString());
        shuno.awaitInvoice("RP-INV");
        // A valid payment an earlier release dead-lettered by mistake; the release that fixed the check is running.
        long id = keptByAnEarlierRelease(Messages.confirmed("RP-N", "RP-PAY", el, 5_000).toString(),
                "rejected by a check since fixed");

        JsonNode replayed = api.post("operator", "/api/v1/dead-letters/" + id + "/replay", "").json();
        assertThat(replayed.get("status").asText()).isEqualTo("REPLAYING");
        assertThat(replayed.get("replayCount").asInt()).isEqualTo(1);
        awaitStatus(id, "REPLAYED");
        assertThat(api.post("operator", "/api/v1/dead-letters/" + id + "/replay", "").status()).isEqualTo(200);
        awaitStatus(id, "REPLAYED");

        List<ConsumerRecord<String, byte[]>> settlements = shuno.kafka().readAll(shuno.topic("settlements"),
                record -> "eltax:RP-PAY".equals(record.key()), 1, Duration.ofSeconds(30), Duration.ofSeconds(2));
        assertThat(settlements).singleElement().satisfies(record -> assertThat(Messages.parse(record.value())
                .get("kind").asText()).isEqualTo("REVENUE"));
        assertThat(api.get("viewer", "/api/v1/dead-letters/" + id).json().get("replayCount").asInt()).isEqualTo(2);
        assertThat(api.get("viewer", "/api/v1/search?invoiceId=RP-INV").json().at("/invoice/status").asText())
                .isEqualTo("PAID");
    }

    @Test
    void aRecordClaimingToReplayAnotherDeadLetterBecomesADeadLetterOfItsOwnAndLeavesThatOneAlone() {
        String topic = shuno.topic("acquirer-statements");
        String byTopic = "/api/v1/dead-letters?sourceTopic=" + topic + "&errorClass=NOT_JSON";
        shuno.kafka().send(topic, "FG-FIRST", "{\"statementId\": ");
        await().atMost(Duration.ofSeconds(30)).until(() -> api.get("operator", byTopic).json().get("total").asInt() == 1);
        long first = api.get("operator", byTopic).json().at("/items/0/id").asLong();

        // Another record, rejected for its own reason, whose header names the first dead letter (stale or forged).
        shuno.kafka().send(topic, "FG-SECOND", "[1, 2", Map.of("shuno.replay-of", Long.toString(first)));

        await().atMost(Duration.ofSeconds(30)).until(() -> api.get("operator", byTopic).json().get("total").asInt() == 2);
        JsonNode untouched = api.get("operator", "/api/v1/dead-letters/" + first).json();
        assertThat(untouched.get("key").asText()).isEqualTo("FG-FIRST");
        assertThat(untouched.get("payload").asText()).isEqualTo("{\"statementId\": ");
        assertThat(untouched.get("replayCount").asInt()).isZero();
    }

    @Test
    void aReplayThatFailsAgainStaysOneDeadLetterWithTheNewReasonAndTheReplayCount() {
        String el = Messages.newElNumber();
        OffsetDateTime sent = OffsetDateTime.now();
        shuno.kafka().send(shuno.topic("eltax-notices"), "RF-BAD",
                Messages.with(Messages.confirmed("RF-N", "RF-PAY", el, 1), "amount", "1000").toString());
        long id = awaitDeadLetter("errorClass=SCHEMA_VIOLATION&reason=amount", sent);

        assertThat(api.post("operator", "/api/v1/dead-letters/" + id + "/replay", "").status()).isEqualTo(200);

        JsonNode letter = awaitStatus(id, "OPEN", 1);
        assertThat(letter.get("reason").asText()).contains("amount");
        assertThat(letter.get("payload").asText()).contains("\"amount\":\"1000\"");
        assertThat(letter.get("key").asText()).isEqualTo("RF-BAD");
        assertThat(letter.get("sourceTopic").asText()).isEqualTo(shuno.topic("eltax-notices"));
        assertThat(shuno.database().queryForObject("select count(*) from dead_letters where record_key = ?",
                Long.class, "RF-BAD".getBytes(StandardCharsets.UTF_8))).isEqualTo(1);
        List<ConsumerRecord<String, byte[]>> announced = shuno.kafka().readAll(shuno.topic("dead-letters"),
                record -> "RF-BAD".equals(record.key()), 2, Duration.ofSeconds(30), Duration.ofSeconds(1));
        assertThat(announced).hasSize(2);
        assertThat(new String(announced.get(1).headers().lastHeader("shuno.replay-of").value(),
                StandardCharsets.UTF_8)).isEqualTo(Long.toString(id));
    }

    @Test
    void aDiscardNeedsACommentAndKeepsTheRecordWhichIsThenNoLongerReplayed() {
        OffsetDateTime sent = OffsetDateTime.now();
        shuno.kafka().send(shuno.topic("eltax-notices"), "DS-BROKEN", "{\"noticeId\": ");
        long id = awaitDeadLetter("errorClass=NOT_JSON", sent);

        ApiClient.Response withoutComment = api.post("operator", "/api/v1/dead-letters/" + id + "/discard", "{}");
        assertThat(withoutComment.status()).isEqualTo(400);
        assertThat(withoutComment.contentType()).startsWith("application/problem+json");
        assertThat(withoutComment.json().get("detail").asText()).contains("comment");
        assertThat(api.post("operator", "/api/v1/dead-letters/" + id + "/discard", "").status()).isEqualTo(400);

        JsonNode discarded = api.post("operator", "/api/v1/dead-letters/" + id + "/discard",
                "{\"comment\": \"送信元の試験データ。再送不要と確認済み\"}").json();
        assertThat(discarded.get("status").asText()).isEqualTo("DISCARDED");
        assertThat(discarded.get("discardedBy").asText()).isEqualTo("operator");
        assertThat(api.post("operator", "/api/v1/dead-letters/" + id + "/replay", "").status()).isEqualTo(409);
        assertThat(api.get("viewer", "/api/v1/dead-letters/" + id).status())
                .as("a record naming no municipality is for central operators only").isEqualTo(403);
        assertThat(api.get("operator", "/api/v1/dead-letters/" + id).json().get("payload").asText())
                .isEqualTo("{\"noticeId\": ");
    }

    @Test
    void thousandsOfDeadLettersReplayAsAJobThatReportsProgressAndASummary() {
        int count = 2_000;
        shuno.database().update("""
                insert into dead_letters (source_topic, partition_no, offset_no, record_key, payload, reason,
                    error_class, municipality_code)
                select ?, 0, 1000000 + n, convert_to('BULK-' || n, 'UTF8'),
                       convert_to('{"noticeId": "BULK-' || n || '"}', 'UTF8'), 'bulk import check', 'SCHEMA_VIOLATION',
                       '131016'
                from generate_series(1, ?) as n""", shuno.topic("eltax-notices"), count);

        ApiClient.Response started = api.post("operator", "/api/v1/dead-letters/replays",
                "{\"reason\": \"bulk import\"}");
        assertThat(started.status()).isEqualTo(202);
        assertThat(started.json().get("total").asInt()).isEqualTo(count);
        String job = started.json().get("jobId").asText();

        await().atMost(Duration.ofSeconds(90)).untilAsserted(() -> {
            JsonNode progress = api.get("operator", "/api/v1/dead-letters/replays/" + job).json();
            assertThat(progress.get("status").asText()).isEqualTo("FINISHED");
            assertThat(progress.get("done").asInt()).isEqualTo(count);
            assertThat(progress.get("failed").asInt()).isZero();
            assertThat(progress.at("/deadLettersByStatus/OPEN").asInt()).as("all failed again").isEqualTo(count);
        });
        JsonNode failedAgain = api.get("viewer", "/api/v1/dead-letters?status=OPEN&reason=violates&size=10").json();
        assertThat(failedAgain.get("total").asInt()).isEqualTo(count);
        assertThat(failedAgain.get("items")).hasSize(10).allSatisfy(letter ->
                assertThat(letter.get("replayCount").asInt()).isEqualTo(1));
    }

    @Test
    void aDeadLetterThatCannotBeReplayedFailsAloneAndTheRestOfItsChunkIsReplayed() {
        String topic = shuno.topic("terminal-transactions");
        shuno.database().update("""
                insert into dead_letters (source_topic, partition_no, offset_no, record_key, payload, reason,
                    error_class, municipality_code)
                select ?, 0, 2000000 + n,
                       case when n = 5 then '\\x4b00'::bytea else convert_to('CHUNK-' || n, 'UTF8') end,
                       convert_to('CHUNK-' || n, 'UTF8'), 'chunk check', 'NOT_JSON',
                       '131016'
                from generate_series(1, 10) as n""", topic);

        // The fifth one's key holds a NUL byte, which no text column takes: its replay cannot be written.
        ApiClient.Response started = api.post("operator", "/api/v1/dead-letters/replays",
                "{\"sourceTopic\": \"" + topic + "\", \"reason\": \"chunk check\"}");
        assertThat(started.status()).isEqualTo(202);
        String job = started.json().get("jobId").asText();

        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            JsonNode progress = api.get("operator", "/api/v1/dead-letters/replays/" + job).json();
            assertThat(progress.get("status").asText()).isEqualTo("FINISHED");
            assertThat(progress.get("done").asInt()).isEqualTo(9);
            assertThat(progress.get("failed").asInt()).isEqualTo(1);
        });
    }

    private static long keptByAnEarlierRelease(String payload, String reason) {
        return shuno.database().queryForObject("""
                insert into dead_letters (source_topic, partition_no, offset_no, record_key, payload, reason,
                    error_class, municipality_code)
                values (?, 0, 999999, ?, ?, ?, 'INVALID_IDENTIFIER', '131016') returning id""", Long.class,
                shuno.topic("eltax-notices"), "RP-PAY".getBytes(StandardCharsets.UTF_8),
                payload.getBytes(StandardCharsets.UTF_8), reason);
    }

    /** The one dead letter of the eLTAX topic matching {@code filter} received since {@code sent}. */
    private static long awaitDeadLetter(String filter, OffsetDateTime sent) {
        String path = "/api/v1/dead-letters?sourceTopic=" + shuno.topic("eltax-notices") + "&" + filter + "&from="
                + URLEncoder.encode(sent.minusSeconds(1).toString(), StandardCharsets.UTF_8);
        await().atMost(Duration.ofSeconds(30)).until(() -> api.get("operator", path).json().get("total").asInt() == 1);
        return api.get("operator", path).json().at("/items/0/id").asLong();
    }

    private static JsonNode awaitStatus(long id, String status) {
        return awaitStatus(id, status, -1);
    }

    /** Waits until the dead letter is in {@code status} (after {@code replays} replays, when not -1). */
    private static JsonNode awaitStatus(long id, String status, int replays) {
        await().atMost(Duration.ofSeconds(30)).until(() -> {
            JsonNode letter = api.get("operator", "/api/v1/dead-letters/" + id).json();
            return letter.get("status").asText().equals(status)
                    && (replays < 0 || letter.get("replayCount").asInt() == replays);
        });
        return api.get("operator", "/api/v1/dead-letters/" + id).json();
    }
}
