-- Counter SALEs as the daily close and the acquirer's statement count them; a VOID marks its SALE voided.
create table terminal_sales (
    transaction_id    text        primary key,
    municipality_code char(6)     not null,
    brand             text        not null,
    amount            bigint      not null check (amount > 0),
    business_date     date        not null,
    voided            boolean     not null default false,
    updated_at        timestamptz not null default now()
);
create index terminal_sales_day on terminal_sales (municipality_code, business_date, brand);

create table acquirer_statements (
    statement_id      text        primary key,
    acquirer          text        not null,
    municipality_code char(6)     not null,
    business_date     date        not null,
    brand             text        not null,
    gross_sales       bigint      not null,
    sales_count       bigint      not null,
    fee               bigint      not null,
    net_deposit       bigint      not null,
    deposit_date      date        not null,
    received_at       timestamptz not null default now()
);
create index acquirer_statements_day on acquirer_statements (municipality_code, business_date);
