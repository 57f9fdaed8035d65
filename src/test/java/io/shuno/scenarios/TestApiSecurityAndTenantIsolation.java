package io.shuno.scenarios;

import io.shuno.testsupport.ApiClient;
import io.shuno.testsupport.Messages;
import io.shuno.testsupport.ShunoUnderTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/**
 * Every endpoint but the health status needs credentials (401), roles limit what a user may do and municipalities
 * what they may see and touch (403), refusals are problem details, and the demo users never reach production.
 */
class TestApiSecurityAndTenantIsolation {

    @RegisterExtension
    static final ShunoUnderTest shuno = new ShunoUnderTest().running(1);
    private static final ApiClient api = new ApiClient(shuno);

    @Test
    void withoutCredentialsOnlyTheHealthStatusAnswers() throws Exception {
        for (String path : new String[] {"/api/v1/exceptions", "/api/v1/dead-letters", "/api/v1/audit",
                "/api/v1/openapi.json", "/api/v1/search?invoiceId=X"}) {
            ApiClient.Response response = api.anonymousGet(path);
            assertThat(response.status()).as(path).isEqualTo(401);
            assertThat(response.contentType()).as(path).startsWith("application/problem+json");
            assertThat(response.headers().firstValue("WWW-Authenticate")).as(path).contains("Basic realm=\"shuno\"");
        }
        assertThat(api.anonymousGet("/actuator/health").status()).isEqualTo(200);
        assertThat(wrongPassword("/api/v1/exceptions")).isEqualTo(401);
    }

    @Test
    void aViewerReadsButNeitherResolvesNorReplays() {
        String exceptionId = unmatchedPaymentInChiyoda("VW");

        assertThat(api.get("viewer", "/api/v1/exceptions/" + exceptionId).status()).isEqualTo(200);
        ApiClient.Response close = api.post("viewer", "/api/v1/exceptions/" + exceptionId + "/close",
                "{\"comment\": \"x\"}");
        assertThat(close.status()).isEqualTo(403);
        assertThat(close.contentType()).startsWith("application/problem+json");
        assertThat(api.post("viewer", "/api/v1/dead-letters/1/replay", "").status()).isEqualTo(403);
        assertThat(api.post("operator", "/api/v1/exceptions/" + exceptionId + "/close", "{\"comment\": \"x\"}")
                .status()).as("operators handle dead letters, not money").isEqualTo(403);
    }

    @Test
    void aUserSeesAndActsOnlyOnTheirMunicipalities() {
        String exceptionId = unmatchedPaymentInChiyoda("TI");

        assertThat(api.get("treasurer", "/api/v1/exceptions?reason=UNMATCHED").json().get("total").asLong())
                .isPositive();
        assertThat(api.get("treasurer-oita", "/api/v1/exceptions?reason=UNMATCHED").json().get("total").asLong())
                .isZero();
        assertThat(api.get("treasurer-oita", "/api/v1/exceptions?municipality=131016").json().get("total").asLong())
                .isZero();
        ApiClient.Response show = api.get("treasurer-oita", "/api/v1/exceptions/" + exceptionId);
        assertThat(show.status()).isEqualTo(403);
        assertThat(show.contentType()).startsWith("application/problem+json");
        assertThat(api.post("treasurer-oita", "/api/v1/exceptions/" + exceptionId + "/close",
                "{\"comment\": \"x\"}").status()).isEqualTo(403);
        assertThat(api.get("treasurer-oita", "/api/v1/search?paymentRef=eltax:TI-PAY").status()).isEqualTo(403);
        assertThat(api.get("treasurer", "/api/v1/exceptions/" + exceptionId).json().at("/exception/status").asText())
                .as("nothing was changed by the refused requests").isEqualTo("OPEN");
    }

    @Test
    void aPaymentKnownOnlyByItsPreliminaryNoticeIsShownOnlyToItsMunicipality() {
        shuno.kafka().send(shuno.topic("eltax-notices"), "TP", Messages.notice("TP-N", "TP-PAY", "PRELIMINARY",
                Messages.newElNumber(), 700).toString());
        await().atMost(Duration.ofSeconds(30)).until(() -> shuno.database().queryForObject(
                "select count(*) from payments where payment_ref = 'eltax:TP-PAY'", Long.class) == 1);

        assertThat(api.get("treasurer-oita", "/api/v1/search?paymentRef=eltax:TP-PAY").status()).isEqualTo(403);
        assertThat(api.get("treasurer", "/api/v1/search?paymentRef=eltax:TP-PAY").status()).isEqualTo(200);
    }

    @Test
    void theOpenApiDescriptionIsServedAtAStableUrl() {
        ApiClient.Response description = api.get("viewer", "/api/v1/openapi.json");

        assertThat(description.status()).isEqualTo(200);
        assertThat(description.json().at("/paths").fieldNames()).toIterable().contains(
                "/api/v1/dead-letters", "/api/v1/dead-letters/{id}/replay", "/api/v1/dead-letters/replays/{jobId}",
                "/api/v1/exceptions/{id}/appropriate", "/api/v1/search", "/api/v1/audit.csv");
        assertThat(description.json().at("/components/securitySchemes/basic/scheme").asText()).isEqualTo("basic");
    }

    @Test
    void theProdProfileRefusesToStartWithTheDemoUsers() {
        try (ShunoUnderTest production = new ShunoUnderTest().with("spring.profiles.active", "prod")) {
            assertThatThrownBy(production::start).hasStackTraceContaining("demo password");
        }
    }

    private static String unmatchedPaymentInChiyoda(String name) {
        shuno.kafka().send(shuno.topic("eltax-notices"), name, Messages.confirmed(name + "-N", name + "-PAY",
                Messages.newElNumber(), 900).toString());
        String sql = "select exception_id::text from staff_exceptions where payment_ref = ?";
        await().atMost(Duration.ofSeconds(30)).until(() ->
                shuno.database().queryForList(sql, String.class, "eltax:" + name + "-PAY").size() == 1);
        return shuno.database().queryForObject(sql, String.class, "eltax:" + name + "-PAY");
    }

    private static int wrongPassword(String path) throws Exception {
        int port = ((org.springframework.boot.web.server.context.WebServerApplicationContext) shuno.instance())
                .getWebServer().getPort();
        String credentials = Base64.getEncoder().encodeToString("treasurer:guess".getBytes(StandardCharsets.UTF_8));
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .header("Authorization", "Basic " + credentials).build(), HttpResponse.BodyHandlers.discarding())
                .statusCode();
    }
}
