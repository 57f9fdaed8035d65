package io.shuno.scenarios;

import io.shuno.testsupport.Messages;
import io.shuno.testsupport.ShunoUnderTest;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ConsumerGroupDescription;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.jdbc.core.JdbcTemplate;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Two shuno instances, two consumers each, and payments for the same invoices spread over every partition: the
 * invoice lock makes them take turns, so no payment is booked against a stale balance.
 */
class TestConcurrentConsumersOnOneInvoice {

    private static final int INVOICES = 20;
    private static final long INVOICE_AMOUNT = 10_000;
    private static final int PAYMENTS_PER_INVOICE = 12;
    private static final long PAYMENT_AMOUNT = 1_000;

    @RegisterExtension
    static final ShunoUnderTest shuno = new ShunoUnderTest()
            .with("shuno.intake.consumers", 2).with("shuno.intake.max-poll-records", 20).running(2);



    @Test
    void paymentsForTheSameInvoicesOnEveryPartitionAreAppliedOneAtATime() {
        awaitBothInstancesShareTheNoticePartitions();
        List<String> elNumbers = new ArrayList<>();
        for (int i = 0; i < INVOICES; i++) {
            String el = Messages.newElNumber();
            elNumbers.add(el);
            shuno.kafka().sendAsync(shuno.topic("invoice-events"), "C-" + i, Messages.issued("C-" + i, el, INVOICE_AMOUNT).toString());
        }
        shuno.kafka().flush();
        JdbcTemplate database = shuno.database();
        await().atMost(Duration.ofSeconds(30)).until(() ->
                database.queryForObject("select count(*) from invoices", Long.class) == INVOICES);

        // Round-robin over invoices, random keys: every partition carries payments for every invoice.
        for (int round = 0; round < PAYMENTS_PER_INVOICE; round++) {
            for (int i = 0; i < INVOICES; i++) {
                String paymentId = "C-PAY-" + i + "-" + round;
                shuno.kafka().sendAsync(shuno.topic("eltax-notices"), UUID.randomUUID().toString(),
                        Messages.confirmed("C-N-" + i + "-" + round, paymentId, elNumbers.get(i), PAYMENT_AMOUNT).toString());
            }
        }
        shuno.kafka().flush();

        await().atMost(Duration.ofSeconds(90)).until(() -> database.queryForObject(
                "select count(*) from settlements", Long.class) == (long) INVOICES * PAYMENTS_PER_INVOICE);
        long overpaidPerInvoice = PAYMENTS_PER_INVOICE * PAYMENT_AMOUNT - INVOICE_AMOUNT;
        for (Map<String, Object> invoice : database.queryForList("""
                select i.invoice_id, i.status, i.settled_revenue,
                       (select sum(amount) from settlements s where s.invoice_id = i.invoice_id and kind = 'REVENUE') revenue,
                       (select sum(amount) from settlements s where s.invoice_id = i.invoice_id and kind = 'OVERPAYMENT') overpaid
                from invoices i""")) {
            assertThat(invoice).as(invoice.get("invoice_id").toString())
                    .containsEntry("status", "PAID")
                    .containsEntry("settled_revenue", INVOICE_AMOUNT)
                    .containsEntry("revenue", java.math.BigDecimal.valueOf(INVOICE_AMOUNT))
                    .containsEntry("overpaid", java.math.BigDecimal.valueOf(overpaidPerInvoice));
        }
        assertThat(database.queryForObject("select count(*) from staff_exceptions where reason = 'DOUBLE_PAYMENT'",
                Long.class)).isEqualTo(INVOICES * (overpaidPerInvoice / PAYMENT_AMOUNT));
    }

    private void awaitBothInstancesShareTheNoticePartitions() {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, shuno.brokers()))) {
            String group = admin.listConsumerGroups().all().get().stream().map(g -> g.groupId())
                    .filter(id -> id.startsWith(shuno.topic(""))).findFirst().orElseThrow();
            await().atMost(Duration.ofSeconds(60)).ignoreExceptions().until(() -> {
                ConsumerGroupDescription description = admin.describeConsumerGroups(List.of(group))
                        .describedGroups().get(group).get();
                Set<String> consumersOfNotices = description.members().stream()
                        .filter(member -> member.assignment().topicPartitions().stream()
                                .anyMatch(tp -> tp.topic().equals(shuno.topic("eltax-notices"))))
                        .map(member -> member.clientId()).collect(Collectors.toSet());
                return consumersOfNotices.size() >= 4;
            });
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
