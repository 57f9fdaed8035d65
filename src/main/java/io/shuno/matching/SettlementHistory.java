package io.shuno.matching;

import io.shuno.ledger.SettlementRows;
import io.shuno.reconciliation.ElNumber;
import io.shuno.reconciliation.InvoiceId;
import io.shuno.reconciliation.RevenueBooking;
import io.shuno.reconciliation.Settlement;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** What has been booked so far that an invoice event may have to undo: revenue to reverse, suspense to re-match. */
@Component
class SettlementHistory {

    private final JdbcTemplate jdbc;

    SettlementHistory(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Each invoice's REVENUE settlements in booking order, with what of each is not yet reversed. */
    Map<InvoiceId, List<RevenueBooking>> revenueOf(Collection<InvoiceId> invoices) {
        Map<InvoiceId, List<RevenueBooking>> found = new HashMap<>();
        jdbc.query("select " + SettlementRows.COLUMNS + """
                , s.amount - coalesce((select sum(r.amount) from settlements r where r.reverses = s.settlement_id), 0)
                  as unreversed
                from settlements s where s.kind = 'REVENUE' and s.invoice_id = any(?) order by s.booked_seq""", row -> {
            Settlement revenue = SettlementRows.map(row);
            found.computeIfAbsent(revenue.invoiceId().orElseThrow(), id -> new ArrayList<>())
                    .add(new RevenueBooking(revenue, row.getLong("unreversed")));
        }, (Object) invoices.stream().map(InvoiceId::value).toArray(String[]::new));
        return found;
    }

    /** Payments held in suspense (不明収納) for the given eL番号, not yet reversed, oldest first. */
    Map<ElNumber, List<Settlement>> suspendedFor(Collection<ElNumber> elNumbers) {
        Map<ElNumber, List<Settlement>> found = new HashMap<>();
        jdbc.query("select p.el_number, " + SettlementRows.COLUMNS + " " + """
                from settlements s join payments p on p.payment_ref = s.payment_ref
                where s.kind = 'SUSPENSE' and p.el_number = any(?::bpchar[])
                  and not exists (select 1 from settlements r where r.reverses = s.settlement_id)
                order by s.booked_seq""", row -> {
            found.computeIfAbsent(new ElNumber(row.getString("el_number")), el -> new ArrayList<>())
                    .add(SettlementRows.map(row));
        }, (Object) elNumbers.stream().map(ElNumber::value).toArray(String[]::new));
        return found;
    }
}
