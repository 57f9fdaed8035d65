package io.shuno.scenarios;

import io.shuno.testsupport.Messages;
import io.shuno.testsupport.ShunoUnderTest;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The relay publishes settlements from the journal itself, in the order transactions took their ids. A transaction
 * that took its id earlier and is still running holds back what younger ones booked — it might book before them — and
 * is published when it commits, never skipped; one that books nothing still lets them go within moments, though it
 * wakes nobody and the relay looks on its own only every ten minutes.
 */
class TestSettlementsLeaveInBookingOrder {

    @RegisterExtension
    static final ShunoUnderTest shuno = new ShunoUnderTest().with("shuno.relay.idle-ms", 600_000).running(1);

    @Test
    void aPaymentWaitsForAnOlderTransactionAndLeavesOnceItEndsThoughItBookedNothing() throws SQLException {
        String el = Messages.newElNumber();
        shuno.kafka().send(shuno.topic("invoice-events"), "ORD-WAIT", Messages.issued("ORD-WAIT", el, 7_000).toString());
        shuno.awaitInvoice("ORD-WAIT");

        try (Connection older = openTransaction()) {
            takeTransactionId(older);
            shuno.kafka().send(shuno.topic("eltax-notices"), "PAY-WAIT",
                    Messages.confirmed("N-WAIT", "PAY-WAIT", el, 7_000).toString());
            awaitBooked("eltax:PAY-WAIT");
            assertThat(published("eltax:PAY-WAIT", Duration.ofSeconds(2))).isEmpty();

            older.commit();
            Instant ended = Instant.now();
            assertThat(published("eltax:PAY-WAIT", Duration.ofSeconds(20))).hasSize(1);
            assertThat(Duration.between(ended, Instant.now())).isLessThan(Duration.ofSeconds(20));
        }
    }

    @Test
    void aSettlementOfAnOlderTransactionThatCommitsAfterAYoungerOneIsPublishedToo() throws SQLException {
        String el = Messages.newElNumber();
        shuno.kafka().send(shuno.topic("invoice-events"), "ORD-YOUNG", Messages.issued("ORD-YOUNG", el, 8_000).toString());
        shuno.awaitInvoice("ORD-YOUNG");

        try (Connection older = openTransaction()) {
            // Its id and its booking sequence both come before the younger payment's.
            bookSuspense(older, "eltax:PAY-OLDER", 3_000);
            shuno.kafka().send(shuno.topic("eltax-notices"), "PAY-YOUNG",
                    Messages.confirmed("N-YOUNG", "PAY-YOUNG", el, 8_000).toString());
            awaitBooked("eltax:PAY-YOUNG");
            older.commit();
        }

        assertThat(published("eltax:PAY-YOUNG", Duration.ofSeconds(20))).hasSize(1);
        assertThat(published("eltax:PAY-OLDER", Duration.ofSeconds(20))).singleElement().satisfies(record ->
                assertThat(Messages.parse(record.value()).get("kind").asText()).isEqualTo("SUSPENSE"));
    }

    private static Connection openTransaction() throws SQLException {
        Connection connection = shuno.instance().getBean(DataSource.class).getConnection();
        connection.setAutoCommit(false);
        return connection;
    }

    private static void takeTransactionId(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute("select pg_current_xact_id()");
        }
    }

    private static void bookSuspense(Connection connection, String paymentRef, long amount) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement("""
                insert into settlements (settlement_id, kind, municipality_code, payment_ref, amount, account,
                                         fiscal_year, year_class, received_on, channel, cause, occurred_at)
                values (?, 'SUSPENSE', '131016', ?, ?, 'NHI', 2026, 'CURRENT', '2026-06-20', 'SMARTPHONE_APP',
                        'notice:OLDER', now())""")) {
            insert.setObject(1, UUID.randomUUID());
            insert.setString(2, paymentRef);
            insert.setLong(3, amount);
            insert.executeUpdate();
        }
    }

    private static void awaitBooked(String paymentRef) {
        await().atMost(Duration.ofSeconds(30)).until(() -> shuno.database().queryForObject(
                "select count(*) from settlements where payment_ref = ?", Long.class, paymentRef) > 0);
    }

    private static List<ConsumerRecord<String, byte[]>> published(String paymentRef, Duration within) {
        return shuno.kafka().readAll(shuno.topic("settlements"), record -> paymentRef.equals(record.key()), 1, within,
                Duration.ZERO);
    }
}
