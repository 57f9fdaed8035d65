-- Until now the inbox fingerprint was SHA-256 of a Java record's text, which changes whenever that record gains or
-- renames a field. From now on it is SHA-256 of the canonical form of the message's contract content (version 2).
-- The rows written before keep their digest, marked version 1, and are compared by the old method. The default stays
-- 1: during a rolling upgrade the instances still on the old version write rows without this column, and what they
-- write is a version-1 digest; the new code always names the version it writes.
alter table inbox add column fingerprint_version smallint not null default 1;
