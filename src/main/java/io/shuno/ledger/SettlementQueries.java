package io.shuno.ledger;

import io.shuno.platform.MunicipalityScope;
import io.shuno.platform.SqlFilter;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.sql.Date;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/**
 * What the settlements journal (table settlements) says, for the operations API, the dashboard's overview and the
 * daily close (日計表). Callers that need their parts to agree read them in one repeatable-read transaction.
 */
@Component
public class SettlementQueries {

    /** The kinds that hold money received; what reversals undo is taken off them, fees are the ledger's expense. */
    private static final String HELD = "('REVENUE', 'OVERPAYMENT', 'SUSPENSE')";
    private static final String HELD_KINDS = "kind in " + HELD;
    /** The kinds that take money off what the settlement they name ({@code reverses}) held. */
    private static final String TAKEN_OFF = "('REVERSAL', 'REFUND')";

    /** One group of a day's settlements in the daily close. */
    public record DaySum(String account, String revenueCode, String channel, String kind, long count, long amount) {
    }

    /** A day's settlements of one kind. */
    public record KindSum(String kind, long count, long amount) {
    }

    private final JdbcTemplate jdbc;

    SettlementQueries(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** The settlements booked for an invoice (when given) or any of the payments, in booking order. */
    public List<SettlementLine> about(Optional<String> invoiceId, Collection<String> paymentRefs) {
        return jdbc.query("""
                select settlement_id, kind, reverses, municipality_code, payment_ref, invoice_id, amount, account,
                       revenue_code, fiscal_year, year_class, received_on, channel, cause, recorded_at
                from settlements where invoice_id = ? or payment_ref = any(?) order by booked_seq""", (row, n) ->
                new SettlementLine(row.getString("settlement_id"), row.getString("kind"), row.getString("reverses"),
                        row.getString("municipality_code"), row.getString("payment_ref"), row.getString("invoice_id"),
                        row.getLong("amount"), row.getString("account"), row.getString("revenue_code"),
                        row.getInt("fiscal_year"), row.getString("year_class"),
                        row.getObject("received_on", LocalDate.class), row.getString("channel"),
                        row.getString("cause"), row.getObject("recorded_at", OffsetDateTime.class)),
                invoiceId.orElse(null), paymentRefs.toArray(String[]::new));
    }

    /** The invoice the payment's latest settlement on an invoice names, e.g. where staff matched it by hand. */
    public Optional<String> lastInvoiceOf(String paymentRef) {
        return jdbc.queryForList("""
                select invoice_id from settlements where payment_ref = ? and invoice_id is not null
                order by booked_seq desc limit 1""", String.class, paymentRef).stream().findFirst();
    }

    /** The settlements whose cause starts with {@code causePrefix}, in booking order. */
    public List<String> causedBy(String causePrefix) {
        return jdbc.queryForList("select settlement_id::text from settlements where cause like ? order by booked_seq",
                String.class, causePrefix + "%");
    }

    /** What is held by the settlements received (paid) on {@code day}. */
    public List<HeldTotal> heldReceivedOn(LocalDate day, MunicipalityScope scope) {
        return held(new SqlFilter().within(scope, "municipality_code").when(Optional.of(Date.valueOf(day)),
                "received_on = ?"));
    }

    /** What is held by the settlements of the fiscal year. */
    public List<HeldTotal> heldInFiscalYear(int fiscalYear, MunicipalityScope scope) {
        return held(new SqlFilter().within(scope, "municipality_code").when(Optional.of(fiscalYear),
                "fiscal_year = ?"));
    }

    /** The day's net movements: the settlements shuno booked on {@code day} (Tokyo), whatever day they were paid. */
    public List<HeldTotal> heldBookedOn(LocalDate day, MunicipalityScope scope) {
        return held(bookedOn(day, scope));
    }

    private static SqlFilter bookedOn(LocalDate day, MunicipalityScope scope) {
        return new SqlFilter().within(scope, "municipality_code").when(Optional.of(Date.valueOf(day)),
                "(recorded_at at time zone 'Asia/Tokyo')::date = ?");
    }

    /**
     * What each account and channel holds per kind: the held settlements the filter finds, less the REVERSALs and
     * REFUNDs it finds, each taken off the kind it reverses or clears (a REFUND pays its 過誤納金 out). A reversal
     * carries the municipality, 収納日 and year of what it reverses, a refund its decision date and year, as the
     * 日計表 shows them: by payment date or fiscal year the amounts add up to its 差引収納額 — a 充当 or a re-matched
     * suspense moves money, it adds none; a refund takes it off; by processing time they are the day's net movements.
     * The 還付加算金 is an expense, like a fee: not money held.
     */
    private List<HeldTotal> held(SqlFilter where) {
        return jdbc.query("""
                        select account, channel, held_kind, count(*) filter (where reverses is null) as booked,
                               sum(case when reverses is null then amount else -amount end) as held
                        from (select account, channel, reverses, amount,
                                     case when reverses is null then kind
                                          else (select reversed.kind from settlements reversed
                                                where reversed.settlement_id = s.reverses) end as held_kind
                              from settlements s""" + where.where() + " and (" + HELD_KINDS + " or kind in " + TAKEN_OFF + "))"
                        + " moves where held_kind in " + HELD + """
                        group by account, channel, held_kind
                        having sum(case when reverses is null then amount else -amount end) <> 0
                        order by account, channel, held_kind""",
                (row, n) -> new HeldTotal(row.getString("account"), row.getString("channel"),
                        row.getString("held_kind"), row.getLong("booked"), row.getLong("held")), where.parameters());
    }

    /** Payments (not settlement lines) booked on {@code day} (Tokyo) per hour of the day, from 0 to 23. */
    public long[] paymentsPerHour(LocalDate day, MunicipalityScope scope) {
        SqlFilter where = bookedOn(day, scope);
        long[] perHour = new long[24];
        jdbc.query("select extract(hour from recorded_at at time zone 'Asia/Tokyo')::int as hour,"
                + " count(distinct payment_ref) as payments from settlements" + where.where() + " and " + HELD_KINDS
                + " group by 1", row -> {
            perHour[row.getInt("hour")] = row.getLong("payments");
        }, where.parameters());
        return perHour;
    }

    /** The municipality's settlements received on {@code day}, by account, revenue code, channel and kind. */
    public List<DaySum> daySums(String municipality, LocalDate day) {
        return jdbc.query("""
                select account, coalesce(revenue_code, '') as revenue_code, channel, kind, count(*) as settlements,
                       sum(amount) as amount
                from settlements where municipality_code = ? and received_on = ?
                group by account, revenue_code, channel, kind order by account, revenue_code, channel, kind""",
                (row, n) -> new DaySum(row.getString("account"), row.getString("revenue_code"),
                        row.getString("channel"), row.getString("kind"), row.getLong("settlements"),
                        row.getLong("amount")), municipality, Date.valueOf(day));
    }

    /** The municipality's settlements received on {@code day}, by kind alone: the control of {@link #daySums}. */
    public List<KindSum> kindSums(String municipality, LocalDate day) {
        return jdbc.query("""
                select kind, count(*) as settlements, sum(amount) as amount from settlements
                where municipality_code = ? and received_on = ? group by kind order by kind""",
                (row, n) -> new KindSum(row.getString("kind"), row.getLong("settlements"), row.getLong("amount")),
                municipality, Date.valueOf(day));
    }

    /** The payments with a settlement received on {@code day} in the municipality. */
    public List<String> paymentsReceivedOn(String municipality, LocalDate day) {
        return jdbc.queryForList("""
                select distinct payment_ref from settlements where municipality_code = ? and received_on = ?""",
                String.class, municipality, Date.valueOf(day));
    }
}
