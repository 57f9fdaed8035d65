-- A VOID may repeat what its SALE paid for, and must then agree with it: each SALE keeps its counter orders or the
-- eL番号 of its scanned slip. Sales recorded before keep neither (null), and a VOID of one is not compared.
alter table terminal_sales
    add column invoice_ids text[],
    add column el_number   char(34);
