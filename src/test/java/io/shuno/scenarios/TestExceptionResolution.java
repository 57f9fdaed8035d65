package io.shuno.scenarios;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.shuno.testsupport.ApiClient;
import io.shuno.testsupport.Messages;
import io.shuno.testsupport.ShunoUnderTest;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Treasury staff resolve every kind of exception through the real HTTP API, and each decision books like an
 * automatic outcome — settlements on the topic, the exception RESOLVED — and applies once however often it is sent.
 */
class TestExceptionResolution {

    @RegisterExtension
    static final ShunoUnderTest shuno = new ShunoUnderTest()
            .withClockAt(OffsetDateTime.parse("2026-11-30T10:00:00+09:00")).running(1);
    private static final ApiClient api = new ApiClient(shuno);

    @Test
    void appropriationReversesTheOverpaymentAndBooksRevenueOnTheTargetOnceWhenSentTwice() {
        String el = Messages.newElNumber();
        ObjectNode overdue = Messages.with(Messages.issued("AP-OLD", null, 3_000), "dueDate", "2026-04-30");
        ObjectNode paid = Messages.issued("AP-INV", el, 5_000);
        overdue.put("payerId", "P-AP");
        paid.put("payerId", "P-AP");
        issue(overdue);
        issue(paid);
        pay("AP-N", "AP-PAY", el, 8_000);
        String exceptionId = shuno.awaitException("eltax:AP-PAY", "OVERPAYMENT");
        String request = "{\"targets\": [\"AP-OLD\"], \"comment\": \"納付者了承の上、4月分へ充当\"}";

        ApiClient.Response first = api.post("treasurer", "/api/v1/exceptions/" + exceptionId + "/appropriate", request);
        ApiClient.Response second = api.post("treasurer", "/api/v1/exceptions/" + exceptionId + "/appropriate", request);

        assertThat(first.status()).isEqualTo(200);
        assertThat(first.json().get("repeated").asBoolean()).isFalse();
        assertThat(first.json().at("/exception/status").asText()).isEqualTo("RESOLVED");
        assertThat(first.json().at("/exception/outstanding").asLong()).isZero();
        assertThat(second.status()).isEqualTo(200);
        assertThat(second.json().get("repeated").asBoolean()).isTrue();
        assertThat(second.json().at("/resolution/resolutionId")).isEqualTo(first.json().at("/resolution/resolutionId"));
        List<JsonNode> settlements = shuno.settlementsOf("eltax:AP-PAY", 4);
        assertThat(settlements).extracting(s -> s.get("kind").asText() + ":" + s.get("amount").asLong() + ":"
                + s.path("invoiceId").asText()).containsExactly("REVENUE:5000:AP-INV", "OVERPAYMENT:3000:AP-INV",
                "REVERSAL:3000:AP-INV", "REVENUE:3000:AP-OLD");
        assertThat(settlements.get(2).get("reverses")).isEqualTo(settlements.get(1).get("settlementId"));
        assertThat(settlements.get(3).get("receivedOn").asText()).isEqualTo("2026-06-20");
        JsonNode story = api.get("viewer", "/api/v1/search?invoiceId=AP-OLD").json();
        assertThat(story.at("/invoice/status").asText()).isEqualTo("PAID");
        assertThat(resolvedExceptionMessage(exceptionId).get("resolvedBy").asText()).isEqualTo("treasurer");
    }

