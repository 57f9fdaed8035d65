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
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/** Reads the {@link TreasuryOverview} in one snapshot, so its figures agree with each other. */
@Component
public class TreasuryOverviews {

    /** The kinds that hold money received; what reversals undo is taken off them, fees are the ledger's expense. */
    private static final String HELD_KINDS = "kind in ('REVENUE', 'OVERPAYMENT', 'SUSPENSE')";

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
                paymentsPerHour(new SqlFilter().within(actor, "municipality_code").when(
                        Optional.of(Date.valueOf(today)), "(recorded_at at time zone 'Asia/Tokyo')::date = ?")),
                openExceptionsByReason(actor), openDeadLetters(actor));
    }

    /**
     * What each account and channel still holds per kind: each held settlement less what REVERSALs undid of it. A
     * reversal carries the municipality, 収納日 and year of what it reverses, so the same filter finds both, and the
     * amounts add up to the 日計表's 差引収納額 — a 充当 or a re-matched suspense moves money, it adds none.
     */
    private List<TreasuryOverview.Total> totals(SqlFilter where) {
        Object[] parameters = Stream.concat(Arrays.stream(where.parameters()), Arrays.stream(where.parameters()))
                .toArray();
        return jdbc.query("""
                        select s.account, s.channel, s.kind, count(*) filter (where s.amount > coalesce(r.undone, 0)),
                               sum(s.amount - coalesce(r.undone, 0))
                        from settlements s
                        left join (select reverses, sum(amount) as undone from settlements""" + where.where() + """
                                    and kind = 'REVERSAL' group by reverses) r on r.reverses = s.settlement_id
                        """ + where.where() + " and " + HELD_KINDS + """
                        group by s.account, s.channel, s.kind having sum(s.amount - coalesce(r.undone, 0)) > 0
                        order by s.account, s.channel, s.kind""",
                (row, n) -> new TreasuryOverview.Total(row.getString(1), row.getString(2), row.getString(3),
                        row.getLong(4), row.getLong(5)), parameters);
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
