package io.shuno.operations;

import io.shuno.deadletters.DeadLetterQueries;
import io.shuno.exceptions.ExceptionQueries;
import io.shuno.ledger.HeldTotal;
import io.shuno.ledger.SettlementQueries;
import io.shuno.reconciliation.FiscalYear;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Isolation;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/** Reads the {@link TreasuryOverview} in one snapshot, so its figures agree with each other. */
@Component
public class TreasuryOverviews {

    private final SettlementQueries settlements;
    private final ExceptionQueries exceptions;
    private final DeadLetterQueries deadLetters;
    private final Clock clock;

    TreasuryOverviews(SettlementQueries settlements, ExceptionQueries exceptions, DeadLetterQueries deadLetters,
                      Clock clock) {
        this.settlements = settlements;
        this.exceptions = exceptions;
        this.deadLetters = deadLetters;
        this.clock = clock;
    }

    @Transactional(readOnly = true, isolation = Isolation.REPEATABLE_READ)
    public TreasuryOverview of(Actor actor) {
        LocalDate today = LocalDate.now(clock);
        int fiscalYear = FiscalYear.containing(today).year();
        return new TreasuryOverview(today, fiscalYear, settlements.heldReceivedOn(today, actor.scope()),
                settlements.heldInFiscalYear(fiscalYear, actor.scope()), paymentsPerHour(today, actor),
                exceptions.openByReason(actor.scope()).entrySet().stream()
                        .map(open -> new TreasuryOverview.Count(open.getKey().name(), open.getValue())).toList(),
                deadLetters.countOpen(actor.scope()));
    }

    /**
     * Today's totals by the day shuno processed them instead of the payment date: what arrived today, whatever day it
     * was paid (eLTAX confirmations come days after the payment). The same kinds and grouping as {@link #of}.
     */
    @Transactional(readOnly = true)
    public List<HeldTotal> processedToday(Actor actor) {
        return settlements.heldBookedOn(LocalDate.now(clock), actor.scope());
    }

    /** Payments (not settlement lines) per hour of the day, every hour from 0 to 23 present for the chart. */
    private List<TreasuryOverview.Count> paymentsPerHour(LocalDate today, Actor actor) {
        long[] perHour = settlements.paymentsPerHour(today, actor.scope());
        List<TreasuryOverview.Count> hours = new ArrayList<>();
        for (int hour = 0; hour < perHour.length; hour++) {
            hours.add(new TreasuryOverview.Count(String.format("%02d", hour), perHour[hour]));
        }
        return hours;
    }
}
