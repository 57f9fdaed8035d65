package io.shuno.matching;

import io.shuno.reconciliation.Brand;
import io.shuno.reconciliation.ElNumber;
import io.shuno.reconciliation.InvoiceId;
import io.shuno.reconciliation.MunicipalityCode;
import io.shuno.reconciliation.SaleState;
import io.shuno.reconciliation.SalesTotals;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.sql.Array;
import java.sql.Date;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The terminal_sales table: counter SALEs, what each paid for, and whether a VOID cancelled them. */
@Component
class SaleStore {

    private final JdbcTemplate jdbc;

    SaleStore(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    Map<String, SaleState> load(Collection<String> transactionIds) {
        Map<String, SaleState> found = new HashMap<>();
        jdbc.query("""
                select transaction_id, municipality_code, brand, amount, business_date, voided, invoice_ids, el_number
                from terminal_sales where transaction_id = any(?)""", row -> {
            Array orders = row.getArray(7);
            SaleState sale = new SaleState(row.getString(1), new MunicipalityCode(row.getString(2)),
                    Brand.valueOf(row.getString(3)), row.getLong(4), row.getDate(5).toLocalDate(),
                    orders == null ? List.of() : Arrays.stream((String[]) orders.getArray()).map(InvoiceId::new).toList(),
                    Optional.ofNullable(row.getString(8)).map(ElNumber::new), row.getBoolean(6));
            found.put(sale.transactionId(), sale);
        }, (Object) transactionIds.toArray(String[]::new));
        return found;
    }

    void save(Collection<SaleState> sales) {
        jdbc.batchUpdate("""
                insert into terminal_sales (transaction_id, municipality_code, brand, amount, business_date, voided,
                                            invoice_ids, el_number)
                values (?, ?, ?, ?, ?, ?, ?, ?)
                on conflict (transaction_id) do update set voided = excluded.voided, updated_at = now()""",
                sales, sales.size(), (ps, sale) -> {
                    ps.setString(1, sale.transactionId());
                    ps.setString(2, sale.municipality().value());
                    ps.setString(3, sale.brand().name());
                    ps.setLong(4, sale.amount());
                    ps.setDate(5, Date.valueOf(sale.businessDate()));
                    ps.setBoolean(6, sale.voided());
                    ps.setArray(7, ps.getConnection().createArrayOf("text",
                            sale.invoiceIds().stream().map(InvoiceId::value).toArray()));
                    ps.setString(8, sale.slip().map(ElNumber::value).orElse(null));
                });
    }

    /** The day's SALEs of one brand in one municipality, VOIDs taken off, as the acquirer should report them. */
    SalesTotals totals(MunicipalityCode municipality, LocalDate businessDate, Brand brand) {
        return jdbc.queryForObject("""
                select count(*), coalesce(sum(amount), 0) from terminal_sales
                where municipality_code = ? and business_date = ? and brand = ? and not voided""",
                (row, n) -> new SalesTotals(row.getLong(1), row.getLong(2)),
                municipality.value(), Date.valueOf(businessDate), brand.name());
    }
}
