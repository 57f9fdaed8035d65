package io.shuno.matching;

import io.shuno.reconciliation.InvoiceId;
import io.shuno.testsupport.TestPostgres;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.transaction.support.TransactionTemplate;

import javax.sql.DataSource;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Settlements leave in the order transactions took their ids, which they take at their first write: a transaction
 * that wrote before it locked its invoices could hold an older id than the booking it waited for, and its
 * settlements would leave before that one's. So the locks refuse to be taken after a write.
 */
class ReconciliationLocksTest {

    private final DataSource database = new DriverManagerDataSource(TestPostgres.newDatabase(), "postgres", "");
    private final JdbcTemplate jdbc = new JdbcTemplate(database);
    private final TransactionTemplate transactions = new TransactionTemplate(new DataSourceTransactionManager(database));
    private final ReconciliationLocks locks = new ReconciliationLocks(jdbc);

    ReconciliationLocksTest() {
        jdbc.execute("create table writes (n integer)");
    }

    @Test
    void aTransactionLocksItsInvoicesThenWrites() {
        transactions.executeWithoutResult(status -> {
            locks.acquire(List.of(new InvoiceId("INV-FIRST")), List.of(), List.of());
            jdbc.update("insert into writes values (1)");
        });

        assertThat(jdbc.queryForObject("select count(*) from writes", Long.class)).isOne();
    }

    @Test
    void aTransactionThatWroteBeforeLockingIsRefused() {
        assertThatThrownBy(() -> transactions.executeWithoutResult(status -> {
            jdbc.update("insert into writes values (1)");
            locks.acquire(List.of(new InvoiceId("INV-LATE")), List.of(), List.of());
        })).isInstanceOf(IllegalStateException.class).hasMessageContaining("before the transaction's first write");

        assertThat(jdbc.queryForObject("select count(*) from writes", Long.class)).isZero();
    }
}
