package io.shuno.scenarios;

import com.fasterxml.jackson.databind.JsonNode;
import io.shuno.testsupport.ApiClient;
import io.shuno.testsupport.Messages;
import io.shuno.testsupport.ShunoUnderTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/** Every act is attributable: who, what, when, on which record, before and after, and why — kept for good. */
class TestAuditLog {

    @RegisterExtension
    static final ShunoUnderTest shuno = new ShunoUnderTest().running(1);
    private static final ApiClient api = new ApiClient(shuno);
    private static final String COMMENT = "調査の結果、試験送金のため消込不要";

    @Test
    void aDecisionIsAuditedWithBeforeAfterAndCommentAndExportedAsCsvForExcel() {
        String exceptionId = unmatchedPayment("AU");
        assertThat(api.post("treasurer", "/api/v1/exceptions/" + exceptionId + "/close",
                "{\"comment\": \"" + COMMENT + "\"}").status()).isEqualTo(200);

        JsonNode entries = api.get("admin", "/api/v1/audit?targetType=EXCEPTION&targetId=" + exceptionId).json();
        assertThat(entries.get("total").asInt()).isEqualTo(1);
        JsonNode entry = entries.at("/items/0");
        assertThat(entry.get("actor").asText()).isEqualTo("treasurer");
        assertThat(entry.get("action").asText()).isEqualTo("EXCEPTION_CLOSE");
        assertThat(entry.get("municipalityCode").asText()).isEqualTo("131016");
        assertThat(entry.at("/before/status").asText()).isEqualTo("OPEN");
        assertThat(entry.at("/after/state/status").asText()).isEqualTo("RESOLVED");
        assertThat(entry.get("comment").asText()).isEqualTo(COMMENT);
        assertThat(entry.get("at").asText()).endsWith("+09:00");

        ApiClient.Response csv = api.get("viewer", "/api/v1/audit.csv?targetId=" + exceptionId);
        assertThat(csv.status()).isEqualTo(200);
        assertThat(csv.contentType()).startsWith("text/csv");
        assertThat(Arrays.copyOf(csv.bytes(), 3)).isEqualTo(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF});
        String[] lines = new String(csv.bytes(), 3, csv.bytes().length - 3, StandardCharsets.UTF_8).split("\r\n");
        assertThat(lines[0]).isEqualTo("id,at,actor,action,target_type,target_id,municipality_code,before,after,comment");
        assertThat(lines).hasSize(2);
        assertThat(lines[1]).contains("\"treasurer\"", "\"EXCEPTION_CLOSE\"", "\"" + COMMENT + "\"",
                "\"{\"\"status\"\":\"\"OPEN\"\"");
        assertThat(lines[1].split(",")[1]).endsWith("+09:00\"");
    }

    @Test
    void replaysAndDiscardsAreAuditedAndOtherMunicipalitiesSeeNoneOfIt() {
        shuno.kafka().send(shuno.topic("eltax-notices"), "AU-BAD", Messages.with(Messages.confirmed("AU-BN",
                "AU-BP", Messages.newElNumber(), 1), "amount", "1").toString());
        await().atMost(Duration.ofSeconds(30)).until(() -> shuno.database().queryForObject(
                "select count(*) from dead_letters where municipality_code = '131016'", Long.class) == 1);
        long id = shuno.database().queryForObject("select id from dead_letters where municipality_code = '131016'",
                Long.class);
        api.post("operator", "/api/v1/dead-letters/" + id + "/replay", "");
        await().atMost(Duration.ofSeconds(30)).until(() -> shuno.database().queryForObject(
                "select status from dead_letters where id = ?", String.class, id).equals("OPEN"));
        api.post("operator", "/api/v1/dead-letters/" + id + "/discard", "{\"comment\": \"送信元で修正済み\"}");

        JsonNode entries = api.get("treasurer", "/api/v1/audit?targetType=DEAD_LETTER&actor=operator").json();
        assertThat(entries.get("items")).extracting(e -> e.get("action").asText())
                .containsExactly("DEAD_LETTER_REPLAYED", "DEAD_LETTER_DISCARDED");
        assertThat(entries.at("/items/0/before/status").asText()).isEqualTo("OPEN");
        assertThat(entries.at("/items/0/after/status").asText()).isEqualTo("REPLAYING");
        assertThat(entries.at("/items/1/before/status").asText()).as("failed again").isEqualTo("OPEN");
        assertThat(entries.at("/items/1/after/status").asText()).isEqualTo("DISCARDED");
        assertThat(api.get("treasurer-oita", "/api/v1/audit").json().get("total").asInt()).isZero();
    }

    @Test
    void theAuditLogIsAppendOnly() {
        unmatchedPayment("AO");
        String exceptionId = unmatchedPayment("AO2");
        api.post("treasurer", "/api/v1/exceptions/" + exceptionId + "/close", "{\"comment\": \"確認済み\"}");

        assertThatThrownBy(() -> shuno.database().update("update audit_log set actor = 'someone else'"))
                .hasMessageContaining("append-only");
        assertThatThrownBy(() -> shuno.database().update("delete from audit_log"))
                .hasMessageContaining("append-only");
    }

    private static String unmatchedPayment(String name) {
        shuno.kafka().send(shuno.topic("eltax-notices"), name, Messages.confirmed(name + "-N", name + "-PAY",
                Messages.newElNumber(), 700).toString());
        String sql = "select exception_id::text from staff_exceptions where payment_ref = ?";
        await().atMost(Duration.ofSeconds(30)).until(() ->
                shuno.database().queryForList(sql, String.class, "eltax:" + name + "-PAY").size() == 1);
        return shuno.database().queryForObject(sql, String.class, "eltax:" + name + "-PAY");
    }
}