    @Test
    void aDoublePaymentIsAdvisedForTheInvoicesOfItsPayerAsTheyAreWhenStaffLook() {
        String el = Messages.newElNumber();
        ObjectNode paid = Messages.issued("DA-INV", el, 2_000);
        paid.put("payerId", "P-DA");
        issue(paid);
        pay("DA-N1", "DA-PAY1", el, 2_000);
        shuno.awaitBooked("eltax:DA-PAY1");
        pay("DA-N2", "DA-PAY2", el, 2_000);
        String exceptionId = shuno.awaitException("eltax:DA-PAY2", "DOUBLE_PAYMENT");
        JsonNode raised = api.get("viewer", "/api/v1/exceptions/" + exceptionId).json().get("exception");
        assertThat(raised.get("suggestedAction").asText()).isEqualTo("REFUND");
        assertThat(raised.get("appropriationCandidates")).isEmpty();

        ObjectNode issuedLater = Messages.with(Messages.issued("DA-LATER", null, 1_500), "dueDate", "2026-04-30");
        issuedLater.put("payerId", "P-DA");
        issue(issuedLater);

        JsonNode advised = api.get("viewer", "/api/v1/exceptions/" + exceptionId).json().get("exception");
        assertThat(advised.get("suggestedAction").asText()).isEqualTo("APPROPRIATE");
        assertThat(advised.get("appropriationCandidates")).extracting(JsonNode::asText).containsExactly("DA-LATER");
        assertThat(advised.get("detail").asText()).contains("2,000円を過誤納金として計上しました")
                .contains("同一納付者の未納 1 件(古い順: DA-LATER)への充当を検討してください。")
                .doesNotContain("還付の手続き");
        assertThat(api.get("viewer", "/api/v1/exceptions?reason=DOUBLE_PAYMENT&status=OPEN").json().get("items"))
                .filteredOn(item -> item.get("exceptionId").asText().equals(exceptionId)).singleElement()
                .satisfies(item -> assertThat(item.get("suggestedAction").asText()).isEqualTo("APPROPRIATE"));

        // The explanation is kept as a code with its arguments, and told in the caller's language.
        assertThat(shuno.database().queryForObject("select explanation ->> 'code' from staff_exceptions"
                + " where exception_id = ?::uuid", String.class, exceptionId)).isEqualTo("EXCESS");
        String english = "Invoice DA-INV was already paid and has been paid again (double payment). ¥2,000 was booked"
                + " as an overpayment (過誤納金). Consider appropriating it to the payer's 1 unpaid invoice(s) (oldest"
                + " first: DA-LATER).";
        assertThat(api.getInLanguage("viewer", "/api/v1/exceptions/" + exceptionId, "en-US,en;q=0.9,ja;q=0.5")
                .json().at("/exception/detail").asText()).isEqualTo(english);
        assertThat(api.getInLanguage("viewer", "/api/v1/exceptions?reason=DOUBLE_PAYMENT&status=OPEN", "en").json()
                .get("items")).filteredOn(item -> item.get("exceptionId").asText().equals(exceptionId))
                .singleElement().satisfies(item -> assertThat(item.get("detail").asText()).isEqualTo(english));
        assertThat(api.getInLanguage("viewer", "/api/v1/exceptions/" + exceptionId, "fr, ja;q=0.1")
                .json().at("/exception/detail").asText()).isEqualTo(advised.get("detail").asText());

        // Raised before explanations had codes, it keeps its Japanese text, with its advice given again as before.
        shuno.database().update("update staff_exceptions set explanation = null where exception_id = ?::uuid",
                exceptionId);
        assertThat(api.getInLanguage("viewer", "/api/v1/exceptions/" + exceptionId, "en")
                .json().at("/exception/detail").asText()).isEqualTo(advised.get("detail").asText());
    }

    @Test
    void appropriationToAnotherPayersInvoiceIsRefusedWithAProblemDetail() {
        String el = Messages.newElNumber();
        issue(Messages.issued("AX-OTHER", null, 3_000));
        issue(Messages.issued("AX-INV", el, 1_000));
        pay("AX-N", "AX-PAY", el, 2_000);
        String exceptionId = shuno.awaitException("eltax:AX-PAY", "OVERPAYMENT");

        ApiClient.Response refused = api.post("treasurer", "/api/v1/exceptions/" + exceptionId + "/appropriate",
                "{\"targets\": [\"AX-OTHER\"]}");

        assertThat(refused.status()).isEqualTo(422);
        assertThat(refused.contentType()).startsWith("application/problem+json");
        assertThat(refused.json().get("detail").asText()).contains("same payer");
        assertThat(api.get("viewer", "/api/v1/exceptions/" + exceptionId).json().at("/exception/status").asText())
                .isEqualTo("OPEN");
    }

    @Test
    void aRefundBooksTheLiabilityOutWithItsReference() {
        String el = Messages.newElNumber();
        issue(Messages.issued("RF-INV", el, 2_500));
        pay("RF-N1", "RF-PAY1", el, 2_500);
        shuno.awaitBooked("eltax:RF-PAY1");
        pay("RF-N2", "RF-PAY2", el, 2_500);
        String exceptionId = shuno.awaitException("eltax:RF-PAY2", "DOUBLE_PAYMENT");
        String path = "/api/v1/exceptions/" + exceptionId + "/refund";

        assertThat(api.post("treasurer", path, "{\"comment\": \"還付\"}").status()).isEqualTo(400);
        ApiClient.Response refunded = api.post("treasurer", path,
                "{\"refundReference\": \"KANPU-2026-000123\", \"comment\": \"口座振込で還付\"}");

        assertThat(refunded.status()).isEqualTo(200);
        assertThat(refunded.json().at("/resolution/refundReference").asText()).isEqualTo("KANPU-2026-000123");
        assertThat(refunded.json().at("/resolution/amount").asLong()).isEqualTo(2_500);
        assertThat(refunded.json().get("settlementIds")).hasSize(1);
        assertThat(refunded.json().at("/exception/status").asText()).isEqualTo("RESOLVED");
        // ¥2,500 from 2026-07-21: far under ¥1,000 of interest, so the refund alone.
        assertThat(shuno.settlementsOf("eltax:RF-PAY2", 2)).extracting(s -> s.get("kind").asText())
                .containsExactly("OVERPAYMENT", "REFUND");
    }

