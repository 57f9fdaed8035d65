create table invoices (
    invoice_id        text        primary key,
    municipality_code char(6)     not null,
    el_number         char(34)    unique,
    item              text        not null,
    account           text        not null,
    revenue_code      text        not null,
    fiscal_year       integer     not null,
    amount            bigint      not null check (amount >= 0),
    due_date          date        not null,
    payer_id          text        not null,
    installment       integer,
    cancelled         boolean     not null default false,
    settled_revenue   bigint      not null default 0 check (settled_revenue >= 0),
    announced         bigint      not null default 0 check (announced >= 0),
    status            text        not null,      -- derived by the domain; stored for queries
    updated_at        timestamptz not null default now()
);
create index invoices_payer on invoices (municipality_code, payer_id);

-- The last stage each payment reached (PRELIMINARY / CONFIRMED / CANCELLED).
create table payments (
    payment_ref   text        primary key,
    el_number     char(34)    not null,
    amount        bigint      not null check (amount > 0),
    stage         text        not null,
    updated_at    timestamptz not null default now()
);
create index payments_el_number on payments (el_number);
