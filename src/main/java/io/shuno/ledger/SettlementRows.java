package io.shuno.ledger;

import io.shuno.reconciliation.Account;
import io.shuno.reconciliation.Amount;
import io.shuno.reconciliation.BookingYear;
import io.shuno.reconciliation.Channel;
import io.shuno.reconciliation.FiscalYear;
import io.shuno.reconciliation.InvoiceId;
import io.shuno.reconciliation.MunicipalityCode;
import io.shuno.reconciliation.PaymentRef;
import io.shuno.reconciliation.Settlement;
import io.shuno.reconciliation.SettlementKind;
import io.shuno.reconciliation.StoreReceipt;
import io.shuno.reconciliation.YearClass;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;

/** Reads a row of the settlements table (columns as named there) back into a settlement. */
public final class SettlementRows {

    /** The columns {@link #map} reads, qualified by the alias {@code s}. */
    public static final String COLUMNS = "s.settlement_id, s.kind, s.reverses, s.municipality_code, s.payment_ref, "
            + "s.invoice_id, s.amount, s.account, s.revenue_code, s.fiscal_year, s.year_class, s.received_on, "
            + "s.channel, s.cause, s.convenience_store_chain, s.transfer_date";

    private SettlementRows() {
    }

    public static Settlement map(ResultSet row) throws SQLException {
        String chain = row.getString("convenience_store_chain");
        Date transferDate = row.getDate("transfer_date");
        Optional<StoreReceipt> store = Optional.ofNullable(chain).map(code -> new StoreReceipt(code,
                Optional.ofNullable(transferDate).map(Date::toLocalDate)));
        return new Settlement(
                row.getString("settlement_id"),
                SettlementKind.valueOf(row.getString("kind")),
                Optional.ofNullable(row.getString("reverses")),
                new MunicipalityCode(row.getString("municipality_code")),
                new PaymentRef(row.getString("payment_ref")),
                Optional.ofNullable(row.getString("invoice_id")).map(InvoiceId::new),
                Amount.of(row.getLong("amount")),
                Account.valueOf(row.getString("account")),
                Optional.ofNullable(row.getString("revenue_code")),
                new BookingYear(new FiscalYear(row.getInt("fiscal_year")), YearClass.valueOf(row.getString("year_class"))),
                row.getDate("received_on").toLocalDate(),
                Channel.valueOf(row.getString("channel")),
                row.getString("cause"),
                store);
    }
}
