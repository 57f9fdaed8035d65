-- Until now the inbox fingerprint was SHA-256 of a Java record's text, which changes whenever that record gains or
-- renames a field. From now on it is SHA-256 of the canonical form of the message's contract content (version 2).
-- The rows written before keep their digest, marked version 1, and are compared by the old method; the default is
-- dropped so that every new row says how its fingerprint was made.
alter table inbox add column fingerprint_version smallint not null default 1;
alter table inbox alter column fingerprint_version drop default;
