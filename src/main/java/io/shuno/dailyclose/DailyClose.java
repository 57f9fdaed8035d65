package io.shuno.dailyclose;

import io.shuno.reconciliation.MunicipalityCode;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import java.sql.Date;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Builds the 日計表 from what shuno booked, read in one snapshot so its parts agree with each other. */
@Component
public class DailyClose {

    private final JdbcTemplate jdbc;

    DailyClose(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Transactional(readOnly = true, isolation = org.springframework.transaction.annotation.Isolation.REPEATABLE_READ)
    public DailyCloseReport of(MunicipalityCode municipality, LocalDate businessDate) {
        Object[] day = {municipality.value(), Date.valueOf(businessDate)};
        List<DailyCloseReport.Line> lines = jdbc.query("""
                select account, coalesce(revenue_code, '') as revenue_code, channel, kind, count(*), sum(amount)
                from settlements where municipality_code = ? and received_on = ?
                group by account, revenue_code, channel, kind order by account, revenue_code, channel, kind""",
                (row, n) -> new DailyCloseReport.Line(row.getString(1), row.getString(2), row.getString(3),
                        brandOf(row.getString(3)), row.getString(4), row.getLong(5), row.getLong(6)), day);
        Map<String, DailyCloseReport.Total> totals = new LinkedHashMap<>();
        jdbc.query("""
                select kind, count(*), sum(amount) from settlements
                where municipality_code = ? and received_on = ? group by kind order by kind""", row -> {
            totals.put(row.getString(1), new DailyCloseReport.Total(row.getLong(2), row.getLong(3)));
        }, day);
        // 収入 less 戻出 and 還付: a refund pays 過誤納金 back out; its 還付加算金, like a fee, is an expense.
        long net = amount(totals, "REVENUE") + amount(totals, "OVERPAYMENT") + amount(totals, "SUSPENSE")
                - amount(totals, "REVERSAL") - amount(totals, "REFUND");
        List<DailyCloseReport.StatementCheck> statements = jdbc.query("""
                select a.statement_id, a.acquirer, a.brand, a.sales_count, a.gross_sales, a.fee, a.net_deposit,
                       a.deposit_date, count(t.transaction_id), coalesce(sum(t.amount), 0)
                from acquirer_statements a
                left join terminal_sales t on t.municipality_code = a.municipality_code
                     and t.business_date = a.business_date and t.brand = a.brand and not t.voided
                where a.municipality_code = ? and a.business_date = ?
                group by a.statement_id order by a.brand, a.statement_id""", (row, n) ->
                new DailyCloseReport.StatementCheck(row.getString(1), row.getString(2), row.getString(3),
                        row.getLong(4), row.getLong(5), row.getLong(9), row.getLong(10), row.getLong(6),
                        row.getLong(7), row.getDate(8).toLocalDate(),
                        row.getLong(4) == row.getLong(9) && row.getLong(5) == row.getLong(10)), day);
        List<DailyCloseReport.OpenException> exceptions = jdbc.query("""
                select exception_id, reason, suggested_action, amount, invoice_id, payment_ref, detail
                from staff_exceptions
                where municipality_code = ? and status = 'OPEN'
                  and ((raised_at at time zone 'Asia/Tokyo')::date = ?
                       or payment_ref in (select payment_ref from settlements where municipality_code = ?
                                          and received_on = ?))
                order by raised_at, exception_id""", (row, n) ->
                new DailyCloseReport.OpenException(row.getString(1), row.getString(2), row.getString(3),
                        row.getLong(4), row.getString(5), row.getString(6), row.getString(7)),
                day[0], day[1], day[0], day[1]);
        return new DailyCloseReport(municipality.value(), businessDate, lines, totals, net,
                addUp(lines, totals), statements, exceptions);
    }

    /** The control: the lines, summed per kind, give the totals taken on their own. */
    private static boolean addUp(List<DailyCloseReport.Line> lines, Map<String, DailyCloseReport.Total> totals) {
        Map<String, DailyCloseReport.Total> summed = new LinkedHashMap<>();
        for (DailyCloseReport.Line line : lines) {
            summed.merge(line.kind(), new DailyCloseReport.Total(line.count(), line.amount()),
                    (a, b) -> new DailyCloseReport.Total(a.count() + b.count(), a.amount() + b.amount()));
        }
        return summed.equals(totals);
    }

    private static long amount(Map<String, DailyCloseReport.Total> totals, String kind) {
        DailyCloseReport.Total total = totals.get(kind);
        return total == null ? 0 : total.amount();
    }

    private static String brandOf(String channel) {
        return channel.startsWith("COUNTER_") ? channel.substring("COUNTER_".length()) : "";
    }
}
