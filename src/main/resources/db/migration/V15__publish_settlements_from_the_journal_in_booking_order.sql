-- Settlements are published from their own table instead of from a copy in the outbox: one write per settlement
-- fewer (the copy was a ~1 KB row, written, read and deleted again for every payment).
--
-- The relay reads the journal in the order transactions took their ids, (booked_xid, booked_seq), and only what every
-- running transaction is younger than (pg_snapshot_xmin): a transaction that commits later can never add a row before
-- what was published. Writers take their invoices' advisory locks before their first write (ReconciliationLocks), so
-- of two transactions about one invoice the later one also has the larger id, and they leave in booking order.

-- Settlements booked before keep 0: their messages are in the outbox already, where the relay still finds them.
alter table settlements add column booked_xid bigint not null default 0;
alter table settlements alter column booked_xid set default pg_current_xact_id()::text::bigint;
-- The message's occurredAt, read by the relay. Null before: those messages were written out already.
alter table settlements add column occurred_at timestamptz;
create index settlements_publication_order on settlements (booked_xid, booked_seq);

-- How far the relay has published the journal: one row, moved once per batch the broker acknowledged.
create table settlements_published (
    single      boolean primary key default true check (single),
    booked_xid  bigint  not null,
    booked_seq  bigint  not null
);
insert into settlements_published (booked_xid, booked_seq)
select 0, coalesce(max(booked_seq), 0) from settlements;

-- Booking wakes the relay as writing to the outbox does (V9): one notification per committed transaction.
create trigger settlements_booked after insert on settlements
    for each statement execute function notify_outbox_relay();
