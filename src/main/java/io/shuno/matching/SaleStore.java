package io.shuno.matching;

import io.shuno.reconciliation.Brand;
import io.shuno.reconciliation.ElNumber;
import io.shuno.reconciliation.InvoiceId;
import io.shuno.reconciliation.MunicipalityCode;
import io.shuno.reconciliation.SaleState;
import io.shuno.reconciliation.SalesTotals;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import io.shuno.platform.Columns;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.sql.Array;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The terminal_sales table: counter SALEs, what each paid for, and whether a VOID cancelled them. */
@Component
class SaleStore {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final JdbcTemplate jdbc;

    SaleStore(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    Map<String, SaleState> load(Collection<String> transactionIds) {
        Map<String, SaleState> found = new HashMap<>();
        jdbc.query("""
                select transaction_id, municipality_code, brand, amount, business_date, voided, invoice_ids, el_number
                from terminal_sales where transaction_id = any(?)""", row -> {
            Array orders = row.getArray("invoice_ids");
            SaleState sale = new SaleState(row.getString("transaction_id"),
                    new MunicipalityCode(row.getString("municipality_code")), Brand.valueOf(row.getString("brand")),
                    row.getLong("amount"), row.getDate("business_date").toLocalDate(),
                    orders == null ? List.of() : Arrays.stream((String[]) orders.getArray()).map(InvoiceId::new).toList(),
                    Optional.ofNullable(row.getString("el_number")).map(ElNumber::new), row.getBoolean("voided"));
            found.put(sale.transactionId(), sale);
        }, (Object) transactionIds.toArray(String[]::new));
        return found;
    }

    /** Each sale at most once: one statement cannot update a row twice. */
    void save(List<SaleState> sales) {
        if (sales.isEmpty()) {
            return;
        }
        // A sale's counter orders travel as one JSON array each: unnest cannot take an array of arrays apart.
        jdbc.update("""
                insert into terminal_sales (transaction_id, municipality_code, brand, amount, business_date, voided,
                                            invoice_ids, el_number)
                select transaction_id, municipality_code, brand, amount, business_date, voided,
                       array(select jsonb_array_elements_text(invoice_ids::jsonb)), el_number
                from unnest(?::text[], ?::bpchar[], ?::text[], ?::bigint[], ?::date[], ?::boolean[], ?::text[],
                            ?::bpchar[])
                     as sale(transaction_id, municipality_code, brand, amount, business_date, voided, invoice_ids,
                             el_number)
                on conflict (transaction_id) do update set voided = excluded.voided, updated_at = now()""",
                Columns.of(sales).text(SaleState::transactionId).text(SaleState::municipality).text(SaleState::brand)
                        .bigint(SaleState::amount).text(SaleState::businessDate).text(SaleState::voided)
                        .text(sale -> ordersJson(sale.invoiceIds())).text(sale -> sale.slip().orElse(null))
                        .parameters());
    }

    private static String ordersJson(List<InvoiceId> invoiceIds) {
        ArrayNode orders = JSON.createArrayNode();
        invoiceIds.forEach(id -> orders.add(id.value()));
        return orders.toString();
    }

    /** Each day's SALEs of one brand in one municipality, VOIDs taken off, as the acquirer should report them. */
    Map<SalesDay, SalesTotals> totals(Collection<SalesDay> days) {
        Map<SalesDay, SalesTotals> found = new HashMap<>();
        jdbc.query("""
                select day.municipality_code, day.business_date, day.brand, count(sale.amount) as sales_count,
                       coalesce(sum(sale.amount), 0) as gross
                from unnest(?::bpchar[], ?::date[], ?::text[]) as day(municipality_code, business_date, brand)
                left join terminal_sales sale on sale.municipality_code = day.municipality_code
                    and sale.business_date = day.business_date and sale.brand = day.brand and not sale.voided
                group by day.municipality_code, day.business_date, day.brand""", row -> {
            found.put(new SalesDay(new MunicipalityCode(row.getString("municipality_code")),
                            row.getDate("business_date").toLocalDate(), Brand.valueOf(row.getString("brand"))),
                    new SalesTotals(row.getLong("sales_count"), row.getLong("gross")));
        }, Columns.of(List.copyOf(days)).text(SalesDay::municipality).text(SalesDay::businessDate)
                .text(SalesDay::brand).parameters());
        return found;
    }
}
