-- Files taken from the drop folders (全銀 口座振替 results, コンビニ notices), by name and content: a file is marked
-- here only once every one of its rows was acknowledged by Kafka, so a crash before that reads the file again (its
-- rows carry deterministic ids), and the same file dropped again later is not published twice.
create table taken_files (
    file_key   text        primary key,          -- SHA-256 of the content (hex) ':' file name
    taken_at   timestamptz not null default now()
);
