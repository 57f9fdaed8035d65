package io.shuno.ledger;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.shuno.platform.ShunoProperties;
import io.shuno.reconciliation.Settlement;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The settlement journal read as the settlement topic: what the relay has not published yet, in booking order, as
 * messages of the v1 contract. A row is published once no transaction that could still add a row before it is
 * running: the order is that in which transactions took their ids (then booking order within one), and only rows of
 * transactions older than every running one ({@code pg_snapshot_xmin}) are read. So a transaction that took its id
 * earlier but commits later is waited for, never skipped, and the position published so far is one pair of numbers.
 */
@Component
class SettlementPublication {

    /** A row's place in the publication order. */
    record Position(long xid, long seq) {
    }

    /**
     * The next messages and the position of the last of them (empty when there are none); {@code waiting} when rows
     * of transactions that already committed wait for an older transaction that is still running.
     */
    record Batch(List<OutboxMessage> messages, Optional<Position> last, boolean waiting) {
    }

    private final JdbcTemplate jdbc;
    private final SettlementJournal journal;
    private final ObjectMapper json;
    private final Clock clock;
    private final String topic;

    SettlementPublication(JdbcTemplate jdbc, SettlementJournal journal, ObjectMapper json, Clock clock,
                          ShunoProperties properties) {
        this.jdbc = jdbc;
        this.journal = journal;
        this.json = json;
        this.clock = clock;
        this.topic = properties.topics().settlements();
    }

    /** Up to {@code limit} settlements not published yet, oldest first. */
    Batch next(int limit) {
        // Rows of running transactions are invisible here; rows of committed ones younger than a running one are
        // read but held back: they come last in this order, and tell the relay to look again soon. A row without
        // occurred_at was booked by an instance of the release before V15 during a rolling upgrade, which wrote its
        // message to the outbox as well.
        List<Booked> read = jdbc.query("""
                select s.booked_xid, s.booked_seq, s.occurred_at,
                    s.booked_xid < pg_snapshot_xmin(pg_current_snapshot())::text::bigint as publishable, %s
                from settlements s
                where (s.booked_xid, s.booked_seq) > (select booked_xid, booked_seq from settlements_published)
                    and s.occurred_at is not null
                order by s.booked_xid, s.booked_seq
                limit ?""".formatted(SettlementRows.COLUMNS), (row, n) -> new Booked(
                new Position(row.getLong("booked_xid"), row.getLong("booked_seq")), row.getBoolean("publishable"),
                SettlementRows.map(row), row.getObject("occurred_at", OffsetDateTime.class)), limit);
        List<Booked> publishable = read.stream().filter(Booked::publishable).toList();
        boolean waiting = publishable.size() < read.size();
        if (publishable.isEmpty()) {
            return new Batch(List.of(), Optional.empty(), waiting);
        }
        Map<String, List<LedgerEntry>> entries = journal.entriesOf(publishable.stream().map(Booked::settlement)
                .toList());
        List<OutboxMessage> messages = publishable.stream().map(booked -> new OutboxMessage(topic,
                messageKey(booked.settlement()), SettlementMessages.toJson(json, booked.settlement(),
                entries.get(booked.settlement().settlementId()),
                booked.occurredAt().atZoneSameInstant(clock.getZone()).toOffsetDateTime()), Map.of())).toList();
        return new Batch(messages, Optional.of(publishable.get(publishable.size() - 1).position()), waiting);
    }

    private record Booked(Position position, boolean publishable, Settlement settlement, OffsetDateTime occurredAt) {
    }

    /** Records that the broker acknowledged everything up to {@code position}; never moves back. */
    void publishedThrough(Position position) {
        jdbc.update("""
                update settlements_published set booked_xid = ?, booked_seq = ?
                where (booked_xid, booked_seq) < (?, ?)""", position.xid(), position.seq(), position.xid(),
                position.seq());
    }

    /**
     * Keyed by payment: every settlement of one payment — and so every reversal with what it reverses, which
     * always shares its payment — lands on one partition, and the ledger reads them in booking order.
     */
    private static String messageKey(Settlement settlement) {
        return settlement.paymentRef().value();
    }
}
