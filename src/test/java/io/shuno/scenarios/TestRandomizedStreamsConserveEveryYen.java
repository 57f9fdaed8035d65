package io.shuno.scenarios;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.shuno.intake.SchemaCatalog;
import io.shuno.testsupport.Messages;
import io.shuno.testsupport.ShunoUnderTest;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.jdbc.core.JdbcTemplate;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Conservation as a property, not a handful of cases: a random day of invoice events and payment notices — out of
 * order across and within topics, with redeliveries, preliminaries, withdrawals, unknown references, amendments
 * and cancellations — through two consumers. Afterwards every confirmed payment is booked exactly once in full, and
 * no invoice holds more revenue than it bills.
 */
class TestRandomizedStreamsConserveEveryYen {

    private static final long SEED = Long.getLong("shuno.seed", 20261122L);
    private static final int INVOICES = 150;

    @RegisterExtension
    static final ShunoUnderTest shuno = new ShunoUnderTest().with("shuno.intake.consumers", 2)
            .with("shuno.intake.max-poll-records", 40).running(1);



    private record Delivery(String topic, String json) {
    }

    @Test
    void everyConfirmedPaymentIsBookedOnceInFullAndNoInvoiceHoldsMoreRevenueThanItBills() {
        Random random = new Random(SEED);
        List<Delivery> deliveries = new ArrayList<>();
        Map<String, Long> confirmed = new HashMap<>();
        Set<String> neverConfirmed = new HashSet<>();
        Set<String> messageIds = new HashSet<>();
        for (int i = 0; i < INVOICES; i++) {
            String invoiceId = "RND-" + i;
            String el = Messages.newElNumber();
            long amount = 1_000 + 100L * random.nextInt(500);
            boolean issued = random.nextInt(10) > 0;  // one in ten payments never finds its invoice
            if (issued) {
                ObjectNode event = Messages.issued(invoiceId, el, amount);
                event.put("payerId", "P-RND-" + random.nextInt(30));
                add(deliveries, messageIds, "invoice-events", event, "eventId");
                if (random.nextInt(5) == 0) {
                    ObjectNode amended = event.deepCopy().put("type", "AMENDED").put("eventId", invoiceId + "-AMEND")
                            .put("amount", amount / 2 + 100L * random.nextInt((int) (amount / 100)));
                    add(deliveries, messageIds, "invoice-events", amended, "eventId");
                } else if (random.nextInt(10) == 0) {
                    add(deliveries, messageIds, "invoice-events",
                            event.deepCopy().put("type", "CANCELLED").put("eventId", invoiceId + "-CANCEL"), "eventId");
                }
            }
            int payments = random.nextInt(4);
            for (int p = 0; p < payments; p++) {
                String paymentId = invoiceId + "-PAY-" + p;
                long paid = random.nextBoolean() ? amount : 100L * (1 + random.nextInt((int) (amount / 50)));
                int path = random.nextInt(10);
                if (path < 2) {
                    add(deliveries, messageIds, "eltax-notices",
                            Messages.notice(paymentId + "-P", paymentId, "PRELIMINARY", el, paid), "noticeId");
                }
                if (path == 1) {
                    add(deliveries, messageIds, "eltax-notices",
                            Messages.notice(paymentId + "-X", paymentId, "CANCELLED", el, paid), "noticeId");
                    neverConfirmed.add("eltax:" + paymentId);
                } else {
                    add(deliveries, messageIds, "eltax-notices",
                            Messages.confirmed(paymentId + "-C", paymentId, el, paid), "noticeId");
                    confirmed.put("eltax:" + paymentId, paid);
                }
            }
        }
        // Out of order, and about one message in seven delivered twice.
        Collections.shuffle(deliveries, random);
        List<Delivery> redelivered = new ArrayList<>(deliveries);
        for (Delivery delivery : deliveries) {
            if (random.nextInt(7) == 0) {
                redelivered.add(random.nextInt(redelivered.size()), delivery);
            }
        }
        for (Delivery delivery : redelivered) {
            shuno.kafka().sendAsync(shuno.topic(delivery.topic()), UUID.randomUUID().toString(), delivery.json());
        }
        shuno.kafka().flush();

        JdbcTemplate database = shuno.database();
        await().atMost(Duration.ofSeconds(120)).until(() ->
                database.queryForObject("select count(*) from inbox", Long.class) == messageIds.size());

        String seed = "seed " + SEED;
        Map<String, Long> net = new HashMap<>();
        database.query("""
                select payment_ref, sum(case when kind = 'REVERSAL' then -amount else amount end)
                from settlements group by payment_ref""", row -> {
            net.put(row.getString(1), row.getLong(2));
        });
        assertThat(net).as(seed + ": net booked per confirmed payment").isEqualTo(confirmed);
        assertThat(net.keySet()).as(seed).doesNotContainAnyElementsOf(neverConfirmed);
        assertThat(database.queryForList("""
                select i.invoice_id, i.amount, i.cancelled, i.settled_revenue,
                       coalesce((select sum(s.amount) from settlements s where s.invoice_id = i.invoice_id
                                 and s.kind = 'REVENUE'), 0)
                     - coalesce((select sum(r.amount) from settlements r join settlements s on r.reverses = s.settlement_id
                                 where s.invoice_id = i.invoice_id and s.kind = 'REVENUE'), 0) as net_revenue
                from invoices i""")).as(seed).allSatisfy(invoice -> {
            long netRevenue = ((Number) invoice.get("net_revenue")).longValue();
            assertThat(netRevenue).as(invoice.toString()).isEqualTo(invoice.get("settled_revenue"))
                    .isLessThanOrEqualTo((Long) invoice.get("amount"));
            if ((Boolean) invoice.get("cancelled")) {
                assertThat(netRevenue).as(invoice.toString()).isZero();
            }
        });
        assertThat(database.queryForObject("""
                select count(*) from settlements s join payments p on p.payment_ref = s.payment_ref
                where s.kind = 'SUSPENSE' and exists (select 1 from invoices i where i.el_number = p.el_number)
                  and not exists (select 1 from settlements r where r.reverses = s.settlement_id)""", Long.class))
                .as(seed + ": suspense left although its invoice arrived").isZero();

        long booked = database.queryForObject("select count(*) from settlements", Long.class);
        List<ConsumerRecord<String, byte[]>> published = shuno.kafka().readAll(shuno.topic("settlements"), (int) booked,
                Duration.ofSeconds(60), Duration.ofSeconds(2));
        Set<String> ids = new HashSet<>();
        for (ConsumerRecord<String, byte[]> record : published) {
            JsonNode settlement = Messages.parse(record.value());
            assertThat(shuno.instance().getBean(SchemaCatalog.class).violations("settlement", settlement)).as(settlement.toString()).isEmpty();
            TestEltaxPaymentSettlement.assertBalanced(settlement, settlement.get("amount").asLong());
            ids.add(settlement.get("settlementId").asText());
        }
        assertThat(published).as(seed + ": published once each").hasSize((int) booked);
        assertThat(ids).hasSize((int) booked);
    }

    private static void add(List<Delivery> deliveries, Set<String> messageIds, String topic, ObjectNode message,
                            String idField) {
        deliveries.add(new Delivery(topic, message.toString()));
        messageIds.add(message.get(idField).asText());
    }
}
