package io.shuno.ledger;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.shuno.platform.ShunoProperties;
import io.shuno.reconciliation.Account;
import io.shuno.reconciliation.Amount;
import io.shuno.reconciliation.BookingYear;
import io.shuno.reconciliation.Channel;
import io.shuno.reconciliation.FiscalYear;
import io.shuno.reconciliation.InvoiceId;
import io.shuno.reconciliation.MunicipalityCode;
import io.shuno.reconciliation.PaymentRef;
import io.shuno.reconciliation.Settlement;
import io.shuno.reconciliation.SettlementKind;
import io.shuno.reconciliation.YearClass;
import io.shuno.testsupport.Latches;
import io.shuno.testsupport.TestPostgres;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.transaction.support.TransactionTemplate;

import javax.sql.DataSource;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The relay reads the settlements journal itself: in booking order, never skipping a row of a transaction that
 * took its id earlier and committed later, with the message booking used to write to the outbox.
 */
class SettlementPublicationTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String TOPIC = "test.settlements";

    private final DataSource database = new DriverManagerDataSource(TestPostgres.newDatabase(), "postgres", "");
    private final JdbcTemplate jdbc = new JdbcTemplate(database);
    private final TransactionTemplate transactions = new TransactionTemplate(new DataSourceTransactionManager(database));
    private final Clock clock = Clock.fixed(Instant.parse("2026-11-30T01:02:03.123456789Z"), ZoneId.of("Asia/Tokyo"));
    private final SettlementJournal journal = new SettlementJournal(jdbc, clock);
    private final SettlementPublication publication = new SettlementPublication(jdbc, journal, JSON, clock,
            new ShunoProperties(new ShunoProperties.Topics("i", "e", "t", "a", TOPIC, "x", "d", "dd", "cs"), null));
    private final ExecutorService writers = Executors.newCachedThreadPool();

    @AfterEach
    void stopWriters() {
        writers.shutdownNow();
    }

    @Test
    void aSettlementIsPublishedAsBookingWroteItToTheOutbox() {
        migrate(null);
        Settlement revenue = revenue("eltax:PAY-1", 12_000);
        Settlement reversal = reversalOf(revenue);
        book(revenue);
        book(reversal);

        List<OutboxMessage> messages = publication.next(10).messages();

        assertThat(messages).extracting(OutboxMessage::topic).containsOnly(TOPIC);
        assertThat(messages).extracting(OutboxMessage::key).containsExactly("eltax:PAY-1", "eltax:PAY-1");
        assertThat(messages).allSatisfy(message -> assertThat(message.headers()).isEmpty());
        // The clock read at booking, to the microsecond PostgreSQL keeps, in Asia/Tokyo.
        String occurredAt = "2026-11-30T10:02:03.123456+09:00";
        assertThat(messages.get(0).payload()).isEqualTo(SettlementMessages.toJson(JSON, revenue,
                DoubleEntry.of(revenue, null), OffsetDateTime.parse(occurredAt)));
        assertThat(messages.get(1).payload()).isEqualTo(SettlementMessages.toJson(JSON, reversal,
                DoubleEntry.of(reversal, revenue), OffsetDateTime.parse(occurredAt)));
        assertThat(parse(messages.get(1)).get("occurredAt").asText()).isEqualTo(occurredAt);
    }

    @Test
    void aTransactionThatTookItsIdFirstAndCommitsLastIsWaitedForNotSkipped() throws Exception {
        migrate(null);
        Settlement older = revenue("eltax:PAY-OLDER", 1_000);
        Settlement younger = revenue("eltax:PAY-YOUNGER", 2_000);
        CountDownLatch olderBooked = new CountDownLatch(1);
        CountDownLatch commitOlder = new CountDownLatch(1);
        Future<?> olderTransaction = writers.submit(() -> transactions.executeWithoutResult(status -> {
            journal.book(List.of(older));
            olderBooked.countDown();
            Latches.await(commitOlder);
        }));
        Latches.await(olderBooked);
        // Booked later, committed first: the smaller id and the earlier booking are still running.
        book(younger);

        SettlementPublication.Batch whileOlderRuns = publication.next(10);
        assertThat(whileOlderRuns.messages()).isEmpty();
        assertThat(whileOlderRuns.waiting()).isTrue();

        commitOlder.countDown();
        olderTransaction.get(10, TimeUnit.SECONDS);
        assertThat(publishAll(1)).containsExactly(older.settlementId(), younger.settlementId());
        assertThat(publication.next(10).waiting()).isFalse();
    }

    @Test
    void settlementsAboutOneInvoiceLeaveInTheOrderTheyWereBooked() throws Exception {
        migrate(null);
        Settlement revenue = revenue("eltax:PAY-LOCKED", 5_000);
        Settlement reversal = reversalOf(revenue);
        CountDownLatch revenueBooked = new CountDownLatch(1);
        CountDownLatch commitRevenue = new CountDownLatch(1);
        // The writers' discipline (ReconciliationLocks): the invoice's lock first, then the first write.
        Future<?> first = writers.submit(() -> transactions.executeWithoutResult(status -> {
            lockInvoice();
            journal.book(List.of(revenue));
            revenueBooked.countDown();
            Latches.await(commitRevenue);
        }));
        Latches.await(revenueBooked);
        // Began while the revenue's transaction ran, waits for its lock, books after it committed.
        Future<?> second = writers.submit(() -> transactions.executeWithoutResult(status -> {
            lockInvoice();
            journal.book(List.of(reversal));
        }));
        commitRevenue.countDown();
        first.get(10, TimeUnit.SECONDS);
        second.get(10, TimeUnit.SECONDS);

        assertThat(publishAll(10)).containsExactly(revenue.settlementId(), reversal.settlementId());
    }

    @Test
    void aBatchLimitResumesWhereThePreviousBatchStopped() {
        migrate(null);
        List<String> booked = new ArrayList<>();
        for (int t = 0; t < 3; t++) {
            List<Settlement> inOneTransaction = new ArrayList<>();
            for (int i = 0; i < 3; i++) {
                Settlement settlement = revenue("eltax:PAY-B" + t + "-" + i, 100 + i);
                inOneTransaction.add(settlement);
                booked.add(settlement.settlementId());
            }
            transactions.executeWithoutResult(status -> journal.book(inOneTransaction));
        }

        assertThat(publishAll(2)).containsExactlyElementsOf(booked);
    }

    @Test
    void settlementsBookedByTheReleaseBeforeLeaveFromTheOutboxOnly() {
        migrate("14");
        bookAsTheReleaseBefore("eltax:OLD");

        migrate(null);
        // An instance not yet upgraded, during a rolling upgrade.
        bookAsTheReleaseBefore("eltax:ROLLING");
        Settlement after = revenue("eltax:NEW", 4_000);
        book(after);

        assertThat(publishAll(10)).containsExactly(after.settlementId());
        assertThat(jdbc.queryForList("select message_key from outbox order by id", String.class))
                .containsExactly("eltax:OLD", "eltax:ROLLING");
    }

    /** As the release before V15 booked: the settlement and its message in the outbox, in one transaction. */
    private void bookAsTheReleaseBefore(String paymentRef) {
        UUID id = UUID.randomUUID();
        transactions.executeWithoutResult(status -> {
            jdbc.update("""
                    insert into settlements (settlement_id, kind, municipality_code, payment_ref, invoice_id, amount,
                                             account, revenue_code, fiscal_year, year_class, received_on, channel, cause)
                    values (?, 'REVENUE', '131016', ?, 'INV-1', 3000, 'GENERAL', '01-01', 2026, 'CURRENT',
                            '2026-11-27', 'BANK_COUNTER', 'old')""", id, paymentRef);
            jdbc.update("insert into outbox (topic, message_key, payload) values (?, ?, ?)", TOPIC, paymentRef,
                    ("{\"settlementId\":\"" + id + "\"}").getBytes(StandardCharsets.UTF_8));
        });
    }

    /** Publishes in batches of {@code limit} as the relay does, and gives the settlement ids in publication order. */
    private List<String> publishAll(int limit) {
        List<String> published = new ArrayList<>();
        for (SettlementPublication.Batch batch = publication.next(limit); !batch.messages().isEmpty();
             batch = publication.next(limit)) {
            batch.messages().forEach(message -> published.add(parse(message).get("settlementId").asText()));
            publication.publishedThrough(batch.last().orElseThrow());
        }
        return published;
    }

    private void lockInvoice() {
        jdbc.queryForObject("select count(pg_advisory_xact_lock(14))", Long.class);
    }

    private void book(Settlement settlement) {
        transactions.executeWithoutResult(status -> journal.book(List.of(settlement)));
    }

    private void migrate(String target) {
        Flyway.configure().dataSource(database).target(target == null ? "latest" : target).load().migrate();
    }

    private static JsonNode parse(OutboxMessage message) {
        try {
            return JSON.readTree(message.payload());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Settlement revenue(String paymentRef, long amount) {
        return new Settlement(UUID.randomUUID().toString(), SettlementKind.REVENUE, Optional.empty(),
                new MunicipalityCode("131016"), new PaymentRef(paymentRef), Optional.of(new InvoiceId("INV-1")), Amount.of(amount),
                Account.GENERAL, Optional.of("01-01"), new BookingYear(new FiscalYear(2026), YearClass.CURRENT),
                LocalDate.of(2026, 11, 27), Channel.BANK_COUNTER, "test");
    }

    private static Settlement reversalOf(Settlement settlement) {
        return new Settlement(UUID.randomUUID().toString(), SettlementKind.REVERSAL,
                Optional.of(settlement.settlementId()), settlement.municipality(), settlement.paymentRef(),
                settlement.invoiceId(), settlement.amount(), settlement.account(), Optional.empty(),
                settlement.bookingYear(), settlement.receivedOn(), settlement.channel(), "test reversal");
    }
}
