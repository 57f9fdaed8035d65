package io.shuno.ledger;

import io.shuno.platform.Columns;
import io.shuno.reconciliation.Settlement;
import io.shuno.reconciliation.StoreReceipt;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Stream;

/**
 * Books settlements, one row each in the caller's transaction (the primary key is the deterministic id, so nothing is
 * booked twice). The row is also the message: the relay publishes the journal itself, in booking order
 * ({@link SettlementPublication}), so nothing is written twice.
 */
@Component
public class SettlementJournal {

    private final JdbcTemplate jdbc;
    private final Clock clock;

    SettlementJournal(JdbcTemplate jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @Transactional(propagation = Propagation.MANDATORY)
    public void book(List<Settlement> settlements) {
        if (settlements.isEmpty()) {
            return;
        }
        // The message's occurredAt, as PostgreSQL keeps it (to the microsecond), so that it reads back the same.
        OffsetDateTime occurredAt = OffsetDateTime.now(clock).truncatedTo(ChronoUnit.MICROS);
        Object[] columns = Columns.of(settlements).text(Settlement::settlementId).text(Settlement::kind)
                .text(s -> s.reverses().orElse(null)).text(Settlement::municipality).text(Settlement::paymentRef)
                .text(s -> s.invoiceId().orElse(null)).bigint(s -> s.amount().yen()).text(Settlement::account)
                .text(s -> s.revenueCode().orElse(null)).integer(s -> s.bookingYear().fiscalYear().year())
                .text(s -> s.bookingYear().yearClass()).text(Settlement::receivedOn).text(Settlement::channel)
                .text(Settlement::cause).text(s -> s.store().map(StoreReceipt::chainCode).orElse(null))
                .text(s -> s.store().flatMap(StoreReceipt::transferDate).orElse(null)).parameters();
        // In list order (booked_seq follows it), since reversals undo the latest booking first.
        jdbc.update("""
                insert into settlements (occurred_at, settlement_id, kind, reverses, municipality_code, payment_ref,
                    invoice_id, amount, account, revenue_code, fiscal_year, year_class, received_on, channel, cause,
                    convenience_store_chain, transfer_date)
                select ?::timestamptz, settlement_id, kind, reverses, municipality_code, payment_ref, invoice_id, amount,
                    account, revenue_code, fiscal_year, year_class, received_on, channel, cause,
                    convenience_store_chain, transfer_date
                from unnest(?::uuid[], ?::text[], ?::uuid[], ?::bpchar[], ?::text[], ?::text[], ?::bigint[], ?::text[],
                    ?::text[], ?::int[], ?::text[], ?::date[], ?::text[], ?::text[], ?::text[], ?::date[])
                    with ordinality as s(settlement_id, kind, reverses, municipality_code, payment_ref, invoice_id,
                        amount, account, revenue_code, fiscal_year, year_class, received_on, channel, cause,
                        convenience_store_chain, transfer_date, listed)
                order by listed""", Stream.concat(Stream.of(occurredAt), Stream.of(columns)).toArray());
        // What cannot be published must not be booked: an unbalanced settlement or a reversal of nothing fails the
        // batch that decided it, not the relay later.
        entriesOf(settlements);
    }

    /**
     * The double entries of each settlement, by id, in list order; what a reversal mirrors is in the list or booked
     * earlier.
     */
    Map<String, List<LedgerEntry>> entriesOf(List<Settlement> settlements) {
        Map<String, Settlement> byId = new HashMap<>();
        settlements.forEach(s -> byId.put(s.settlementId(), s));
        UUID[] bookedEarlier = settlements.stream().flatMap(s -> s.reverses().stream())
                .filter(id -> !byId.containsKey(id)).distinct().map(UUID::fromString).toArray(UUID[]::new);
        if (bookedEarlier.length > 0) {
            jdbc.query("select " + SettlementRows.COLUMNS + " from settlements s where s.settlement_id = any(?)",
                    row -> {
                        Settlement settlement = SettlementRows.map(row);
                        byId.put(settlement.settlementId(), settlement);
                    }, (Object) bookedEarlier);
        }
        Map<String, List<LedgerEntry>> entries = new LinkedHashMap<>();
        for (Settlement settlement : settlements) {
            Settlement reversed = settlement.reverses().map(id -> Optional.ofNullable(byId.get(id))
                    .orElseThrow(() -> new IllegalStateException("reversal " + settlement.settlementId()
                            + " reverses an unknown settlement " + id))).orElse(null);
            entries.put(settlement.settlementId(), DoubleEntry.of(settlement, reversed));
        }
        return entries;
    }
}
