package io.shuno.reconciliation;

/**
 * Where the payer paid. The eLTAX channels come from the gateway; the counter ones from terminals; DIRECT_DEBIT
 * (口座振替) from the bank's result files and CONVENIENCE_STORE (コンビニ収納) from the collection agency's files.
 */
public enum Channel {
    BANK_COUNTER, INTERNET_BANKING, PAYMENT_SITE_CARD, PAYMENT_SITE_DEBIT, ATM_PAYEASY, SMARTPHONE_APP,
    COUNTER_CREDIT, COUNTER_EMONEY, COUNTER_QR, DIRECT_DEBIT, CONVENIENCE_STORE
}
