package io.shuno.bench;

import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * Loads the open book straight into shuno's invoices table with COPY: publishing 10 M ISSUED events would take
 * longer than the benchmark. Each row, and its eL番号 as its one payment key, is exactly what shuno's InvoiceStore
 * writes for a freshly ISSUED invoice: nothing settled, nothing announced, status OPEN. Invoices whose ISSUED event
 * is part of the day are left out.
 */
final class BookLoader {

    private static final int ROWS_PER_WRITE = 10_000;

    private BookLoader() {
    }

    /** Returns how many invoices were loaded. */
    static long copy(Infrastructure.Deployment deployment, DataSet data) throws SQLException {
        long loaded = 0;
        try (Connection connection = deployment.connect()) {
            CopyIn copy = connection.unwrap(PGConnection.class).getCopyAPI().copyIn("""
                    copy invoices (invoice_id, municipality_code, el_number, item, account, revenue_code, fiscal_year,
                        amount, due_date, payer_id, installment, cancelled, settled_revenue, announced, status)
                    from stdin (format csv)""");
            StringBuilder rows = new StringBuilder();
            for (long number = 0; number < data.bookSize(); number++) {
                if (data.isIssuedLate(number)) {
                    continue;
                }
                DataSet.Invoice invoice = data.invoice(number);
                rows.append(invoice.id()).append(',').append(invoice.municipality()).append(',')
                        .append(invoice.elNumber()).append(',').append(invoice.item()).append(',')
                        .append(invoice.account()).append(',').append(invoice.revenueCode()).append(',')
                        .append(invoice.fiscalYear()).append(',').append(invoice.amount()).append(',')
                        .append(invoice.dueDate()).append(',').append(invoice.payerId()).append(',')
                        .append(invoice.installment()).append(",false,0,0,OPEN\n");
                if (++loaded % ROWS_PER_WRITE == 0) {
                    write(copy, rows);
                }
            }
            write(copy, rows);
            copy.endCopy();
            try (Statement statement = connection.createStatement()) {
                // Each invoice's one slip, its eL番号, as InvoiceStore lists the keys a payment may name it by.
                statement.execute("""
                        insert into invoice_payment_keys (municipality_code, key_type, key_value, invoice_id)
                        select municipality_code, 'EL_NUMBER', el_number, invoice_id from invoices""");
                // What autovacuum would do shortly after a bulk load; without it the planner guesses blind.
                statement.execute("vacuum analyze invoices, invoice_payment_keys");
            }
        }
        return loaded;
    }

    private static void write(CopyIn copy, StringBuilder rows) throws SQLException {
        byte[] bytes = rows.toString().getBytes(StandardCharsets.UTF_8);
        copy.writeToCopy(bytes, 0, bytes.length);
        rows.setLength(0);
    }
}
