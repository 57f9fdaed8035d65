package io.shuno.matching;

import io.shuno.reconciliation.PaymentKey;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What matching's records say (tables invoices, payments, terminal_sales and acquirer_statements), for the operations
 * API and the daily close; matching's stores are what the pipeline loads and writes.
 */
@Component
public class MatchingQueries {

    /** An acquirer's statement of one day and brand beside the counter sales recorded for them (not voided). */
    public record StatementAgainstSales(String statementId, String acquirer, String brand, long salesCount,
                                        long grossSales, long fee, long netDeposit, LocalDate depositDate,
                                        long recordedCount, long recordedGross) {
    }

    private static final String INVOICE_COLUMNS = """
            invoice_id, municipality_code, el_number, item, account, revenue_code, fiscal_year, amount, due_date,
            payer_id, installment, status, settled_revenue, announced, cancelled""";

    private final JdbcTemplate jdbc;

    MatchingQueries(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<InvoiceRecord> invoice(String invoiceId) {
        return jdbc.query("select " + INVOICE_COLUMNS + " from invoices where invoice_id = ?",
                (row, n) -> invoice(row), invoiceId).stream().findFirst();
    }

    /** The invoice that has this payment key among its slips (an eL番号, a barcode, 顧客番号:引落日), if any. */
    public Optional<InvoiceRecord> invoiceWithKey(PaymentKey key) {
        return jdbc.query("select " + INVOICE_COLUMNS + " from invoices where invoice_id in "
                        + "(select invoice_id from invoice_payment_keys where key_type = ? and key_value = ?)",
                (row, n) -> invoice(row), key.type().name(), key.value()).stream().findFirst();
    }

    /** The invoice of the latest debit (by 引落日) the billing system asked for under this 顧客番号. */
    public Optional<InvoiceRecord> invoiceWithCustomerNumber(String customerNumber) {
        return jdbc.query("select " + INVOICE_COLUMNS + " from invoices where invoice_id = "
                        + "(select invoice_id from invoice_payment_keys where key_type = 'DIRECT_DEBIT' "
                        + "and key_value like ? order by key_value desc limit 1)",
                (row, n) -> invoice(row), customerNumber.replace("%", "").replace("_", "") + ":%")
                .stream().findFirst();
    }

    /** The key the payment named its invoice by, if it is a payment shuno knows. */
    public Optional<PaymentKey> keyOf(String paymentRef) {
        return jdbc.query("select key_type, key_value from payments where payment_ref = ?", (row, n) ->
                PaymentKey.parse(PaymentKey.Type.valueOf(row.getString("key_type")), row.getString("key_value")),
                paymentRef).stream().findFirst();
    }

    /**
     * The payments naming {@code key} or any key of invoice {@code invoiceId} (when given), or being one of
     * {@code paymentRefs}, oldest update first.
     */
    public List<PaymentRecord> payments(Optional<String> invoiceId, Optional<PaymentKey> key,
                                        Collection<String> paymentRefs) {
        return jdbc.query("""
                select payment_ref, key_type, key_value, el_number, amount, stage, updated_at from payments
                where (key_type, key_value) in (select key_type, key_value from invoice_payment_keys
                                                where invoice_id = ?)
                   or (key_type = ? and key_value = ?) or payment_ref = any(?)
                order by updated_at""", (row, n) ->
                new PaymentRecord(row.getString("payment_ref"), row.getString("key_type"),
                        row.getString("key_value"), row.getString("el_number"), row.getLong("amount"),
                        row.getString("stage"), row.getObject("updated_at", OffsetDateTime.class)),
                invoiceId.orElse(null), key.map(k -> k.type().name()).orElse(null), key.map(PaymentKey::value)
                        .orElse(null), paymentRefs.toArray(String[]::new));
    }

    /** The payer (納付者番号) of each invoice that names one. */
    public Map<String, String> payersOf(Collection<String> invoiceIds) {
        Map<String, String> payers = new HashMap<>();
        jdbc.query("select invoice_id, payer_id from invoices where invoice_id = any(?) and payer_id is not null",
                row -> {
                    payers.put(row.getString("invoice_id"), row.getString("payer_id"));
                }, (Object) invoiceIds.toArray(String[]::new));
        return payers;
    }

    /** The municipality's acquirer statements of the business day, by brand, each beside the sales recorded. */
    public List<StatementAgainstSales> statementsAgainstSales(String municipality, LocalDate businessDate) {
        return jdbc.query("""
                select a.statement_id, a.acquirer, a.brand, a.sales_count, a.gross_sales, a.fee, a.net_deposit,
                       a.deposit_date, count(t.transaction_id) as recorded_count,
                       coalesce(sum(t.amount), 0) as recorded_gross
                from acquirer_statements a
                left join terminal_sales t on t.municipality_code = a.municipality_code
                     and t.business_date = a.business_date and t.brand = a.brand and not t.voided
                where a.municipality_code = ? and a.business_date = ?
                group by a.statement_id order by a.brand, a.statement_id""", (row, n) ->
                new StatementAgainstSales(row.getString("statement_id"), row.getString("acquirer"),
                        row.getString("brand"), row.getLong("sales_count"), row.getLong("gross_sales"),
                        row.getLong("fee"), row.getLong("net_deposit"),
                        row.getObject("deposit_date", LocalDate.class), row.getLong("recorded_count"),
                        row.getLong("recorded_gross")), municipality, Date.valueOf(businessDate));
    }

    private static InvoiceRecord invoice(ResultSet row) throws SQLException {
        return new InvoiceRecord(row.getString("invoice_id"), row.getString("municipality_code"),
                row.getString("el_number"), row.getString("item"), row.getString("account"),
                row.getString("revenue_code"), row.getInt("fiscal_year"), row.getLong("amount"),
                row.getObject("due_date", LocalDate.class), row.getString("payer_id"),
                row.getObject("installment", Integer.class), row.getString("status"),
                row.getLong("settled_revenue"), row.getLong("announced"), row.getBoolean("cancelled"));
    }
}
