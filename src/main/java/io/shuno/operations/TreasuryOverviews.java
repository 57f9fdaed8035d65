package io.shuno.operations;

import io.shuno.reconciliation.FiscalYear;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Isolation;
import org.springframework.transaction.annotation.Transactional;

import java.sql.Date;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Reads the {@link TreasuryOverview} in one snapshot, so its figures agree with each other. */
@Component
public class TreasuryOverviews {

    /** The kinds that hold money received; what reversals undo is taken off them, fees are the ledger's expense. */
    private static final String HELD = "('REVENUE', 'OVERPAYMENT', 'SUSPENSE')";
    private static final String HELD_KINDS = "kind in " + HELD;
    /** The kinds that take money off what the settlement they name ({@code reverses}) held. */
    private static final String TAKEN_OFF = "('REVERSAL', 'REFUND')";

    private final JdbcTemplate jdbc;
    private final Clock clock;

    TreasuryOverviews(JdbcTemplate jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @Transactional(readOnly = true, isolation = Isolation.REPEATABLE_READ)
    public TreasuryOverview of(Actor actor) {
        LocalDate today = LocalDate.now(clock);
        int fiscalYear = FiscalYear.containing(today).year();
        return new TreasuryOverview(today, fiscalYear,
                totals(new SqlFilter().within(actor, "municipality_code").when(Optional.of(Date.valueOf(today)),
                        "received_on = ?")),
                totals(new SqlFilter().within(actor, "municipality_code").when(Optional.of(fiscalYear),
                        "fiscal_year = ?")),
                paymentsPerHour(processedOn(today, actor)),
                openExceptionsByReason(actor), openDeadLetters(actor));
    }

    /**
     * Today's totals by the day shuno processed them instead of the payment date: what arrived today, whatever day it
     * was paid (eLTAX confirmations come days after the payment). The same kinds and grouping as {@link #of}.
     */
    @Transactional(readOnly = true)
    public List<TreasuryOverview.Total> processedToday(Actor actor) {
        return totals(processedOn(LocalDate.now(clock), actor));
    }

    /** The settlements shuno booked on {@code day} (Tokyo), whatever day they were paid. */
    private static SqlFilter processedOn(LocalDate day, Actor actor) {
        return new SqlFilter().within(actor, "municipality_code").when(Optional.of(Date.valueOf(day)),
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
    private List<TreasuryOverview.Total> totals(SqlFilter where) {
        return jdbc.query("""
                        select account, channel, held_kind, count(*) filter (where reverses is null),
                               sum(case when reverses is null then amount else -amount end)
                        from (select account, channel, reverses, amount,
                                     case when reverses is null then kind
                                          else (select reversed.kind from settlements reversed
                                                where reversed.settlement_id = s.reverses) end as held_kind
                              from settlements s""" + where.where() + " and (" + HELD_KINDS + " or kind in " + TAKEN_OFF + "))"
                        + " moves where held_kind in " + HELD + """
                        group by account, channel, held_kind
                        having sum(case when reverses is null then amount else -amount end) <> 0
                        order by account, channel, held_kind""",
                (row, n) -> new TreasuryOverview.Total(row.getString(1), row.getString(2), row.getString(3),
                        row.getLong(4), row.getLong(5)), where.parameters());
    }

    /** Payments (not settlement lines) per hour of the day, every hour from 0 to 23 present for the chart. */
    private List<TreasuryOverview.Count> paymentsPerHour(SqlFilter where) {
        long[] perHour = new long[24];
        jdbc.query("select extract(hour from recorded_at at time zone 'Asia/Tokyo')::int, count(distinct payment_ref)"
                + " from settlements" + where.where() + " and " + HELD_KINDS + " group by 1", row -> {
            perHour[row.getInt(1)] = row.getLong(2);
        }, where.parameters());
        List<TreasuryOverview.Count> hours = new ArrayList<>();
        for (int hour = 0; hour < perHour.length; hour++) {
            hours.add(new TreasuryOverview.Count(String.format("%02d", hour), perHour[hour]));
        }
        return hours;
    }

    private List<TreasuryOverview.Count> openExceptionsByReason(Actor actor) {
        SqlFilter where = new SqlFilter().within(actor, "municipality_code").when(Optional.of("OPEN"), "status = ?");
        return jdbc.query("select reason, count(*) from staff_exceptions" + where.where()
                        + " group by reason order by reason",
                (row, n) -> new TreasuryOverview.Count(row.getString(1), row.getLong(2)), where.parameters());
    }

    private long openDeadLetters(Actor actor) {
        SqlFilter where = new SqlFilter().within(actor, "municipality_code").when(Optional.of("OPEN"), "status = ?");
        return jdbc.queryForObject("select count(*) from dead_letters" + where.where(), Long.class,
                where.parameters());
    }
}
