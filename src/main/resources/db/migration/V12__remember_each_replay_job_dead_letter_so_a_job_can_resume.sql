-- A bulk replay fixes its dead letters when it starts and marks each once it was sent back (SENT), could not be
-- (SKIPPED: discarded meanwhile) or its chunk failed (FAILED) — in the transaction that did it. A job whose process
-- died is left RUNNING with unmarked items, and any instance resumes it from the first unmarked one.
create table replay_job_items (
    job_id          uuid    not null references replay_jobs,
    dead_letter_id  bigint  not null references dead_letters,
    outcome         text,            -- null until handled | SENT | SKIPPED | FAILED
    primary key (job_id, dead_letter_id)
);

-- Jobs left RUNNING by a process that died before this release kept their dead letters only in memory: what they
-- did not replay cannot be told, so they end as INTERRUPTED (a new job with the same filter replays the rest).
update replay_jobs set status = 'INTERRUPTED', finished_at = now() where status = 'RUNNING';
comment on column replay_jobs.status is 'RUNNING | FINISHED | INTERRUPTED (left running before jobs could resume)';
