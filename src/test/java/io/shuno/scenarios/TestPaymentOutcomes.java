package io.shuno.scenarios;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.shuno.intake.SchemaCatalog;
import io.shuno.testsupport.Messages;
import io.shuno.testsupport.ShunoUnderTest;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Every outcome of the reconciliation issue, end to end on the real broker and database: what reaches the
 * settlement and exception topics, valid against the contract, and what the invoice says afterwards.
 */
class TestPaymentOutcomes {

    @RegisterExtension
    static final ShunoUnderTest shuno = new ShunoUnderTest().running(1);



    @Test
    void anUnknownReferenceIsHeldInSuspenseAndReMatchedWhenItsInvoiceArrives() {
        String el = Messages.newElNumber();
        pay("RM-N", "RM-PAY", el, 7_000);
        await().atMost(Duration.ofSeconds(30)).until(() -> count("select count(*) from settlements where "
                + "payment_ref = 'eltax:RM-PAY' and kind = 'SUSPENSE'") == 1);
        assertThat(single("select reason, status from staff_exceptions where payment_ref = 'eltax:RM-PAY'"))
                .containsEntry("reason", "UNMATCHED").containsEntry("status", "OPEN");

        issue(Messages.issued("RM-INV", el, 7_000));

        List<JsonNode> settlements = settlementsOf("eltax:RM-PAY", 3);
        assertThat(settlements).extracting(s -> s.get("kind").asText())
                .containsExactly("SUSPENSE", "REVERSAL", "REVENUE");
        assertThat(settlements.get(0).has("invoiceId")).isFalse();
        assertThat(settlements.get(1).get("reverses").asText()).isEqualTo(settlements.get(0).get("settlementId").asText());
        assertMirrored(settlements.get(1), settlements.get(0));
        assertThat(settlements.get(2).get("invoiceId").asText()).isEqualTo("RM-INV");
        assertThat(settlements.get(2).get("receivedOn").asText()).isEqualTo("2026-06-20");
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(single(
                "select status, resolved_by from staff_exceptions where payment_ref = 'eltax:RM-PAY'"))
                .containsEntry("status", "RESOLVED").containsEntry("resolved_by", "invoice-event:E-RM-INV-ISSUED"));
        List<JsonNode> exceptions = exceptionsOf("eltax:RM-PAY", 2);
        assertThat(exceptions).extracting(e -> e.get("status").asText()).containsExactly("OPEN", "RESOLVED");
        assertThat(exceptions.get(1).get("resolvedBy").asText()).isEqualTo("invoice-event:E-RM-INV-ISSUED");
        assertThat(invoice("RM-INV")).containsEntry("status", "PAID");
    }

    @Test
    void aPartialPaymentLeavesTheHonestResidualAndAnOverPaymentBooksTheExcessAsOverpayment() {
        String el = Messages.newElNumber();
        issue(Messages.issued("PO-INV", el, 10_000));
        pay("PO-N1", "PO-PAY1", el, 4_000);
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(invoice("PO-INV"))
                .containsEntry("status", "PARTIALLY_PAID").containsEntry("settled_revenue", 4_000L));

        pay("PO-N2", "PO-PAY2", el, 9_000);

        List<JsonNode> second = settlementsOf("eltax:PO-PAY2", 2);
        assertThat(second).extracting(s -> s.get("kind").asText() + ":" + s.get("amount").asLong())
                .containsExactly("REVENUE:6000", "OVERPAYMENT:3000");
        assertThat(second.get(1).at("/entries/1/ledgerAccount").asText()).isEqualTo("OVERPAYMENT_LIABILITY");
        JsonNode exception = exceptionsOf("eltax:PO-PAY2", 1).get(0);
        assertThat(exception.get("reason").asText()).isEqualTo("OVERPAYMENT");
        assertThat(exception.get("amount").asLong()).isEqualTo(3_000);
        assertThat(exception.get("suggestedAction").asText()).isEqualTo("REFUND");
        assertThat(exception.get("detail").asText()).contains("PO-INV").contains("3,000円");
        assertThat(invoice("PO-INV")).containsEntry("status", "PAID").containsEntry("settled_revenue", 10_000L);
    }

    @Test
    void anOverpaymentSuggestsAppropriationToTheSamePayersOverdueInvoicesOldestFirst() {
        String el = Messages.newElNumber();
        ObjectNode older = Messages.with(Messages.issued("AP-OLD", Messages.newElNumber(), 3_000), "dueDate", "2026-04-30");
        ObjectNode newer = Messages.with(Messages.issued("AP-MID", Messages.newElNumber(), 3_000), "dueDate", "2026-05-31");
        ObjectNode paid = Messages.issued("AP-INV", el, 5_000);
        ObjectNode otherPayer = Messages.with(Messages.issued("AP-OTHER", Messages.newElNumber(), 3_000), "dueDate", "2026-04-30");
        for (ObjectNode invoice : List.of(older, newer, paid, otherPayer)) {
            if (invoice != otherPayer) {
                invoice.put("payerId", "P-APPROPRIATE");
            }
            issue(invoice);
        }

        pay("AP-N", "AP-PAY", el, 6_000);

        JsonNode exception = exceptionsOf("eltax:AP-PAY", 1).get(0);
        assertThat(exception.get("suggestedAction").asText()).isEqualTo("APPROPRIATE");
        assertThat(exception.get("appropriationCandidates")).extracting(JsonNode::asText)
                .containsExactly("AP-OLD", "AP-MID");
        assertThat(exception.get("detail").asText()).contains("充当");
    }

    @Test
    void aSecondPaymentOnAPaidInvoiceIsADoublePaymentBookedWhollyAsOverpayment() {
        String el = Messages.newElNumber();
        issue(Messages.issued("DP-INV", el, 2_500));
        pay("DP-N1", "DP-PAY1", el, 2_500);
        settlementsOf("eltax:DP-PAY1", 1);

        pay("DP-N2", "DP-PAY2", el, 2_500);

        assertThat(settlementsOf("eltax:DP-PAY2", 1)).singleElement().satisfies(s ->
                assertThat(s.get("kind").asText() + ":" + s.get("amount").asLong()).isEqualTo("OVERPAYMENT:2500"));
        assertThat(exceptionsOf("eltax:DP-PAY2", 1).get(0).get("reason").asText()).isEqualTo("DOUBLE_PAYMENT");
    }

    @Test
    void cancellingAPaidInvoiceReversesItsRevenueIntoOverpayment() {
        String el = Messages.newElNumber();
        issue(Messages.issued("CX-INV", el, 4_200));
        pay("CX-N", "CX-PAY", el, 4_200);
        settlementsOf("eltax:CX-PAY", 1);

        issue(Messages.with(Messages.with(Messages.issued("CX-INV", el, 4_200), "type", "CANCELLED"),
                "eventId", "E-CX-CANCEL"));

        List<JsonNode> settlements = settlementsOf("eltax:CX-PAY", 3);
        assertThat(settlements).extracting(s -> s.get("kind").asText() + ":" + s.get("amount").asLong())
                .containsExactly("REVENUE:4200", "REVERSAL:4200", "OVERPAYMENT:4200");
        assertMirrored(settlements.get(1), settlements.get(0));
        JsonNode exception = exceptionsOf("eltax:CX-PAY", 1).get(0);
        assertThat(exception.get("reason").asText()).isEqualTo("PAID_AFTER_CANCELLATION");
        assertThat(invoice("CX-INV")).containsEntry("status", "CANCELLED").containsEntry("settled_revenue", 0L);
    }

    @Test
    void reducingAPaidInvoiceReversesTheExcessAndRaisingItReopensTheBalance() {
        String el = Messages.newElNumber();
        issue(Messages.issued("AM-INV", el, 6_000));
        pay("AM-N", "AM-PAY", el, 6_000);
        settlementsOf("eltax:AM-PAY", 1);

        issue(Messages.with(Messages.with(Messages.issued("AM-INV", el, 5_000), "type", "AMENDED"),
                "eventId", "E-AM-DOWN"));
        List<JsonNode> settlements = settlementsOf("eltax:AM-PAY", 3);
        assertThat(settlements).extracting(s -> s.get("kind").asText() + ":" + s.get("amount").asLong())
                .containsExactly("REVENUE:6000", "REVERSAL:1000", "OVERPAYMENT:1000");
        assertThat(exceptionsOf("eltax:AM-PAY", 1).get(0).get("reason").asText())
                .isEqualTo("AMOUNT_REDUCED_AFTER_PAYMENT");
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(invoice("AM-INV"))
                .containsEntry("status", "PAID").containsEntry("amount", 5_000L).containsEntry("settled_revenue", 5_000L));

        issue(Messages.with(Messages.with(Messages.issued("AM-INV", el, 8_000), "type", "AMENDED"),
                "eventId", "E-AM-UP"));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(invoice("AM-INV"))
                .containsEntry("status", "PARTIALLY_PAID").containsEntry("amount", 8_000L));
    }

    @Test
    void preliminaryMarksTheInvoiceProvisionallyPaidAndCancelledWithdrawsIt() {
        String el = Messages.newElNumber();
        issue(Messages.issued("ST-INV", el, 3_300));
        shuno.kafka().send(shuno.topic("eltax-notices"), "ST-PAY",
                Messages.notice("ST-N1", "ST-PAY", "PRELIMINARY", el, 3_300).toString());
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(invoice("ST-INV"))
                .containsEntry("status", "PROVISIONALLY_PAID").containsEntry("settled_revenue", 0L));

        shuno.kafka().send(shuno.topic("eltax-notices"), "ST-PAY",
                Messages.notice("ST-N2", "ST-PAY", "CANCELLED", el, 3_300).toString());

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(invoice("ST-INV"))
                .containsEntry("status", "OPEN").containsEntry("announced", 0L));
        assertThat(count("select count(*) from settlements where payment_ref = 'eltax:ST-PAY'")).isZero();
    }

    @Test
    void aCancellationAfterConfirmationIsRefusedAsAnException() {
        String el = Messages.newElNumber();
        issue(Messages.issued("CC-INV", el, 1_800));
        pay("CC-N1", "CC-PAY", el, 1_800);
        settlementsOf("eltax:CC-PAY", 1);

        shuno.kafka().send(shuno.topic("eltax-notices"), "CC-PAY",
                Messages.notice("CC-N2", "CC-PAY", "CANCELLED", el, 1_800).toString());

        assertThat(exceptionsOf("eltax:CC-PAY", 1).get(0).get("reason").asText()).isEqualTo("CANCEL_AFTER_CONFIRM");
        assertThat(settlementsOf("eltax:CC-PAY", 1)).hasSize(1);
        assertThat(invoice("CC-INV")).containsEntry("status", "PAID");
    }

    @Test
    void aLateNhiPremiumPaymentAsksStaffToAssessTheLateCharge() {
        String el = Messages.newElNumber();
        // Due 2025-10-31, paid 2026-03-31 on a base of 1,000,000: 61 days at 2.4 %, 31 days at 2.8 %, 59 days at
        // 9.1 % → 1,000,000 × (240×61 + 280×31 + 910×59) / (10,000 × 365) = 1,000,000 × 77,010 / 3,650,000
        // = 21,098.6… → rounded down to ¥100: 21,000.
        issue(Messages.with(Messages.with(Messages.issued("LC-INV", el, 1_000_000), "dueDate", "2025-10-31"),
                "fiscalYear", 2025));
        shuno.kafka().send(shuno.topic("eltax-notices"), "LC-PAY", Messages.with(
                Messages.confirmed("LC-N", "LC-PAY", el, 1_000_000), "paidAt", "2026-03-31T12:00:00+09:00").toString());

        JsonNode exception = exceptionsOf("eltax:LC-PAY", 1).get(0);
        assertThat(exception.get("reason").asText()).isEqualTo("LATE_CHARGE_DUE");
        assertThat(exception.get("suggestedAction").asText()).isEqualTo("ASSESS_LATE_CHARGE");
        assertThat(exception.get("amount").asLong()).isEqualTo(21_000);
        assertThat(exception.get("lateCharge").asLong()).isEqualTo(21_000);
        assertThat(exception.get("detail").asText()).contains("21,000円");
    }

    private static void issue(ObjectNode event) {
        shuno.kafka().send(shuno.topic("invoice-events"), event.get("invoiceId").asText(), event.toString());
        await().atMost(Duration.ofSeconds(30)).until(() -> count("select count(*) from inbox where message_id = '"
                + event.get("eventId").asText() + "'") == 1);
    }

    private static void pay(String noticeId, String paymentId, String el, long amount) {
        shuno.kafka().send(shuno.topic("eltax-notices"), paymentId, Messages.confirmed(noticeId, paymentId, el, amount).toString());
    }

    /** The settlements of one payment in the order they were published, each checked against the contract. */
    private static List<JsonNode> settlementsOf(String paymentRef, int expected) {
        return published("settlements", "settlement", paymentRef, expected);
    }

    private static List<JsonNode> exceptionsOf(String paymentRef, int expected) {
        return published("exceptions", "exception", paymentRef, expected);
    }

    private static List<JsonNode> published(String topic, String schema, String paymentRef, int expected) {
        List<ConsumerRecord<String, byte[]>> records = shuno.kafka().readAll(shuno.topic(topic),
                record -> Messages.parse(record.value()).path("paymentRef").asText().equals(paymentRef),
                expected, Duration.ofSeconds(30), Duration.ofMillis(500));
        List<JsonNode> messages = records.stream().map(record -> Messages.parse(record.value())).toList();
        messages.forEach(message -> assertThat(shuno.instance().getBean(SchemaCatalog.class).violations(schema, message)).as(message.toString()).isEmpty());
        assertThat(messages).as(topic + " of " + paymentRef).hasSize(expected);
        return messages;
    }

    /** A reversal's lines are those of what it reverses, sides swapped, for the reversed amount. */
    private static void assertMirrored(JsonNode reversal, JsonNode reversed) {
        Map<String, String> sides = new HashMap<>();
        reversed.get("entries").forEach(e -> sides.put(e.get("ledgerAccount").asText(), e.get("side").asText()));
        reversal.get("entries").forEach(e -> {
            assertThat(sides.get(e.get("ledgerAccount").asText())).isNotEqualTo(e.get("side").asText()).isNotNull();
            assertThat(e.get("amount").asLong()).isEqualTo(reversal.get("amount").asLong());
        });
    }

    private static Map<String, Object> invoice(String id) {
        return single("select status, amount, settled_revenue, announced from invoices where invoice_id = '" + id + "'");
    }

    private static Map<String, Object> single(String sql) {
        return shuno.database().queryForMap(sql);
    }

    private static long count(String sql) {
        return shuno.database().queryForObject(sql, Long.class);
    }
}
