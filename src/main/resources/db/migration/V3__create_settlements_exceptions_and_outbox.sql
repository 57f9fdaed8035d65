-- The ledger's own record of every settlement; settlement_id is deterministic, so a second insert is refused.
create table settlements (
    settlement_id     uuid        primary key,
    booked_seq        bigserial   not null unique,   -- booking order, e.g. to reverse the latest revenue first
    kind              text        not null,
    reverses          uuid        references settlements (settlement_id),
    municipality_code char(6)     not null,
    payment_ref       text        not null,
    invoice_id        text,
    amount            bigint      not null check (amount > 0),
    account           text        not null,
    revenue_code      text,
    fiscal_year       integer     not null,
    year_class        text        not null,
    received_on       date        not null,
    channel           text        not null,
    cause             text        not null,
    recorded_at       timestamptz not null default now()
);
create index settlements_payment_ref on settlements (payment_ref);
create index settlements_invoice on settlements (invoice_id);

create table staff_exceptions (
    exception_id      uuid        primary key,
    reason            text        not null,
    status            text        not null default 'OPEN',
    municipality_code char(6)     not null,
    payment_ref       text,
    invoice_id        text,
    amount            bigint      not null check (amount >= 0),
    suggested_action  text        not null,
    appropriation_candidates text[] not null default '{}',   -- the payer's overdue invoices, oldest first
    detail            text        not null,
    raised_at         timestamptz not null default now(),
    resolved_at       timestamptz,
    resolved_by       text
);
create index staff_exceptions_open on staff_exceptions (municipality_code, status);

-- Transactional outbox: written in the same transaction as the state it announces, published by the relay.
create table outbox (
    id            bigserial   primary key,
    topic         text        not null,
    message_key   text,
    payload       bytea       not null,
    headers       jsonb       not null default '{}'::jsonb,
    created_at    timestamptz not null default now(),
    published_at  timestamptz
);
create index outbox_unpublished on outbox (id) where published_at is null;
