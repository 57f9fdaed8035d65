-- Every message shuno accepted, by its business key: a redelivery finds its row and does nothing.
create table inbox (
    source        text        not null,          -- invoice-event | eltax-notice | terminal-transaction
    message_id    text        not null,          -- eventId | noticeId | transactionId
    fingerprint   text        not null,          -- SHA-256 of the canonical content, to tell a redelivery from a conflict
    topic         text        not null,
    partition_no  integer     not null,
    offset_no     bigint      not null,
    received_at   timestamptz not null default now(),
    primary key (source, message_id)
);

-- Records that failed validation, kept byte for byte so an operator can replay them once the cause is fixed.
create table dead_letters (
    id            bigserial   primary key,
    source_topic  text        not null,
    partition_no  integer     not null,
    offset_no     bigint      not null,
    record_key    bytea,
    payload       bytea       not null,
    reason        text        not null,
    error_class   text        not null,
    received_at   timestamptz not null default now(),
    unique (source_topic, partition_no, offset_no)
);
