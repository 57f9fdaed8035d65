package io.shuno.matching;

import io.shuno.reconciliation.Account;
import io.shuno.reconciliation.ElNumber;
import io.shuno.reconciliation.FiscalYear;
import io.shuno.reconciliation.Invoice;
import io.shuno.reconciliation.InvoiceId;
import io.shuno.reconciliation.InvoiceTerms;
import io.shuno.reconciliation.Item;
import io.shuno.reconciliation.MunicipalityCode;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/** The invoices table. */
@Component
class InvoiceStore {

    private final JdbcTemplate jdbc;

    InvoiceStore(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Which invoice each eL番号 belongs to. Safe to ask before locking: an invoice's eL番号 never changes. */
    Map<ElNumber, InvoiceId> idsByElNumber(Collection<ElNumber> elNumbers) {
        Map<ElNumber, InvoiceId> found = new HashMap<>();
        // el_number is char(34): compared with text[] PostgreSQL casts the column and scans the whole table.
        jdbc.query("select el_number, invoice_id from invoices where el_number = any(?::bpchar[])",
                row -> {
                    found.put(new ElNumber(row.getString(1)), new InvoiceId(row.getString(2)));
                }, (Object) elNumbers.stream().map(ElNumber::value).toArray(String[]::new));
        return found;
    }

    /** The eL番号 of the given invoices, where they have one. Safe to ask before locking, as above. */
    Map<InvoiceId, ElNumber> elNumbersOf(Collection<InvoiceId> ids) {
        Map<InvoiceId, ElNumber> found = new HashMap<>();
        jdbc.query("select invoice_id, el_number from invoices where invoice_id = any(?) and el_number is not null",
                row -> {
                    found.put(new InvoiceId(row.getString(1)), new ElNumber(row.getString(2)));
                }, (Object) ids.stream().map(InvoiceId::value).toArray(String[]::new));
        return found;
    }

    Map<InvoiceId, Invoice> load(Collection<InvoiceId> ids) {
        return query("invoice_id = any(?)", (Object) ids.stream().map(InvoiceId::value).toArray(String[]::new));
    }

    /** The invoices still owing something of the given payers, for 充当 advice (read, not locked: advice only). */
    Map<InvoiceId, Invoice> openInvoicesOf(Collection<Payer> payers) {
        // By (municipality_code, payer_id), the index invoices_payer: by payer_id alone it is read end to end.
        return query("""
                (municipality_code, payer_id) in (select * from unnest(?::bpchar[], ?::text[]))
                and not cancelled and settled_revenue < amount""",
                payers.stream().map(payer -> payer.municipality().value()).toArray(String[]::new),
                payers.stream().map(Payer::payerId).toArray(String[]::new));
    }

    /** The locked invoices, plus (for 充当 advice only) the other open invoices of the given payers. */
    Map<InvoiceId, Invoice> withOpenInvoicesOf(Map<InvoiceId, Invoice> locked, Collection<Payer> payers) {
        Map<InvoiceId, Invoice> all = new HashMap<>(openInvoicesOf(payers));
        all.putAll(locked);
        return all;
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

    void save(Collection<Invoice> invoices) {
        jdbc.batchUpdate("""
                insert into invoices (invoice_id, municipality_code, el_number, item, account, revenue_code,
                    fiscal_year, amount, due_date, payer_id, installment, cancelled, settled_revenue, announced, status)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                on conflict (invoice_id) do update set amount = excluded.amount, cancelled = excluded.cancelled,
                    settled_revenue = excluded.settled_revenue, announced = excluded.announced,
                    status = excluded.status, updated_at = now()""", invoices, invoices.size(), (ps, invoice) -> {
            InvoiceTerms terms = invoice.terms();
            ps.setString(1, terms.id().value());
            ps.setString(2, terms.municipality().value());
            ps.setString(3, terms.elNumber().map(ElNumber::value).orElse(null));
            ps.setString(4, terms.item().name());
            ps.setString(5, terms.account().name());
            ps.setString(6, terms.revenueCode());
            ps.setInt(7, terms.fiscalYear().year());
            ps.setLong(8, terms.amount());
            ps.setDate(9, Date.valueOf(terms.dueDate()));
            ps.setString(10, terms.payerId());
            if (terms.installment().isPresent()) {
                ps.setInt(11, terms.installment().get());
            } else {
                ps.setNull(11, Types.INTEGER);
            }
            ps.setBoolean(12, invoice.cancelled());
            ps.setLong(13, invoice.settledRevenue());
            ps.setLong(14, invoice.announced());
            ps.setString(15, invoice.status().name());
        });
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
                row.getLong("amount"),
                row.getDate("due_date").toLocalDate(),
                row.getString("payer_id"),
                installmentOrNone);
        return new Invoice(terms, row.getBoolean("cancelled"), row.getLong("settled_revenue"), row.getLong("announced"));
    }
}
