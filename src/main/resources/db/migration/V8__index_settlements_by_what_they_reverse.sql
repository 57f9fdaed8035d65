-- Invoice events ask which revenue and suspense is not yet reversed (SettlementHistory); without this index each
-- such question reads every settlement ever booked.
create index settlements_reverses on settlements (reverses);
