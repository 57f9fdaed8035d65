package io.shuno.reconciliation;

/** Where the payer paid. The eLTAX channels come from the gateway; the counter ones from terminals. */
public enum Channel {
    BANK_COUNTER, INTERNET_BANKING, PAYMENT_SITE_CARD, PAYMENT_SITE_DEBIT, ATM_PAYEASY, SMARTPHONE_APP,
    COUNTER_CREDIT, COUNTER_EMONEY, COUNTER_QR
}
