package io.shuno.matching;

import io.shuno.reconciliation.AcquirerStatement;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.sql.Date;

/** The acquirer_statements table, which the daily close compares with the day's sales. */
@Component
class AcquirerStatementStore {

    private final JdbcTemplate jdbc;

    AcquirerStatementStore(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    void record(AcquirerStatement statement) {
        jdbc.update("""
                insert into acquirer_statements (statement_id, acquirer, municipality_code, business_date, brand,
                    gross_sales, sales_count, fee, net_deposit, deposit_date)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""", statement.statementId(), statement.acquirer(),
                statement.municipality().value(), Date.valueOf(statement.businessDate()), statement.brand().name(),
                statement.grossSales().yen(), statement.count(), statement.fee().yen(), statement.netDeposit().yen(),
                Date.valueOf(statement.depositDate()));
    }
}
