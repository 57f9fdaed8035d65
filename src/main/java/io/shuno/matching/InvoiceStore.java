package io.shuno.matching;

import io.shuno.reconciliation.Account;
import io.shuno.reconciliation.Amount;
import io.shuno.reconciliation.ElNumber;
import io.shuno.reconciliation.FiscalYear;
import io.shuno.reconciliation.Invoice;
import io.shuno.reconciliation.InvoiceId;
import io.shuno.reconciliation.InvoiceTerms;
import io.shuno.reconciliation.Item;
import io.shuno.reconciliation.MunicipalityCode;
import io.shuno.platform.Columns;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.stereotype.Component;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The invoices table. */
@Component
class InvoiceStore {

    private final JdbcTemplate jdbc;

    InvoiceStore(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * The id and eL番号 of every invoice with one of these ids or eL番号: all the keys a batch about them must lock.
     * Safe to ask before locking: an invoice's id and eL番号 never change.
     */
    Map<InvoiceId, Optional<ElNumber>> keysOf(Collection<InvoiceId> ids, Collection<ElNumber> elNumbers) {
        Map<InvoiceId, Optional<ElNumber>> found = new HashMap<>();
        RowCallbackHandler keep = row -> found.put(new InvoiceId(row.getString("invoice_id")),
                Optional.ofNullable(row.getString("el_number")).map(ElNumber::new));
        // One indexed condition per statement: with "a = any(?) or b = any(?)" PostgreSQL's generic plan for a
        // prepared statement may scan the whole table. el_number is char(34): compared with text[] PostgreSQL casts
        // the column and scans the whole table too.
        if (!ids.isEmpty()) {
            jdbc.query("select invoice_id, el_number from invoices where invoice_id = any(?)", keep,
                    (Object) ids(ids));
        }
        if (!elNumbers.isEmpty()) {
            jdbc.query("select invoice_id, el_number from invoices where el_number = any(?::bpchar[])", keep,
                    (Object) elNumbers(elNumbers));
        }
        return found;
    }

    Map<InvoiceId, Invoice> load(Collection<InvoiceId> ids) {
        return query("invoice_id = any(?)", (Object) ids(ids));
    }

    /** The invoices with one of these ids or eL番号, by invoice id. */
    Map<InvoiceId, Invoice> load(Collection<InvoiceId> ids, Collection<ElNumber> elNumbers) {
        Map<InvoiceId, Invoice> found = new HashMap<>();
        if (!ids.isEmpty()) {
            found.putAll(load(ids));
        }
        if (!elNumbers.isEmpty()) {
            found.putAll(query("el_number = any(?::bpchar[])", (Object) elNumbers(elNumbers)));
        }
        return found;
    }

    /** These payers' invoices still owing something, for 充当 advice (read, not locked: advice only). */
    Map<Payer, List<Invoice>> openInvoicesOf(Collection<Payer> payers) {
        Map<Payer, List<Invoice>> found = new HashMap<>();
        payers.forEach(payer -> found.put(payer, new ArrayList<>()));
        // char(6) against bpchar, so the index invoices_payer serves it
        query("(municipality_code, payer_id) in (select * from unnest(?::bpchar[], ?::text[])) "
                + "and not cancelled and settled_revenue < amount", Columns.of(List.copyOf(payers))
                .text(Payer::municipality).text(Payer::payerId).parameters()).values()
                .forEach(invoice -> found.get(new Payer(invoice.terms().municipality(), invoice.terms().payerId()))
                        .add(invoice));
        return found;
    }

    private static String[] ids(Collection<InvoiceId> ids) {
        return ids.stream().map(InvoiceId::value).toArray(String[]::new);
    }

    private static String[] elNumbers(Collection<ElNumber> elNumbers) {
        return elNumbers.stream().map(ElNumber::value).toArray(String[]::new);
    }

    private Map<InvoiceId, Invoice> query(String condition, Object... parameters) {
        Map<InvoiceId, Invoice> found = new HashMap<>();
        jdbc.query("""
                select invoice_id, municipality_code, el_number, item, account, revenue_code, fiscal_year, amount,
                       due_date, payer_id, installment, cancelled, settled_revenue, announced
                from invoices
                where\s""" + condition, row -> {
            Invoice invoice = map(row);
            found.put(invoice.id(), invoice);
        }, parameters);
        return found;
    }

    /** Each invoice at most once: one statement cannot update a row twice. */
    void save(List<Invoice> invoices) {
        if (invoices.isEmpty()) {
            return;
        }
        jdbc.update("""
                insert into invoices (invoice_id, municipality_code, el_number, item, account, revenue_code,
                    fiscal_year, amount, due_date, payer_id, installment, cancelled, settled_revenue, announced, status)
                select * from unnest(?::text[], ?::bpchar[], ?::bpchar[], ?::text[], ?::text[], ?::text[], ?::int[],
                    ?::bigint[], ?::date[], ?::text[], ?::int[], ?::boolean[], ?::bigint[], ?::bigint[], ?::text[])
                on conflict (invoice_id) do update set amount = excluded.amount, cancelled = excluded.cancelled,
                    settled_revenue = excluded.settled_revenue, announced = excluded.announced,
                    status = excluded.status, updated_at = now()""", Columns.of(invoices)
                .text(Invoice::id).text(invoice -> invoice.terms().municipality())
                .text(invoice -> invoice.terms().elNumber().orElse(null)).text(invoice -> invoice.terms().item())
                .text(invoice -> invoice.terms().account()).text(invoice -> invoice.terms().revenueCode())
                .integer(invoice -> invoice.terms().fiscalYear().year()).bigint(invoice -> invoice.terms().amount().yen())
                .text(invoice -> invoice.terms().dueDate()).text(invoice -> invoice.terms().payerId())
                .integer(invoice -> invoice.terms().installment().orElse(null)).text(Invoice::cancelled)
                .bigint(invoice -> invoice.settledRevenue().yen()).bigint(invoice -> invoice.announced().yen()).text(Invoice::status).parameters());
    }

    private static Invoice map(ResultSet row) throws SQLException {
        int installment = row.getInt("installment");
        Optional<Integer> installmentOrNone = row.wasNull() ? Optional.empty() : Optional.of(installment);
        InvoiceTerms terms = new InvoiceTerms(
                new InvoiceId(row.getString("invoice_id")),
                new MunicipalityCode(row.getString("municipality_code")),
                Optional.ofNullable(row.getString("el_number")).map(ElNumber::new),
                Item.valueOf(row.getString("item")),
                Account.valueOf(row.getString("account")),
                row.getString("revenue_code"),
                new FiscalYear(row.getInt("fiscal_year")),
                Amount.of(row.getLong("amount")),
                row.getDate("due_date").toLocalDate(),
                row.getString("payer_id"),
                installmentOrNone);
        return new Invoice(terms, row.getBoolean("cancelled"), Amount.of(row.getLong("settled_revenue")),
                Amount.of(row.getLong("announced")));
    }
}
