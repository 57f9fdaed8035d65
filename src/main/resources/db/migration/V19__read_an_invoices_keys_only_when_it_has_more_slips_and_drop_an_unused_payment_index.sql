-- Most invoices are paid by the one eL番号 printed on them: reading them need not look at invoice_payment_keys.
-- more_slips says an invoice has a key row beyond that eL番号 without a usable-until date (another eL番号, a barcode,
-- a debit key, or a date); only then are its keys read with it. Written with every save of the invoice.
alter table invoices add column more_slips boolean not null default false;
update invoices i set more_slips = true
where exists (select 1 from invoice_payment_keys k
              where k.invoice_id = i.invoice_id
                and (k.key_type <> 'EL_NUMBER' or k.key_value <> i.el_number or i.el_number is null
                     or k.usable_until is not null));

-- Payments are found by payment_ref or by key (payments_key); nothing reads them by el_number since V18.
drop index payments_el_number;
