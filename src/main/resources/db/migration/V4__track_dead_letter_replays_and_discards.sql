-- A dead letter is OPEN until an operator acts: REPLAYING once its original bytes went back to the source topic,
-- REPLAYED when intake accepted them, OPEN again (new reason) when they failed again, DISCARDED with a comment.
-- Rows are never deleted: what was rejected, and what became of it, stays on record.
alter table dead_letters
    add column status            text        not null default 'OPEN',
    add column municipality_code char(6),        -- the municipality the record names, when it can be read
    add column replay_count      integer     not null default 0,
    add column last_replayed_at  timestamptz,
    add column replay_job        uuid,           -- the bulk replay that last sent it back
    add column discarded_at      timestamptz,
    add column discarded_by      text,
    add column discard_comment   text;
create index dead_letters_listing on dead_letters (status, received_at);
create index dead_letters_replay_job on dead_letters (replay_job);

-- Bulk replays run as jobs; their progress is polled.
create table replay_jobs (
    job_id        uuid        primary key,
    requested_by  text        not null,
    filter        jsonb       not null,
    total         integer     not null,
    done          integer     not null default 0,
    failed        integer     not null default 0,
    status        text        not null default 'RUNNING',   -- RUNNING | FINISHED
    started_at    timestamptz not null default now(),
    finished_at   timestamptz
);
