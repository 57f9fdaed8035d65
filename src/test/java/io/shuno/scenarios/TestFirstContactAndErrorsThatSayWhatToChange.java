package io.shuno.scenarios;

import com.fasterxml.jackson.databind.JsonNode;
import io.shuno.testsupport.ApiClient;
import io.shuno.testsupport.ShunoUnderTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A newcomer's first requests: the root leads a browser to the dashboard's sign-in, an unknown path answers a
 * problem detail, and every refusal says what to change — which field, which type or format, which values, which
 * role — without repeating what was sent, which may be personal data.
 */
class TestFirstContactAndErrorsThatSayWhatToChange {

    @RegisterExtension
    static final ShunoUnderTest shuno = new ShunoUnderTest().running(1);
    private static final ApiClient api = new ApiClient(shuno);

    @Test
    void theRootLeadsToTheDashboardsSignInRatherThanABasicAuthPopup() {
        ApiClient.Response root = api.anonymousGet("/");

        assertThat(root.status()).isEqualTo(302);
        assertThat(root.headers().firstValue("WWW-Authenticate")).isEmpty();
        assertThat(root.headers().firstValue("Location").orElseThrow()).endsWith("/login");
    }

    @Test
    void anUnknownPathIsAProblemDetailPointingToTheApiAndTheDashboard() {
        ApiClient.Response unknown = api.get("viewer", "/api/v1/no-such-thing");

        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.contentType()).isEqualTo("application/problem+json");
        assertThat(unknown.json().get("detail").asText()).contains("/api/v1", "/dashboard");
        assertThat(api.get("viewer", "/favicon.ico").contentType()).isEqualTo("application/problem+json");

        JsonNode wrongMethod = problem(405, api.get("treasurer", "/api/v1/exceptions/" + UUID.randomUUID() + "/close"));
        assertThat(wrongMethod.get("detail").asText()).isEqualTo("this path does not take GET; it takes POST");
    }

    @Test
    void aBodyThatIsNotJsonIsNamedSoWithTheBodyExpectedAndWithoutEchoingIt() {
        JsonNode notJson = problem(400, api.post("treasurer", close(), "{\"comment\": 山田太郎 様"));

        assertThat(notJson.get("detail").asText()).contains("not valid JSON", "line 1", "{\"comment\": a text}")
                .doesNotContain("山田");
    }

    @Test
    void anEmptyBodyNamesTheFieldsToSend() {
        JsonNode empty = problem(400, api.post("treasurer", close(), ""));

        assertThat(empty.get("detail").asText()).contains("needs a JSON body", "{\"comment\": a text}");
    }

    @Test
    void aFieldOfTheWrongTypeIsNamedWithTheTypeExpectedAndNotEchoed() {
        JsonNode wrongType = problem(400, api.post("treasurer", "/api/v1/exceptions/" + UUID.randomUUID()
                + "/appropriate", "{\"targets\": {\"payer\": \"山田太郎\"}, \"comment\": \"x\"}"));
        assertThat(wrongType.get("detail").asText()).startsWith("targets: must be a list").doesNotContain("山田");

        JsonNode wrongFormat = problem(400, api.post("operator", "/api/v1/dead-letters/replays",
                "{\"from\": \"yesterday\"}"));
        assertThat(wrongFormat.get("detail").asText())
                .startsWith("from: must be a date and time").contains("2026-06-20T09:00:00+09:00")
                .doesNotContain("yesterday");
    }

    @Test
    void aQueryParameterOfTheWrongFormatNamesTheFormatExpected() {
        JsonNode yesterday = problem(400, api.get("viewer", "/api/v1/exceptions?from=yesterday"));
        assertThat(yesterday.get("detail").asText()).isEqualTo("from: must be a date like 2026-06-20");
        assertThat(yesterday.get("field").asText()).isEqualTo("from");

        JsonNode notANumber = problem(400, api.get("viewer", "/api/v1/dead-letters/first"));
        assertThat(notANumber.get("detail").asText()).startsWith("id: must be a whole number");
    }

    @Test
    void aStatusIsTakenInAnyCaseAndAnUnknownOneIsRefusedWithTheValuesAllowed() {
        ApiClient.Response lowerCase = api.get("viewer", "/api/v1/exceptions?status=open");
        assertThat(lowerCase.status()).isEqualTo(200);
        assertThat(lowerCase.json().get("total").asLong())
                .isEqualTo(api.get("viewer", "/api/v1/exceptions?status=OPEN").json().get("total").asLong());

        assertThat(problem(400, api.get("viewer", "/api/v1/exceptions?status=BOGUS")).get("detail").asText())
                .isEqualTo("status: must be one of OPEN, RESOLVED (upper or lower case)");
        assertThat(problem(400, api.get("viewer", "/api/v1/exceptions?reason=LATE")).get("detail").asText())
                .startsWith("reason: must be one of UNMATCHED, OVERPAYMENT");
        assertThat(problem(400, api.get("operator", "/api/v1/dead-letters?status=gone")).get("detail").asText())
                .isEqualTo("status: must be one of OPEN, REPLAYING, REPLAYED, DISCARDED (upper or lower case)");
    }

    @Test
    void aRefusalForTheRoleNamesTheRoleNeeded() {
        assertThat(problem(403, api.post("viewer", "/api/v1/dead-letters/1/replay", "")).get("detail").asText())
                .contains("needs the role OPERATOR");
        assertThat(problem(403, api.post("operator", close(), "{\"comment\": \"x\"}")).get("detail").asText())
                .contains("needs the role TREASURER");
    }

    @Test
    void aRefundNeedsACommentAsCloseAndDiscardDo() {
        String exception = "/api/v1/exceptions/" + UUID.randomUUID();

        JsonNode refund = problem(400, api.post("treasurer", exception + "/refund",
                "{\"refundReference\": \"KANPU-1\"}"));
        JsonNode close = problem(400, api.post("treasurer", exception + "/close", "{\"comment\": \" \"}"));
        JsonNode discard = problem(400, api.post("operator", "/api/v1/dead-letters/1/discard", "{}"));

        for (JsonNode problem : new JsonNode[] {refund, close, discard}) {
            assertThat(problem.get("detail").asText()).startsWith("comment: ");
            assertThat(problem.get("field").asText()).isEqualTo("comment");
        }
    }

    private static String close() {
        return "/api/v1/exceptions/" + UUID.randomUUID() + "/close";
    }

    private static JsonNode problem(int status, ApiClient.Response response) {
        assertThat(response.status()).as(response.body()).isEqualTo(status);
        assertThat(response.contentType()).isEqualTo("application/problem+json");
        return response.json();
    }
}
