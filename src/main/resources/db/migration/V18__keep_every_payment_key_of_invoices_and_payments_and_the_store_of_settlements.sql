-- An invoice has slips, not one key: every eL番号, コンビニ barcode and direct-debit request (顧客番号:引落日) a
-- payment may name it by, with the slip's usable-until date where known. A key pays one invoice of a municipality.
create table invoice_payment_keys (
    municipality_code char(6) not null,
    key_type          text    not null check (key_type in ('EL_NUMBER', 'CONVENIENCE_BARCODE', 'DIRECT_DEBIT')),
    key_value         text    not null,
    invoice_id        text    not null references invoices (invoice_id),
    usable_until      date,
    primary key (municipality_code, key_type, key_value)
);
create index invoice_payment_keys_invoice on invoice_payment_keys (invoice_id);

insert into invoice_payment_keys (municipality_code, key_type, key_value, invoice_id)
select municipality_code, 'EL_NUMBER', el_number, invoice_id from invoices where el_number is not null;

-- A payment names its invoice by a key of any type; el_number stays filled for eLTAX payments (and is what rows
-- written before this migration have), the key columns are filled for every payment from now on.
alter table payments add column key_type text;
alter table payments add column key_value text;
alter table payments alter column el_number drop not null;
update payments set key_type = 'EL_NUMBER', key_value = el_number;
create index payments_key on payments (key_type, key_value);

-- Where a コンビニ payment was taken: the chain (コンビニ本部コード) and the agency's transfer date (振込日).
alter table settlements add column convenience_store_chain text;
alter table settlements add column transfer_date date;
