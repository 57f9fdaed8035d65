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
        String el = issued("ORD-WAIT", 7_000);

        try (Connection older = openTransaction()) {
            takeTransactionId(older);
            payAndAwaitBooking("WAIT", el, 7_000);
            assertThat(published("eltax:PAY-WAIT", Duration.ofSeconds(2))).isEmpty();

            older.commit();
            Instant ended = Instant.now();
            assertThat(published("eltax:PAY-WAIT", Duration.ofSeconds(20))).hasSize(1);
            assertThat(Duration.between(ended, Instant.now())).isLessThan(Duration.ofSeconds(20));
        }
    }

    @Test
    void aSettlementOfAnOlderTransactionThatCommitsAfterAYoungerOneIsPublishedToo() throws SQLException {
        String el = issued("ORD-YOUNG", 8_000);

        try (Connection older = openTransaction()) {
            // Its id and its booking sequence both come before the younger payment's.
            bookSuspense(older, "eltax:PAY-OLDER", 3_000);
            payAndAwaitBooking("YOUNG", el, 8_000);
            older.commit();
        }

        assertThat(published("eltax:PAY-YOUNG", Duration.ofSeconds(20))).hasSize(1);
        assertThat(published("eltax:PAY-OLDER", Duration.ofSeconds(20))).singleElement().satisfies(record ->
                assertThat(Messages.parse(record.value()).get("kind").asText()).isEqualTo("SUSPENSE"));
    }

    /** Issues an invoice and waits until shuno stored it; gives its eL番号. */
    private static String issued(String invoiceId, long amount) {
        String el = Messages.newElNumber();
        shuno.kafka().send(shuno.topic("invoice-events"), invoiceId, Messages.issued(invoiceId, el, amount).toString());
        shuno.awaitInvoice(invoiceId);
        return el;
    }

    /** Pays the invoice of the eL番号 through eLTAX and waits until its settlement is booked (not published). */
    private static void payAndAwaitBooking(String name, String el, long amount) {
        shuno.kafka().send(shuno.topic("eltax-notices"), "PAY-" + name,
                Messages.confirmed("N-" + name, "PAY-" + name, el, amount).toString());
        await().atMost(Duration.ofSeconds(30)).until(() -> shuno.database().queryForObject(
                "select count(*) from settlements where payment_ref = ?", Long.class, "eltax:PAY-" + name) > 0);
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

    private static List<ConsumerRecord<String, byte[]>> published(String paymentRef, Duration within) {
        return shuno.kafka().readAll(shuno.topic("settlements"), record -> paymentRef.equals(record.key()), 1, within,
                Duration.ZERO);
    }
}
