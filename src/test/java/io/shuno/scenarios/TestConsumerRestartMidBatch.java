package io.shuno.scenarios;

import io.shuno.testsupport.KafkaProbe;
import io.shuno.testsupport.Messages;
import io.shuno.testsupport.ShunoUnderTest;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Stopping shuno in the middle of a backlog, or failing a batch half-way through its transaction, neither loses
 * nor repeats a settlement: what was not committed is read again, what was committed is not applied twice.
 */
class TestConsumerRestartMidBatch {

    private static final int PAYMENTS = 2_000;

    private ShunoUnderTest shuno;
    private KafkaProbe kafka;

    @BeforeEach
    void start() {
        // Small batches, so that a stop lands between batches that are committed and ones that are not.
        shuno = new ShunoUnderTest().with("shuno.intake.max-poll-records", 50);
        kafka = new KafkaProbe(shuno.brokers());
    }

    @AfterEach
    void stop() {
        kafka.close();
        shuno.close();
    }

    @Test
    void aStopInTheMiddleOfABacklogNeitherLosesNorRepeatsASettlement() {
        ConfigurableApplicationContext first = shuno.start();
        List<String> elNumbers = publishInvoicesAndAwait("RS");
        JdbcTemplate database = shuno.database();
        // shuno can drain these 2,000 payments before it has stopped. So that the stop comes in the middle of the
        // backlog, each batch's booking waits 50 ms: 40 batches of 50 take at least 2 s, however fast the machine.
        database.execute("""
                create function book_slowly() returns trigger language plpgsql as $$
                begin
                  perform pg_sleep(0.05);
                  return null;
                end $$;
                create trigger book_slowly after insert on settlements
                  for each statement execute function book_slowly();""");
        publishPayments("RS", elNumbers);
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(10))
                .until(() -> settled(database) >= PAYMENTS / 10);
        first.close();
        long settledBeforeRestart = settled(database);
        assertThat(settledBeforeRestart).as("the stop came in the middle of the backlog").isLessThan(PAYMENTS);

        shuno.start();

        await().atMost(Duration.ofSeconds(120)).until(() -> settled(database) == PAYMENTS);
        assertExactlyOnce(database);
    }

    @Test
    void aBatchWhoseTransactionFailsHalfWayIsReadAgainAndSettledOnce() {
        shuno.start();
        List<String> elNumbers = publishInvoicesAndAwait("RF");
        JdbcTemplate database = shuno.database();
        // The first three attempts to book a settlement fail inside the transaction with a serialization failure
        // (40001), a fault that passes: the batch is read again, never split, nothing dead-lettered. A sequence is
        // not rolled back, so it counts the attempts across the rolled-back transactions.
        database.execute("""
                create sequence failed_attempts;
                create function fail_first_attempts() returns trigger language plpgsql as $$
                begin
                  if nextval('failed_attempts') <= 3 then
                    raise exception 'injected failure in the middle of a batch' using errcode = '40001';
                  end if;
                  return new;
                end $$;
                create trigger fail_first_attempts before insert on settlements
                  for each row execute function fail_first_attempts();""");

        publishPayments("RF", elNumbers);

        await().atMost(Duration.ofSeconds(120)).until(() -> settled(database) == PAYMENTS);
        assertThat(database.queryForObject("select last_value from failed_attempts", Long.class))
                .as("the injected failures happened").isGreaterThan(3);
        assertThat(database.queryForObject("select count(*) from dead_letters", Long.class))
                .as("a passing fault dead-letters nothing").isZero();
        assertExactlyOnce(database);
    }

    private List<String> publishInvoicesAndAwait(String prefix) {
        List<String> elNumbers = new java.util.ArrayList<>();
        for (int i = 0; i < PAYMENTS; i++) {
            String el = Messages.newElNumber();
            elNumbers.add(el);
            kafka.sendAsync(shuno.topic("invoice-events"), prefix + i,
                    Messages.issued(prefix + "-INV-" + i, el, 1_000 + i).toString());
        }
        kafka.flush();
        JdbcTemplate database = shuno.database();
        await().atMost(Duration.ofSeconds(60)).until(() ->
                database.queryForObject("select count(*) from invoices", Long.class) == PAYMENTS);
        return elNumbers;
    }

    private void publishPayments(String prefix, List<String> elNumbers) {
        for (int i = 0; i < PAYMENTS; i++) {
            kafka.sendAsync(shuno.topic("eltax-notices"), prefix + "-PAY-" + i,
                    Messages.confirmed(prefix + "-N-" + i, prefix + "-PAY-" + i, elNumbers.get(i), 1_000 + i).toString());
        }
        kafka.flush();
    }

    private static long settled(JdbcTemplate database) {
        return database.queryForObject("select count(*) from settlements", Long.class);
    }

    private void assertExactlyOnce(JdbcTemplate database) {
        assertThat(database.queryForObject("select count(*) from invoices where status = 'PAID'", Long.class))
                .isEqualTo(PAYMENTS);
        assertThat(database.queryForObject("select count(distinct payment_ref) from settlements", Long.class))
                .isEqualTo(PAYMENTS);
        long expectedTotal = (long) PAYMENTS * 1_000 + (long) PAYMENTS * (PAYMENTS - 1) / 2;
        assertThat(database.queryForObject("select sum(amount) from settlements where kind = 'REVENUE'", Long.class))
                .isEqualTo(expectedTotal);
        List<ConsumerRecord<String, byte[]>> published = kafka.readAll(shuno.topic("settlements"), PAYMENTS,
                Duration.ofSeconds(60), Duration.ofSeconds(2));
        Set<String> ids = new HashSet<>();
        published.forEach(record -> ids.add(Messages.parse(record.value()).get("settlementId").asText()));
        assertThat(ids).hasSize(PAYMENTS);
        assertThat(published).as("no settlement published twice").hasSize(PAYMENTS);
    }
}
