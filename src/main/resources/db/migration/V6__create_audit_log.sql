-- Who did what, when, to which record: append-only, enforced by the database itself.
create table audit_log (
    id                bigserial   primary key,
    at                timestamptz not null default now(),
    actor             text        not null,
    action            text        not null,
    target_type       text        not null,   -- DEAD_LETTER | EXCEPTION | REPLAY_JOB
    target_id         text        not null,
    municipality_code char(6),
    before_state      jsonb,
    after_state       jsonb,
    comment           text
);
create index audit_log_target on audit_log (target_type, target_id);
create index audit_log_at on audit_log (at);

create function audit_log_is_append_only() returns trigger language plpgsql as $$
begin
    raise exception 'audit_log is append-only';
end $$;
create trigger audit_log_append_only before update or delete or truncate on audit_log
    for each statement execute function audit_log_is_append_only();
