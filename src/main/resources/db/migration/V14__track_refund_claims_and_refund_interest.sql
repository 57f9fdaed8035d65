-- A 過誤納金 exception carries the payer's refund claim: how the money became 過誤納金 (誤納 or 過納, which decides
-- when 還付加算金 starts) and the last day a refund may be decided before the claim lapses (時効).
alter table staff_exceptions
    add column excess_cause     text,   -- ERRONEOUS_PAYMENT (誤納) | REDUCED_AFTER_PAYMENT (過納)
    add column refund_lapses_on date;   -- the last day a refund may still be decided

-- Exceptions raised before: a reduction or a cancellation of a paid invoice raised 過納 on the day it arrived; a
-- payment of an already cancelled invoice ("取消済みの請求 … に納付") and the others are 誤納, whose claim arises on
-- the payment date — the 収納日 of the OVERPAYMENT the payment booked, as new exceptions count it, not the day the
-- exception was raised (eLTAX confirmations arrive days later). Premiums lapse after 2 years, other public money after 5.
update staff_exceptions
set excess_cause = case when reason = 'AMOUNT_REDUCED_AFTER_PAYMENT'
                             or (reason = 'PAID_AFTER_CANCELLATION' and detail not like '取消済みの請求%')
                        then 'REDUCED_AFTER_PAYMENT' else 'ERRONEOUS_PAYMENT' end
where reason in ('OVERPAYMENT', 'DOUBLE_PAYMENT', 'PAID_AFTER_CANCELLATION', 'AMOUNT_REDUCED_AFTER_PAYMENT');

update staff_exceptions e
set refund_lapses_on = (coalesce(
        case when e.excess_cause = 'ERRONEOUS_PAYMENT'
             then (select min(s.received_on) from settlements s
                   where s.kind = 'OVERPAYMENT' and s.payment_ref = e.payment_ref and s.invoice_id = e.invoice_id) end,
        (e.raised_at at time zone 'Asia/Tokyo')::date)
    + case when i.item in ('NHI_PREMIUM', 'LTC_PREMIUM', 'LATE_ELDERLY_PREMIUM') then interval '2 years'
           else interval '5 years' end)::date
from invoices i
where i.invoice_id = e.invoice_id and e.excess_cause is not null;

create index staff_exceptions_refund_lapses on staff_exceptions (refund_lapses_on)
    where status = 'OPEN' and refund_lapses_on is not null;

-- What a refund or an appropriation added as 還付加算金 and over which period, and the day shuno booked it as
-- decided (the payout list of a day reads it). Decisions recorded before stay without one: a refund then only
-- recorded its reference and was paid outside shuno, so it must not reach a payout list now.
alter table exception_resolutions
    add column interest      bigint not null default 0 check (interest >= 0),
    add column interest_from date,
    add column interest_to   date,
    add column decided_on    date;
create index exception_resolutions_decided on exception_resolutions (decided_on, action);
