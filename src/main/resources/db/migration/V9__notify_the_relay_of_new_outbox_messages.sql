-- Every statement that adds to the outbox wakes the relay (LISTEN shuno_outbox) when its transaction commits, so a
-- settlement leaves as soon as it is booked instead of at the relay's next look. PostgreSQL folds the identical
-- notifications of one transaction into one.
create function notify_outbox_relay() returns trigger language plpgsql as $$
begin
    perform pg_notify('shuno_outbox', '');
    return null;
end;
$$;

create trigger outbox_appended after insert on outbox
    for each statement execute function notify_outbox_relay();
