package io.shuno.matching;

import io.shuno.reconciliation.AcquirerStatement;
import io.shuno.platform.Columns;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.util.List;

/** The acquirer_statements table, which the daily close compares with the day's sales. */
@Component
class AcquirerStatementStore {

    private final JdbcTemplate jdbc;

    AcquirerStatementStore(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    void record(List<AcquirerStatement> statements) {
        if (statements.isEmpty()) {
            return;
        }
        jdbc.update("""
                insert into acquirer_statements (statement_id, acquirer, municipality_code, business_date, brand,
                    gross_sales, sales_count, fee, net_deposit, deposit_date)
                select * from unnest(?::text[], ?::text[], ?::bpchar[], ?::date[], ?::text[], ?::bigint[], ?::bigint[],
                    ?::bigint[], ?::bigint[], ?::date[])""", Columns.of(statements).text(AcquirerStatement::statementId)
                .text(AcquirerStatement::acquirer).text(AcquirerStatement::municipality)
                .text(AcquirerStatement::businessDate).text(AcquirerStatement::brand)
                .bigint(s -> s.grossSales().yen()).bigint(AcquirerStatement::count).bigint(s -> s.fee().yen())
                .bigint(s -> s.netDeposit().yen()).text(AcquirerStatement::depositDate).parameters());
    }
}
