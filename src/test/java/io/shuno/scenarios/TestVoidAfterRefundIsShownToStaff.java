package io.shuno.scenarios;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.shuno.intake.SchemaCatalog;
import io.shuno.testsupport.ApiClient;
import io.shuno.testsupport.Messages;
import io.shuno.testsupport.ShunoUnderTest;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A counter order paid twice by card on 2026-11-30; a treasurer refunds part of the double payment, and then the
 * terminal voids the second sale, which returns all of it to the card. The VOID is applied — what is still held is
 * reversed — and the refunded money, which the payer would now get twice, is an open exception telling staff to stop
 * that refund's payout.
 */
class TestVoidAfterRefundIsShownToStaff {

    @RegisterExtension
    static final ShunoUnderTest shuno = new ShunoUnderTest()
            .withClockAt(OffsetDateTime.parse("2026-11-30T15:00:00+09:00")).running(1);
    private static final ApiClient api = new ApiClient(shuno);

    @Test
    void aVoidOfAPartlyRefundedSaleReversesTheRestAndLeavesTheRefundedMoneyForStaffToStop() {
        issue(Messages.counterOrder("VR-ORD", 480_000));
        send(sale("T-VR1", 480_000));
        shuno.awaitBooked("terminal:T-VR1");
        send(sale("T-VR2", 480_000));
        String doublePayment = shuno.awaitException("terminal:T-VR2", "DOUBLE_PAYMENT");

        ApiClient.Response refund = api.post("treasurer", "/api/v1/exceptions/" + doublePayment + "/refund",
                "{\"refundReference\": \"KANPU-VR\", \"amount\": 200000, \"comment\": \"二重払いの一部を口座振込\"}");
        assertThat(refund.status()).isEqualTo(200);
        assertThat(refund.json().at("/exception/outstanding").asLong()).isEqualTo(280_000);
        String refundDecision = refund.json().at("/resolution/resolutionId").asText();
        assertThat(payoutList()).contains(",KANPU-VR,terminal:T-VR2,");

        send(Messages.voiding("V-VR2", "T-VR2", 480_000, "VR-ORD").put("occurredAt", "2026-11-30T14:00:00+09:00"));

        // The VOID reverses the 280,000 still held; the REFUND of 200,000 stays booked, nothing else is booked.
        List<JsonNode> settlements = shuno.settlementsOf("terminal:T-VR2", 3);
        assertThat(settlements).extracting(s -> s.get("kind").asText() + ":" + s.get("amount").asLong())
                .containsExactly("OVERPAYMENT:480000", "REFUND:200000", "REVERSAL:280000");
        assertThat(settlements.get(2).get("reverses").asText()).isEqualTo(settlements.get(0).get("settlementId")
                .asText());
        assertThat(shuno.database().queryForList("select kind || ':' || amount from settlements"
                + " where payment_ref = 'terminal:T-VR2' order by booked_seq", String.class))
                .containsExactly("OVERPAYMENT:480000", "REFUND:200000", "REVERSAL:280000");

        // The double payment's remaining 280,000 went back with the VOID; the refunded 200,000 is still to decide.
        String voidAfterRefund = shuno.awaitException("terminal:T-VR2", "VOID_AFTER_REFUND");
        JsonNode raised = published(voidAfterRefund);
        assertThat(raised.get("status").asText()).isEqualTo("OPEN");
        assertThat(raised.get("amount").asLong()).isEqualTo(200_000);
        assertThat(raised.get("suggestedAction").asText()).isEqualTo("STOP_REFUND_PAYOUT");
        assertThat(raised.get("invoiceId").asText()).isEqualTo("VR-ORD");
        assertThat(raised.get("detail").asText()).contains("T-VR2").contains("還付決定 " + refundDecision)
                .contains("2026-11-30").contains("200,000円 の支払を止めて");
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(shuno.database().queryForMap(
                "select status, resolved_by from staff_exceptions where exception_id = ?::uuid", doublePayment))
                .containsEntry("status", "RESOLVED").containsEntry("resolved_by", "terminal-transaction:V-VR2"));
        assertThat(payoutList()).as("the payment system is no longer told to pay it").doesNotContain("KANPU-VR");
        JsonNode shown = api.get("viewer", "/api/v1/exceptions/" + voidAfterRefund).json();
        assertThat(shown.at("/exception/status").asText()).isEqualTo("OPEN");
        assertThat(shown.at("/exception/outstanding").asLong()).isEqualTo(200_000);
        assertThat(shuno.database().queryForMap("select status, settled_revenue from invoices"
                + " where invoice_id = 'VR-ORD'")).containsEntry("status", "PAID").containsEntry("settled_revenue",
                480_000L);

        // Not 過誤納金 any more: it cannot be refunded again, only closed once the payout is stopped.
        ApiClient.Response refundAgain = api.post("treasurer", "/api/v1/exceptions/" + voidAfterRefund + "/refund",
                "{\"refundReference\": \"KANPU-VR2\", \"comment\": \"口座振込\"}");
        assertThat(refundAgain.status()).isEqualTo(400);
        assertThat(refundAgain.json().get("detail").asText()).contains("VOID_AFTER_REFUND");
        ApiClient.Response closed = api.post("treasurer", "/api/v1/exceptions/" + voidAfterRefund + "/close",
                "{\"comment\": \"KANPU-VR の支払を停止した\"}");
        assertThat(closed.status()).isEqualTo(200);
        assertThat(closed.json().at("/exception/status").asText()).isEqualTo("RESOLVED");
    }

    private static String payoutList() {
        ApiClient.Response list = api.get("treasurer", "/api/v1/refunds/payout-list?municipality=131016&date=2026-11-30",
                "text/csv");
        assertThat(list.status()).isEqualTo(200);
        return new String(list.bytes(), StandardCharsets.UTF_8);
    }

    private static ObjectNode sale(String transactionId, long amount) {
        ObjectNode sale = Messages.sale(transactionId, "CREDIT", amount).put("occurredAt", "2026-11-30T10:30:00+09:00");
        sale.set("invoiceIds", Messages.JSON.valueToTree(List.of("VR-ORD")));
        return sale;
    }

    private static void issue(ObjectNode event) {
        shuno.kafka().send(shuno.topic("invoice-events"), event.get("invoiceId").asText(), event.toString());
        shuno.awaitInvoice(event.get("invoiceId").asText());
    }

    private static void send(ObjectNode transaction) {
        shuno.kafka().send(shuno.topic("terminal-transactions"), transaction.get("transactionId").asText(),
                transaction.toString());
    }

    /** The exception as announced on the exceptions topic, valid under its schema. */
    private static JsonNode published(String exceptionId) {
        List<ConsumerRecord<String, byte[]>> records = shuno.kafka().readAll(shuno.topic("exceptions"),
                record -> exceptionId.equals(record.key()), 1, Duration.ofSeconds(30), Duration.ofMillis(500));
        assertThat(records).hasSize(1);
        JsonNode message = Messages.parse(records.get(0).value());
        assertThat(shuno.instance().getBean(SchemaCatalog.class).violations("exception", message)).isEmpty();
        return message;
    }
}
