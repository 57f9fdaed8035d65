package io.shuno.ledger;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.shuno.platform.Columns;
import io.shuno.platform.ShunoProperties;
import io.shuno.reconciliation.Settlement;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Books settlements: one row each (the primary key is the deterministic id, so nothing is booked twice) and one
 * message each on the settlement topic, in the caller's transaction.
 */
@Component
public class SettlementJournal {

    private final JdbcTemplate jdbc;
    private final Outbox outbox;
    private final ObjectMapper json;
    private final Clock clock;
    private final String topic;

    SettlementJournal(JdbcTemplate jdbc, Outbox outbox, ObjectMapper json, Clock clock, ShunoProperties properties) {
        this.jdbc = jdbc;
        this.outbox = outbox;
        this.json = json;
        this.clock = clock;
        this.topic = properties.topics().settlements();
    }

    @Transactional(propagation = Propagation.MANDATORY)
    public void book(List<Settlement> settlements) {
        if (settlements.isEmpty()) {
            return;
        }
        // In list order (booked_seq follows it), since reversals undo the latest booking first.
        jdbc.update("""
                insert into settlements (settlement_id, kind, reverses, municipality_code, payment_ref, invoice_id,
                    amount, account, revenue_code, fiscal_year, year_class, received_on, channel, cause)
                select settlement_id, kind, reverses, municipality_code, payment_ref, invoice_id, amount, account,
                    revenue_code, fiscal_year, year_class, received_on, channel, cause
                from unnest(?::uuid[], ?::text[], ?::uuid[], ?::bpchar[], ?::text[], ?::text[], ?::bigint[], ?::text[],
                    ?::text[], ?::int[], ?::text[], ?::date[], ?::text[], ?::text[]) with ordinality
                    as s(settlement_id, kind, reverses, municipality_code, payment_ref, invoice_id, amount, account,
                        revenue_code, fiscal_year, year_class, received_on, channel, cause, listed)
                order by listed""", Columns.of(settlements).text(Settlement::settlementId).text(Settlement::kind)
                .text(s -> s.reverses().orElse(null)).text(Settlement::municipality).text(Settlement::paymentRef)
                .text(s -> s.invoiceId().orElse(null)).bigint(s -> s.amount().yen()).text(Settlement::account)
                .text(s -> s.revenueCode().orElse(null)).integer(s -> s.bookingYear().fiscalYear().year())
                .text(s -> s.bookingYear().yearClass()).text(Settlement::receivedOn).text(Settlement::channel)
                .text(Settlement::cause).parameters());
        OffsetDateTime now = OffsetDateTime.now(clock);
        Map<String, Settlement> byId = reversedBookedEarlier(settlements);
        settlements.forEach(s -> byId.put(s.settlementId(), s));
        List<OutboxMessage> messages = new ArrayList<>();
        for (Settlement settlement : settlements) {
            Settlement reversed = settlement.reverses().map(id -> Optional.ofNullable(byId.get(id))
                    .orElseThrow(() -> new IllegalStateException("reversal " + settlement.settlementId()
                            + " reverses an unknown settlement " + id))).orElse(null);
            List<LedgerEntry> entries = DoubleEntry.of(settlement, reversed);
            messages.add(new OutboxMessage(topic, messageKey(settlement),
                    SettlementMessages.toJson(json, settlement, entries, now), Map.of()));
        }
        outbox.append(messages);
    }

    /** The settlements that reversals of this batch undo, where an earlier batch booked them. */
    private Map<String, Settlement> reversedBookedEarlier(List<Settlement> settlements) {
        Map<String, Settlement> found = new HashMap<>();
        UUID[] ids = settlements.stream().flatMap(s -> s.reverses().stream()).map(UUID::fromString)
                .toArray(UUID[]::new);
        if (ids.length > 0) {
            jdbc.query("select " + SettlementRows.COLUMNS + " from settlements s where s.settlement_id = any(?)",
                    row -> {
                        Settlement settlement = SettlementRows.map(row);
                        found.put(settlement.settlementId(), settlement);
                    }, (Object) ids);
        }
        return found;
    }

    /**
     * Keyed by payment: every settlement of one payment — and so every reversal with what it reverses, which
     * always shares its payment — lands on one partition, and the ledger reads them in booking order.
     */
    private static String messageKey(Settlement settlement) {
        return settlement.paymentRef().value();
    }
}