    @Test
    void aPaymentInSuspenseIsMatchedByHandOnceEvenWhenTheSameKeyIsSentTwice() {
        String el = Messages.newElNumber();
        issue(Messages.issued("MM-INV", el, 7_000));
        pay("MM-N", "MM-PAY", Messages.newElNumber(), 7_000);
        String exceptionId = shuno.awaitException("eltax:MM-PAY", "UNMATCHED");
        String path = "/api/v1/exceptions/" + exceptionId + "/match";
        String request = "{\"invoiceId\": \"MM-INV\", \"comment\": \"納付書の読取誤り\"}";

        ApiClient.Response first = api.post("treasurer", path, request, "click-1");
        ApiClient.Response second = api.post("treasurer", path, request, "click-1");

        assertThat(first.status()).isEqualTo(200);
        assertThat(second.json().get("repeated").asBoolean()).isTrue();
        assertThat(shuno.settlementsOf("eltax:MM-PAY", 3)).extracting(s -> s.get("kind").asText())
                .containsExactly("SUSPENSE", "REVERSAL", "REVENUE");
        JsonNode story = api.get("viewer", "/api/v1/search?paymentRef=eltax:MM-PAY").json();
        assertThat(story.at("/invoice/invoiceId").asText()).isEqualTo("MM-INV");
        assertThat(story.at("/invoice/status").asText()).isEqualTo("PAID");
        assertThat(story.get("exceptions")).singleElement().satisfies(e ->
                assertThat(e.get("status").asText()).isEqualTo("RESOLVED"));
    }

    @Test
    void closingNeedsACommentSettlesNothingAndCannotBeDoneTwice() {
        pay("CL-N", "CL-PAY", Messages.newElNumber(), 1_200);
        String exceptionId = shuno.awaitException("eltax:CL-PAY", "UNMATCHED");
        String path = "/api/v1/exceptions/" + exceptionId + "/close";

        ApiClient.Response withoutComment = api.post("treasurer", path, "{}");
        assertThat(withoutComment.status()).isEqualTo(400);
        assertThat(withoutComment.json().get("detail").asText()).contains("comment");

        ApiClient.Response closed = api.post("treasurer", path, "{\"comment\": \"試験送金。返金済みで消込不要\"}");
        assertThat(closed.status()).isEqualTo(200);
        assertThat(closed.json().at("/exception/status").asText()).isEqualTo("RESOLVED");
        assertThat(closed.json().get("settlementIds")).isEmpty();
        ApiClient.Response again = api.post("treasurer", path, "{\"comment\": \"別のコメント\"}");
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.contentType()).startsWith("application/problem+json");

        JsonNode detail = api.get("viewer", "/api/v1/exceptions/" + exceptionId).json();
        assertThat(detail.at("/story/settlements")).singleElement().satisfies(s ->
                assertThat(s.get("kind").asText()).isEqualTo("SUSPENSE"));
        assertThat(detail.at("/story/resolutions/0/comment").asText()).isEqualTo("試験送金。返金済みで消込不要");
    }

    @Test
    void exceptionsAreListedByReasonAndStatusAPageAtATime() {
        pay("LS-N1", "LS-PAY1", Messages.newElNumber(), 100);
        pay("LS-N2", "LS-PAY2", Messages.newElNumber(), 100);
        shuno.awaitException("eltax:LS-PAY1", "UNMATCHED");
        shuno.awaitException("eltax:LS-PAY2", "UNMATCHED");

        JsonNode page = api.get("viewer", "/api/v1/exceptions?reason=UNMATCHED&status=OPEN&municipality=131016"
                + "&from=2000-01-01&size=1").json();

        assertThat(page.get("total").asLong()).isGreaterThanOrEqualTo(2);
        assertThat(page.get("items")).hasSize(1);
        assertThat(page.get("size").asInt()).isEqualTo(1);
        assertThat(api.get("viewer", "/api/v1/exceptions?size=0").status()).isEqualTo(400);
    }

    private static void issue(ObjectNode event) {
        shuno.kafka().send(shuno.topic("invoice-events"), event.get("invoiceId").asText(), event.toString());
        shuno.awaitInvoice(event.get("invoiceId").asText());
    }

    private static void pay(String noticeId, String paymentId, String el, long amount) {
        shuno.kafka().send(shuno.topic("eltax-notices"), paymentId,
                Messages.confirmed(noticeId, paymentId, el, amount).toString());
    }

    private static JsonNode resolvedExceptionMessage(String exceptionId) {
        return shuno.kafka().readAll(shuno.topic("exceptions"), record -> exceptionId.equals(record.key())
                        && Messages.parse(record.value()).get("status").asText().equals("RESOLVED"), 1,
                Duration.ofSeconds(30), Duration.ofMillis(200)).stream().map(ConsumerRecord::value)
                .map(Messages::parse).findFirst().orElseThrow();
    }
}
