-- Every write here is paid once per payment, so each index must earn its keep.
--
-- The relay deletes what the broker acknowledged instead of stamping it: an update writes the whole row (the
-- message, about a kilobyte) again; a delete only marks it. The messages themselves live on in Kafka, and the
-- settlements and exceptions they announce in their own tables.
delete from outbox where published_at is not null;
drop index outbox_unpublished;
alter table outbox drop column published_at;

-- Most settlements reverse nothing; only those that do need to be found by what they reverse.
drop index settlements_reverses;
create index settlements_reverses on settlements (reverses) where reverses is not null;

-- booked_seq comes from its own sequence, so it is unique without an index; queries order by it after finding a
-- payment's or an invoice's settlements through their own indexes.
alter table settlements drop constraint settlements_booked_seq_key;
