package io.shuno.matching;

import io.shuno.reconciliation.ElNumber;
import io.shuno.reconciliation.InvoiceId;
import io.shuno.reconciliation.PaymentRef;
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
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What a batch locks, on real PostgreSQL: a key that names an invoice as that invoice; and when an invoice event races
 * the batch, with two transactions, the event holds the lock of a key it adds; the batch, paying by that key, finds no
 * invoice for it, and waits for the key's lock.
 */
class BatchStoreLocksTest {

    private static final String EL_NUMBER = "4420100000202604150002291310045128";

    private final DataSource database = new DriverManagerDataSource(TestPostgres.newDatabase(), "postgres", "");
    private final JdbcTemplate jdbc = new JdbcTemplate(database);
    private final TransactionTemplate transactions = new TransactionTemplate(new DataSourceTransactionManager(database));
    private final ReconciliationLocks locks = new ReconciliationLocks(jdbc);
    // Paying by an eL番号 reads no settlement, sale, statement or exception: those stores are not needed here.
    private final BatchStore store = new BatchStore(locks, new Inbox(jdbc), new InvoiceStore(jdbc),
            new PaymentStore(jdbc), null, null, null, null, null);
    private final ExecutorService transactionsOnTheirOwnThreads = Executors.newFixedThreadPool(2);

    BatchStoreLocksTest() {
        Flyway.configure().dataSource(database).load().migrate();
    }

    @AfterEach
    void stop() {
        transactionsOnTheirOwnThreads.shutdownNow();
    }

    @Test
    void anInvoiceAnEventAddedForTheKeyWhileTheBatchWaitedIsLockedAndLoadedBeforeTheBatchDecides() throws Exception {
        ElNumber elNumber = new ElNumber(EL_NUMBER);
        InvoiceKey key = InvoiceKey.of(elNumber);
        CountDownLatch keyHeld = new CountDownLatch(1);
        CountDownLatch addTheInvoice = new CountDownLatch(1);
        Future<?> event = transactionsOnTheirOwnThreads.submit(() -> transactions.executeWithoutResult(status -> {
            locks.acquire(List.of(new InvoiceId("INV-NEW")), List.of(key), List.of());
            keyHeld.countDown();
            Latches.await(addTheInvoice);
            anInvoice("INV-NEW", EL_NUMBER);
        }));
        Latches.await(keyHeld);

        record Locked(LoadedState state, long advisoryLocksHeld) {
        }
        Future<Locked> batch = transactionsOnTheirOwnThreads.submit(() -> transactions.execute(status -> {
            LoadedState state = store.lockAndLoad("eltax-notice", new Needs().invoiceWith(elNumber), List.of("N-1"));
            Long held = jdbc.queryForObject("""
                    select count(*) from pg_locks where locktype = 'advisory' and granted and pid = pg_backend_pid()""",
                    Long.class);
            return new Locked(state, held);
        }));
        awaitABatchWaitingForALock();
        addTheInvoice.countDown();
        event.get(10, TimeUnit.SECONDS);
        Locked locked = batch.get(10, TimeUnit.SECONDS);

        assertThat(locked.state().invoices).containsOnlyKeys(new InvoiceId("INV-NEW"));
        // The key, and the invoice found for it only after the key's lock was taken.
        assertThat(locked.advisoryLocksHeld()).isEqualTo(2);
    }

    @Test
    void aKeyThatNamesAnInvoiceIsLockedAsThatInvoiceAlone() {
        anInvoice("INV-1", EL_NUMBER);

        Long held = transactions.execute(status -> {
            LoadedState state = store.lockAndLoad("eltax-notice", new Needs().invoiceWith(new ElNumber(EL_NUMBER)),
                    List.of("N-1"));
            assertThat(state.invoices).containsOnlyKeys(new InvoiceId("INV-1"));
            return jdbc.queryForObject("""
                    select count(*) from pg_locks where locktype = 'advisory' and granted and pid = pg_backend_pid()""",
                    Long.class);
        });

        // Half the locks of a batch of such payments: a lock table holds twice the batches.
        assertThat(held).isEqualTo(1);
    }

    @Test
    void aStaffDecisionAboutAPaymentHoldsTheInvoiceItsKeyNamesSoThatANoticeAboutThePaymentWaits() throws Exception {
        anInvoice("INV-1", EL_NUMBER);
        anInvoice("INV-2", null);
        jdbc.update("""
                insert into payments (payment_ref, key_type, key_value, el_number, amount, stage)
                values ('eltax:PAY-1', 'EL_NUMBER', ?, ?, 30000, 'CONFIRMED')""", EL_NUMBER, EL_NUMBER);
        StaffDecisions decisions = new StaffDecisions(locks, new InvoiceStore(jdbc), new PaymentStore(jdbc), null,
                null, null);
        CountDownLatch decisionLocked = new CountDownLatch(1);
        CountDownLatch decide = new CountDownLatch(1);
        Future<?> decision = transactionsOnTheirOwnThreads.submit(() -> transactions.executeWithoutResult(status -> {
            decisions.lock("exception-1", Set.of(new InvoiceId("INV-2")), Optional.of(new PaymentRef("eltax:PAY-1")));
            decisionLocked.countDown();
            Latches.await(decide);
        }));
        Latches.await(decisionLocked);

        Future<LoadedState> notice = transactionsOnTheirOwnThreads.submit(() -> transactions.execute(status ->
                store.lockAndLoad("eltax-notice", new Needs().invoiceWith(new ElNumber(EL_NUMBER)),
                        List.of("N-1"))));
        awaitABatchWaitingForALock();
        decide.countDown();
        decision.get(10, TimeUnit.SECONDS);

        assertThat(notice.get(10, TimeUnit.SECONDS).invoices).containsOnlyKeys(new InvoiceId("INV-1"));
    }

    /** An open invoice of payer P-1, with its eL番号 (if any) as its one slip. */
    private void anInvoice(String id, String elNumber) {
        jdbc.update("""
                insert into invoices (invoice_id, municipality_code, el_number, item, account, revenue_code,
                                      fiscal_year, amount, due_date, payer_id, status)
                values (?, '442011', ?, 'NHI_PREMIUM', 'NHI', '01-01', 2026, 28000, '2026-06-30', 'P-1', 'OPEN')""",
                id, elNumber);
        if (elNumber != null) {
            jdbc.update("""
                    insert into invoice_payment_keys (municipality_code, key_type, key_value, invoice_id)
                    values ('442011', 'EL_NUMBER', ?, ?)""", elNumber, id);
        }
    }

    private void awaitABatchWaitingForALock() throws InterruptedException {
        Instant giveUp = Instant.now().plus(Duration.ofSeconds(10));
        while (jdbc.queryForObject("select count(*) from pg_locks where locktype = 'advisory' and not granted",
                Long.class) == 0) {
            assertThat(Instant.now()).as("the batch waits for a lock").isBefore(giveUp);
            Thread.sleep(10);
        }
    }
}
