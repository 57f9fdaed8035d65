package io.shuno.scenarios;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.shuno.platform.ConsumerLag;
import io.shuno.testsupport.HostileRecords;
import io.shuno.testsupport.Messages;
import io.shuno.testsupport.ShunoUnderTest;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.jdbc.core.JdbcTemplate;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.function.IntFunction;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A record's content can never block its partition. Thousands of generated hostile records on every input topic
 * (seeded, so a failure can be replayed record for record), with valid payments between them on the same
 * partitions: every hostile one ends as exactly one dead letter carrying its original bytes, every valid one is
 * applied exactly once, and the intake group catches up with every topic.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class TestHostileInputNeverBlocksAPartition {

    private static final long SEED = 20261129L;
    private static final int HOSTILE_PER_TOPIC = 1_000;
    private static final int ELTAX_INVOICES = 300;
    /** eLTAX invoices whose payment is announced by a PRELIMINARY notice, then disturbed by one the domain refuses. */
    private static final int ANNOUNCED = 50;
    private static final int COUNTER_ORDERS = 100;
    private static final int STATEMENTS = 50;
    private static final Duration PATIENCE = Duration.ofSeconds(180);

    @RegisterExtension
    static final ShunoUnderTest shuno = new ShunoUnderTest().with("shuno.kafka.partitions", 3).running(1);

    private final Random interleaving = new Random(SEED);

    @Test
    @Order(1)
    void everyHostileRecordIsDeadLetteredOnceAndEveryValidOneAppliedOnce() {
        Map<ByteBuffer, Integer> hostile = new HashMap<>();
        Set<ByteBuffer> failingInTheDomain = new HashSet<>();
        List<String> elNumbers = new ArrayList<>();
        for (int i = 0; i < ELTAX_INVOICES; i++) {
            elNumbers.add(Messages.newElNumber());
        }

        List<Keyed> invoices = new ArrayList<>();
        for (int i = 0; i < ELTAX_INVOICES; i++) {
            invoices.add(keyed("HI-INV-" + i, Messages.issued("HI-INV-" + i, elNumbers.get(i), 1_000 + i)));
        }
        for (int c = 0; c < COUNTER_ORDERS; c++) {
            invoices.add(keyed("HI-ORD-" + c, Messages.counterOrder("HI-ORD-" + c, 500 + c)));
        }
        publish("invoice-events", invoices, hostileOf("invoice-events", n -> Messages.issued("HX-INV-" + n,
                hostileElNumber(n), 1_000), "dueDate", "amount", hostile));
        JdbcTemplate database = shuno.database();
        await().atMost(PATIENCE).until(() -> count(database, "select count(*) from invoices") == ELTAX_INVOICES + COUNTER_ORDERS);

        List<Keyed> payments = new ArrayList<>();
        List<Keyed> announced = new ArrayList<>();
        for (int i = 0; i < ELTAX_INVOICES; i++) {
            String el = elNumbers.get(i);
            ObjectNode confirmed = Messages.confirmed("HI-N-" + i, "HI-P-" + i, el, 1_000 + i);
            if (i < ANNOUNCED) {
                // Schema-valid, but the second announcement of Long.MAX_VALUE yen overflows what the invoice has
                // announced, and the domain refuses the negative sum: its batch fails to apply, whatever it holds.
                byte[] overflowing = utf8(Messages.notice("HX-NX-" + i, "HX-PX-" + i, "PRELIMINARY", el,
                        Long.MAX_VALUE).toString());
                announced.add(keyed(el, Messages.notice("HI-NP-" + i, "HI-P-" + i, "PRELIMINARY", el, 1_000 + i)));
                announced.add(new Keyed(el, overflowing));
                announced.add(keyed(el, confirmed));
                hostile.merge(ByteBuffer.wrap(overflowing), 1, Integer::sum);
                failingInTheDomain.add(ByteBuffer.wrap(overflowing));
            } else {
                payments.add(keyed(el, confirmed));
            }
        }
        List<Keyed> sales = new ArrayList<>();
        for (int c = 0; c < COUNTER_ORDERS; c++) {
            sales.add(keyed("HI-T-" + c, Messages.sale("HI-T-" + c, "CREDIT", 500 + c)
                    .set("invoiceIds", Messages.JSON.valueToTree(List.of("HI-ORD-" + c)))));
        }
        List<Keyed> statements = new ArrayList<>();
        for (int s = 0; s < STATEMENTS; s++) {
            statements.add(keyed("HI-ST-" + s, statement("HI-ST-" + s, 10_000 + s)));
        }
        publish("eltax-notices", merge(payments, announced), hostileOf("eltax-notices", n -> Messages.confirmed(
                "HX-N-" + n, "HX-P-" + n, hostileElNumber(n), 1_000), "paidAt", "amount", hostile));
        publish("terminal-transactions", sales, hostileOf("terminal-transactions", n -> Messages.sale("HX-T-" + n,
                "QR", 700).set("invoiceIds", Messages.JSON.valueToTree(List.of("HX-ORD-" + n))), "occurredAt",
                "amount", hostile));
        publish("acquirer-statements", statements, hostileOf("acquirer-statements",
                n -> statement("HX-ST-" + n, 1_000), "businessDate", "grossSales", hostile));

        int hostileRecords = hostile.values().stream().mapToInt(Integer::intValue).sum();
        int paid = ELTAX_INVOICES + COUNTER_ORDERS;
        await().atMost(PATIENCE).until(() -> count(database, "select count(*) from dead_letters") >= hostileRecords
                && count(database, "select count(*) from settlements where kind = 'REVENUE'") >= paid
                && count(database, "select count(*) from acquirer_statements") >= STATEMENTS);
        ConsumerLag lag = shuno.instance().getBean(ConsumerLag.class);
        await().atMost(PATIENCE).until(() -> lag.perTopic()
                .filter(perTopic -> perTopic.values().stream().allMatch(waiting -> waiting == 0)).isPresent());

        // Every hostile record: exactly one dead letter, with its original bytes and a reason.
        List<ConsumerRecord<String, byte[]>> deadLetters = shuno.kafka().readAll(shuno.topic("dead-letters"),
                hostileRecords, PATIENCE, Duration.ofSeconds(2));
        Map<ByteBuffer, Integer> deadLettered = new HashMap<>();
        for (ConsumerRecord<String, byte[]> letter : deadLetters) {
            ByteBuffer payload = ByteBuffer.wrap(letter.value());
            deadLettered.merge(payload, 1, Integer::sum);
            assertThat(header(letter, "shuno.dlt.reason")).isNotBlank().hasSizeLessThanOrEqualTo(1000)
                    .as("no payer id quoted").doesNotContain("P-HX");
            String errorClass = header(letter, "shuno.dlt.error-class");
            assertThat(errorClass).isIn("NOT_JSON", "SCHEMA_VIOLATION", "INVALID_IDENTIFIER", "INVALID_PAYLOAD",
                    "APPLY_FAILED");
            assertThat(errorClass.equals("APPLY_FAILED")).as("APPLY_FAILED for the records the domain refuses, only")
                    .isEqualTo(failingInTheDomain.contains(payload));
        }
        assertThat(deadLetters).hasSize(hostileRecords);
        assertThat(deadLettered).isEqualTo(hostile);
        assertThat(count(database, "select count(*) from dead_letters")).isEqualTo(hostileRecords);
        assertThat(count(database, "select count(*) from dead_letters where error_class = 'APPLY_FAILED'"))
                .isEqualTo(ANNOUNCED);

        // Every valid one: applied exactly once.
        assertThat(count(database, "select count(*) from invoices where status = 'PAID'")).isEqualTo(paid);
        assertThat(count(database, "select count(*) from settlements where kind = 'REVENUE'")).isEqualTo(paid);
        assertThat(count(database, "select count(distinct payment_ref) from settlements where kind = 'REVENUE'"))
                .isEqualTo(paid);
        long expectedRevenue = ELTAX_INVOICES * 1_000L + (long) ELTAX_INVOICES * (ELTAX_INVOICES - 1) / 2
                + COUNTER_ORDERS * 500L + (long) COUNTER_ORDERS * (COUNTER_ORDERS - 1) / 2;
        assertThat(count(database, "select sum(amount) from settlements where kind = 'REVENUE'"))
                .isEqualTo(expectedRevenue);
        assertThat(count(database, "select count(*) from acquirer_statements")).isEqualTo(STATEMENTS);
        assertThat(count(database, "select count(*) from invoices where invoice_id like 'HX-%'")).isZero();
    }

    /**
     * How fast intake gets rid of hostile records next to how fast it settles payments: a thousand of each, alone on
     * the eLTAX topic, timed from the first send until the last is dead-lettered or settled (printed, not asserted:
     * the figures depend on the machine).
     */
    @Test
    @Order(2)
    void measuresHowFastHostileRecordsAreDeadLetteredNextToPaymentsSettled() {
        int records = 1_000;
        JdbcTemplate database = shuno.database();
        long invoicesBefore = count(database, "select count(*) from invoices");
        List<Keyed> invoices = new ArrayList<>();
        List<Keyed> payments = new ArrayList<>();
        for (int i = 0; i < records; i++) {
            String el = Messages.newElNumber();
            invoices.add(keyed("HM-INV-" + i, Messages.issued("HM-INV-" + i, el, 2_000)));
            payments.add(keyed(el, Messages.confirmed("HM-N-" + i, "HM-P-" + i, el, 2_000)));
        }
        publish("invoice-events", invoices, List.of());
        await().atMost(PATIENCE).until(() -> count(database, "select count(*) from invoices") == invoicesBefore + records);

        HostileRecords generator = new HostileRecords(SEED, n -> Messages.confirmed("HM-X-" + n, "HM-PX-" + n,
                hostileElNumber(n), 1_000), "paidAt", "amount");
        List<Keyed> hostile = new ArrayList<>();
        for (int n = 0; n < records; n++) {
            hostile.add(new Keyed("HM-X-" + n, generator.next()));
        }
        long deadLettersBefore = count(database, "select count(*) from dead_letters");
        long started = System.nanoTime();
        publish("eltax-notices", List.of(), hostile);
        await().atMost(PATIENCE).pollInterval(Duration.ofMillis(20)).until(() ->
                count(database, "select count(*) from dead_letters") == deadLettersBefore + records);
        double hostilePerSecond = records / ((System.nanoTime() - started) / 1e9);

        long settledBefore = count(database, "select count(*) from settlements where kind = 'REVENUE'");
        started = System.nanoTime();
        publish("eltax-notices", payments, List.of());
        await().atMost(PATIENCE).pollInterval(Duration.ofMillis(20)).until(() ->
                count(database, "select count(*) from settlements where kind = 'REVENUE'") == settledBefore + records);
        double validPerSecond = records / ((System.nanoTime() - started) / 1e9);

        System.out.printf("intake rate: %,d hostile records dead-lettered at %,.0f/s; %,d valid payments settled at"
                + " %,.0f/s%n", records, hostilePerSecond, records, validPerSecond);
        assertThat(count(database, "select count(*) from invoices where invoice_id like 'HM-INV-%' and status = 'PAID'"))
                .isEqualTo(records);
        assertThat(count(database, "select count(*) from dead_letters")).isEqualTo(deadLettersBefore + records);
    }

    private record Keyed(String key, byte[] value) {
    }

    private static Keyed keyed(String key, ObjectNode message) {
        return new Keyed(key, utf8(message.toString()));
    }

    /** The topic's hostile records (each kind in turn, and one at the broker's size limit), counted by content. */
    private static List<Keyed> hostileOf(String topic, IntFunction<ObjectNode> valid, String dateField,
                                         String amountField, Map<ByteBuffer, Integer> hostile) {
        HostileRecords generator = new HostileRecords(SEED + topic.hashCode(), valid, dateField, amountField);
        List<Keyed> records = new ArrayList<>();
        for (int n = 0; n < HOSTILE_PER_TOPIC; n++) {
            // Some keys are hostile too (a NUL cannot be stored as text), some records have none.
            String key = n % 100 == 50 ? null : "HX-" + topic + (n % 100 == 0 ? "\u0000" : "-") + n;
            records.add(new Keyed(key, generator.next()));
        }
        records.add(new Keyed("HX-" + topic + "-limit", generator.atTheBrokersSizeLimit()));
        records.forEach(record -> hostile.merge(ByteBuffer.wrap(record.value()), 1, Integer::sum));
        return records;
    }

    /** Sends valid and hostile records mixed at random, each list keeping its own order. */
    private void publish(String topic, List<Keyed> valid, List<Keyed> hostile) {
        for (Keyed record : merge(valid, hostile)) {
            shuno.kafka().sendAsync(shuno.topic(topic), record.key(), record.value());
        }
        shuno.kafka().flush();
    }

    private List<Keyed> merge(List<Keyed> first, List<Keyed> second) {
        List<Keyed> merged = new ArrayList<>(first.size() + second.size());
        int a = 0;
        int b = 0;
        while (a < first.size() || b < second.size()) {
            int left = first.size() - a;
            int right = second.size() - b;
            merged.add(interleaving.nextInt(left + right) < left ? first.get(a++) : second.get(b++));
        }
        return merged;
    }

    /** A well-formed eL番号 of Chiyoda that no valid record uses, the same in every run (the bytes are repeatable). */
    private static String hostileElNumber(int n) {
        return Messages.CHIYODA.substring(0, 5) + String.format("%020d", 99_000_000_000L + n) + "778284127";
    }

    private static ObjectNode statement(String id, long gross) {
        ObjectNode node = Messages.JSON.createObjectNode();
        node.put("statementId", id).put("acquirer", "ACQ-1").put("municipalityCode", Messages.CHIYODA)
                .put("businessDate", "2026-06-20").put("brand", "CREDIT").put("grossSales", gross).put("count", 1)
                .put("fee", 100).put("netDeposit", gross - 100).put("depositDate", "2026-06-25");
        return node;
    }

    private static long count(JdbcTemplate database, String sql) {
        Long value = database.queryForObject(sql, Long.class);
        return value == null ? 0 : value;
    }

    private static String header(ConsumerRecord<String, byte[]> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
