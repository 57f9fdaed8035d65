-- What staff decided about an exception. resolution_id is derived from the request (exception, action, idempotency
-- key or request content), so a double click or a resent request finds its row and applies nothing twice.
create table exception_resolutions (
    resolution_id     uuid        primary key,
    exception_id      uuid        not null references staff_exceptions (exception_id),
    action            text        not null,      -- APPROPRIATE | REFUND | MATCH | CLOSE
    amount            bigint      not null check (amount >= 0),   -- of the exception's amount this settles
    targets           text[]      not null default '{}',          -- invoices appropriated to, or matched
    refund_reference  text,
    comment           text,
    resolved_by       text        not null,
    resolved_at       timestamptz not null default now()
);
create index exception_resolutions_exception on exception_resolutions (exception_id);
