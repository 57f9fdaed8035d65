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
import org.springframework.stereotype.Component;

import io.shuno.reconciliation.PaymentKey;
import io.shuno.reconciliation.PaymentSlip;

import java.sql.Array;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
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
     * The invoice each of these keys names, if any. Safe to ask before locking: a key, once an invoice's, stays that
     * invoice's (keys are only ever added, never moved or removed).
     */
    Map<InvoiceKey, InvoiceId> idsOf(List<InvoiceKey> keys) {
        Map<InvoiceKey, InvoiceId> found = new HashMap<>();
        if (keys.isEmpty()) {
            return found;
        }
        // Rows come back by their place in the list, so no key is parsed back from its columns.
        jdbc.query("""
                select q.listed, k.invoice_id
                from unnest(?::bpchar[], ?::text[], ?::text[]) with ordinality as q(municipality_code, key_type,
                    key_value, listed)
                join invoice_payment_keys k using (municipality_code, key_type, key_value)""", row -> {
            found.put(keys.get(row.getInt("listed") - 1), new InvoiceId(row.getString("invoice_id")));
        }, (Object[]) keyColumns(keys));
        return found;
    }

    /** These invoices, each with every slip it has. */
    Map<InvoiceId, Invoice> load(Collection<InvoiceId> ids) {
        return query("i.invoice_id = any(?)", (Object) ids(ids));
    }

    /** These invoices and those these keys name, each with every slip it has, in one look. */
    Map<InvoiceId, Invoice> load(Collection<InvoiceId> ids, List<InvoiceKey> keys) {
        if (keys.isEmpty()) {
            return load(ids);
        }
        String[][] named = keyColumns(keys);
        // One condition on invoice_id (see PaymentStore.load): a union, not an "or".
        return query("""
                i.invoice_id in (select unnest(?::text[])
                                 union select k.invoice_id
                                 from unnest(?::bpchar[], ?::text[], ?::text[]) as q(municipality_code, key_type,
                                     key_value)
                                 join invoice_payment_keys k using (municipality_code, key_type, key_value))""",
                ids(ids), named[0], named[1], named[2]);
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

    private static String[][] keyColumns(Collection<InvoiceKey> keys) {
        return new String[][] {
                keys.stream().map(k -> k.municipality().value()).toArray(String[]::new),
                keys.stream().map(k -> k.key().type().name()).toArray(String[]::new),
                keys.stream().map(k -> k.key().value()).toArray(String[]::new)};
    }

    /**
     * The invoices meeting {@code condition}, each with every slip it has, read in the same statement. Most invoices
     * have no slip but their own eL番号 ({@code more_slips} is false): their keys are not read at all, which is why
     * each slip column is a subquery behind a {@code case} rather than a join every row would go through.
     */
    private Map<InvoiceId, Invoice> query(String condition, Object... parameters) {
        Map<InvoiceId, Invoice> found = new HashMap<>();
        jdbc.query("""
                select i.invoice_id, i.municipality_code, i.el_number, i.item, i.account, i.revenue_code,
                       i.fiscal_year, i.amount, i.due_date, i.payer_id, i.installment, i.cancelled, i.settled_revenue,
                       i.announced,
                       case when i.more_slips then (select array_agg(k.key_type order by k.key_type, k.key_value)
                           from invoice_payment_keys k where k.invoice_id = i.invoice_id) end as slip_types,
                       case when i.more_slips then (select array_agg(k.key_value order by k.key_type, k.key_value)
                           from invoice_payment_keys k where k.invoice_id = i.invoice_id) end as slip_values,
                       case when i.more_slips then (select array_agg(k.usable_until order by k.key_type, k.key_value)
                           from invoice_payment_keys k where k.invoice_id = i.invoice_id) end as slip_until
                from invoices i
                where\s""" + condition, row -> {
            Invoice invoice = map(row);
            found.put(invoice.id(), invoice);
        }, parameters);
        return found;
    }

    /** The slips read with an invoice; none listed when it has no slip but its eL番号. */
    private static List<PaymentSlip> slipsOf(ResultSet row) throws SQLException {
        Array typeColumn = row.getArray("slip_types");
        if (typeColumn == null) {
            return List.of();
        }
        String[] types = (String[]) typeColumn.getArray();
        String[] values = (String[]) row.getArray("slip_values").getArray();
        Date[] until = (Date[]) row.getArray("slip_until").getArray();
        List<PaymentSlip> slips = new ArrayList<>(types.length);
        for (int k = 0; k < types.length; k++) {
            slips.add(new PaymentSlip(PaymentKey.parse(PaymentKey.Type.valueOf(types[k]), values[k]),
                    Optional.ofNullable(until[k]).map(Date::toLocalDate)));
        }
        return slips;
    }

    /**
     * Invoices the batch added (new ones, inserted; one that exists after all has its state updated) and changed
     * (read under the batch's locks, so they exist), each at most once: one statement cannot update a row twice.
     * {@code keysChanged} are those whose payment keys may differ from what is stored (new invoices, reissued slips):
     * a payment changes no key.
     */
    void save(List<Invoice> added, List<Invoice> changed, List<Invoice> keysChanged) {
        insert(added);
        update(changed);
        saveKeys(keysChanged);
    }

    private void insert(List<Invoice> invoices) {
        if (invoices.isEmpty()) {
            return;
        }
        jdbc.update("""
                insert into invoices (invoice_id, municipality_code, el_number, item, account, revenue_code,
                    fiscal_year, amount, due_date, payer_id, installment, cancelled, settled_revenue, announced, status,
                    more_slips)
                select * from unnest(?::text[], ?::bpchar[], ?::bpchar[], ?::text[], ?::text[], ?::text[], ?::int[],
                    ?::bigint[], ?::date[], ?::text[], ?::int[], ?::boolean[], ?::bigint[], ?::bigint[], ?::text[],
                    ?::boolean[])
                on conflict (invoice_id) do update set amount = excluded.amount, cancelled = excluded.cancelled,
                    settled_revenue = excluded.settled_revenue, announced = excluded.announced,
                    status = excluded.status, more_slips = excluded.more_slips, updated_at = now()""",
                Columns.of(invoices).text(Invoice::id).text(invoice -> invoice.terms().municipality())
                .text(invoice -> invoice.terms().elNumber().orElse(null)).text(invoice -> invoice.terms().item())
                .text(invoice -> invoice.terms().account()).text(invoice -> invoice.terms().revenueCode())
                .integer(invoice -> invoice.terms().fiscalYear().year()).bigint(invoice -> invoice.terms().amount().yen())
                .text(invoice -> invoice.terms().dueDate()).text(invoice -> invoice.terms().payerId())
                .integer(invoice -> invoice.terms().installment().orElse(null)).text(Invoice::cancelled)
                .bigint(invoice -> invoice.settledRevenue().yen()).bigint(invoice -> invoice.announced().yen())
                .text(Invoice::status).text(invoice -> hasMoreSlips(invoice.terms())).parameters());
    }

    /** What payments, events and decisions change of an invoice that exists: its state, not its terms. */
    private void update(List<Invoice> invoices) {
        if (invoices.isEmpty()) {
            return;
        }
        jdbc.update("""
                update invoices i set amount = u.amount, cancelled = u.cancelled, settled_revenue = u.settled_revenue,
                    announced = u.announced, status = u.status, more_slips = u.more_slips, updated_at = now()
                from unnest(?::text[], ?::bigint[], ?::boolean[], ?::bigint[], ?::bigint[], ?::text[], ?::boolean[])
                    as u(invoice_id, amount, cancelled, settled_revenue, announced, status, more_slips)
                where i.invoice_id = u.invoice_id""", Columns.of(invoices).text(Invoice::id)
                .bigint(invoice -> invoice.terms().amount().yen()).text(Invoice::cancelled)
                .bigint(invoice -> invoice.settledRevenue().yen()).bigint(invoice -> invoice.announced().yen())
                .text(Invoice::status).text(invoice -> hasMoreSlips(invoice.terms())).parameters());
    }

    /**
     * Every payment key of these invoices, with its slip's usable-until date. A key already another invoice's stays
     * that invoice's: one payment pays one invoice. A key saved before is written again only if its date changed:
     * every payment saves its invoice, and its keys rarely change.
     */
    private void saveKeys(List<Invoice> invoices) {
        List<Map.Entry<Invoice, PaymentSlip>> slips = new ArrayList<>();
        invoices.forEach(invoice -> allSlips(invoice.terms()).forEach(slip -> slips.add(Map.entry(invoice, slip))));
        if (slips.isEmpty()) {
            return;
        }
        jdbc.update("""
                insert into invoice_payment_keys as k (municipality_code, key_type, key_value, invoice_id, usable_until)
                select * from unnest(?::bpchar[], ?::text[], ?::text[], ?::text[], ?::date[])
                on conflict (municipality_code, key_type, key_value) do update set usable_until = excluded.usable_until
                    where k.invoice_id = excluded.invoice_id
                        and k.usable_until is distinct from excluded.usable_until""", Columns.of(slips)
                .text(slip -> slip.getKey().terms().municipality()).text(slip -> slip.getValue().key().type())
                .text(slip -> slip.getValue().key().value()).text(slip -> slip.getKey().id())
                .text(slip -> slip.getValue().usableUntil().orElse(null)).parameters());
    }

    /** Whether the invoice has a slip other than its eL番号 with no usable-until date: see {@link #query}. */
    private static boolean hasMoreSlips(InvoiceTerms terms) {
        // Terms that list no slip are most of those a batch writes, and have none beyond their eL番号.
        return !terms.slips().isEmpty()
                && !allSlips(terms).equals(terms.elNumber().map(PaymentKey::of).map(PaymentSlip::of).stream().toList());
    }

    /** The invoice's eL番号 (the slip of an invoice that lists no others) and its listed slips, each key once. */
    private static List<PaymentSlip> allSlips(InvoiceTerms terms) {
        Map<PaymentKey, PaymentSlip> byKey = new LinkedHashMap<>();
        terms.elNumber().map(PaymentKey::of).map(PaymentSlip::of).ifPresent(slip -> byKey.put(slip.key(), slip));
        terms.slips().forEach(slip -> byKey.put(slip.key(), slip));
        return List.copyOf(byKey.values());
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
                installmentOrNone).withSlips(slipsOf(row));
        return new Invoice(terms, row.getBoolean("cancelled"), Amount.of(row.getLong("settled_revenue")),
                Amount.of(row.getLong("announced")));
    }
}
