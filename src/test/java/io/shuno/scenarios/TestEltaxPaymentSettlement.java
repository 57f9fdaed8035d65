package io.shuno.scenarios;

import com.fasterxml.jackson.databind.JsonNode;
import io.shuno.intake.SchemaCatalog;
import io.shuno.testsupport.Messages;
import io.shuno.testsupport.ShunoUnderTest;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The eLTAX slice end to end: a published invoice, a confirmed payment, one balanced REVENUE settlement. */
class TestEltaxPaymentSettlement {

    @RegisterExtension
    static final ShunoUnderTest shuno = new ShunoUnderTest().running(1);



    @Test
    void confirmedPaymentOfTheFullAmountSettlesAsRevenueAndPaysTheInvoice() {
        String el = Messages.newElNumber();
        shuno.kafka().send(shuno.topic("invoice-events"), "INV-1", Messages.issued("INV-1", el, 39_500).toString());
        shuno.awaitInvoice("INV-1");
        shuno.kafka().send(shuno.topic("eltax-notices"), "PAY-1", Messages.confirmed("N-1", "PAY-1", el, 39_500).toString());

        List<ConsumerRecord<String, byte[]>> settlements = shuno.kafka().readAll(shuno.topic("settlements"),
                        record -> "eltax:PAY-1".equals(record.key()), 1, Duration.ofSeconds(30), Duration.ofSeconds(1));

        assertThat(settlements).hasSize(1);
        JsonNode settlement = Messages.parse(settlements.get(0).value());
        assertThat(shuno.instance().getBean(SchemaCatalog.class).violations("settlement", settlement)).isEmpty();
        assertThat(settlement.get("kind").asText()).isEqualTo("REVENUE");
        assertThat(settlement.get("invoiceId").asText()).isEqualTo("INV-1");
        assertThat(settlement.get("paymentRef").asText()).isEqualTo("eltax:PAY-1");
        assertThat(settlement.get("amount").asLong()).isEqualTo(39_500);
        assertThat(settlement.get("municipalityCode").asText()).isEqualTo("131016");
        assertThat(settlement.get("account").asText()).isEqualTo("NHI");
        assertThat(settlement.get("revenueCode").asText()).isEqualTo("01-01-01-01");
        assertThat(settlement.get("fiscalYear").asInt()).isEqualTo(2026);
        assertThat(settlement.get("yearClass").asText()).isEqualTo("CURRENT");
        assertThat(settlement.get("receivedOn").asText()).isEqualTo("2026-06-20");
        assertThat(settlement.get("channel").asText()).isEqualTo("SMARTPHONE_APP");
        assertBalanced(settlement, 39_500);

        Map<String, Object> invoice = shuno.database().queryForMap(
                "select status, settled_revenue from invoices where invoice_id = 'INV-1'");
        assertThat(invoice).containsEntry("status", "PAID").containsEntry("settled_revenue", 39_500L);
    }

    @Test
    void paymentDayIsTakenInTokyoSoALateEveningUtcPaymentBelongsToTheNextDay() {
        String el = Messages.newElNumber();
        shuno.kafka().send(shuno.topic("invoice-events"), "INV-2", Messages.issued("INV-2", el, 2_000).toString());
        // 2026-05-31T16:30Z is 1 June 01:30 in Tokyo: after 出納整理期間 of FY2025, so a FY2025 premium is arrears.
        String el3 = Messages.newElNumber();
        shuno.kafka().send(shuno.topic("invoice-events"), "INV-3", Messages.with(
                Messages.issued("INV-3", el3, 3_000), "fiscalYear", 2025).toString());
        shuno.awaitInvoice("INV-2");
        shuno.awaitInvoice("INV-3");
        shuno.kafka().send(shuno.topic("eltax-notices"), "PAY-2", Messages.with(
                Messages.confirmed("N-2", "PAY-2", el, 2_000), "paidAt", "2026-05-31T16:30:00Z").toString());
        shuno.kafka().send(shuno.topic("eltax-notices"), "PAY-3", Messages.with(
                Messages.confirmed("N-3", "PAY-3", el3, 3_000), "paidAt", "2026-05-31T16:30:00Z").toString());

        await().atMost(Duration.ofSeconds(30)).ignoreExceptions().untilAsserted(() -> {
            assertThat(shuno.database().queryForMap("""
                    select received_on::text, fiscal_year, year_class from settlements where invoice_id = 'INV-2'"""))
                    .containsEntry("received_on", "2026-06-01").containsEntry("fiscal_year", 2026)
                    .containsEntry("year_class", "CURRENT");
            assertThat(shuno.database().queryForMap("""
                    select received_on::text, fiscal_year, year_class from settlements where invoice_id = 'INV-3'"""))
                    .containsEntry("received_on", "2026-06-01").containsEntry("fiscal_year", 2026)
                    .containsEntry("year_class", "ARREARS");
        });
    }

    static void assertBalanced(JsonNode settlement, long amount) {
        long debits = 0;
        long credits = 0;
        for (JsonNode entry : settlement.get("entries")) {
            if (entry.get("side").asText().equals("DEBIT")) {
                debits += entry.get("amount").asLong();
            } else {
                credits += entry.get("amount").asLong();
            }
        }
        assertThat(settlement.get("entries")).hasSizeGreaterThanOrEqualTo(2);
        assertThat(debits).isEqualTo(credits).isEqualTo(amount);
    }
}
