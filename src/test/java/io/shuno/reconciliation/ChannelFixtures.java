package io.shuno.reconciliation;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;

import static io.shuno.reconciliation.ReconciliationFixtures.CHIYODA;
import static io.shuno.reconciliation.ReconciliationFixtures.terms;

/**
 * Records for the file channels: the fixture invoice's slips — its first eL-QR slip, a reissued one, a コンビニ
 * barcode and a direct-debit request due on the invoice's due date — and rows of the bank's and the agency's files.
 */
final class ChannelFixtures {

    /** The eL番号 of the slip reissued with a new due date; the first slip is {@link ReconciliationFixtures#EL_NUMBER}. */
    static final ElNumber REISSUED_EL_NUMBER = ElNumber.of("13101", "00000202506150000042", "778285", "127");
    /** The first コンビニ slip: agency 912345, client 01234, first issue, payable until 30 September 2025, 5,000円. */
    static final ConvenienceBarcode BARCODE =
            ConvenienceBarcode.withCheckDigit("91" + "912345" + "012345678901234567890" + "0" + "250930" + "0" + "005000");
    /** The slip reissued (再発行区分 1) payable until 31 December 2025. */
    static final ConvenienceBarcode REISSUED_BARCODE =
            ConvenienceBarcode.withCheckDigit("91" + "912345" + "012345678901234567890" + "1" + "251231" + "0" + "005000");
    static final String CUSTOMER_NUMBER = "00000000000000123450";
    /** The debit on the invoice's due date (30 June 2025). */
    static final LocalDate DEBIT_DATE = ReconciliationFixtures.DUE_DATE;
    static final PaymentKey DEBIT_KEY = PaymentKey.directDebit(CUSTOMER_NUMBER, DEBIT_DATE);
    /** Paid at a store on 1 October 2025 at 10:00 in Japan. */
    static final OffsetDateTime PAID_AT_STORE = OffsetDateTime.parse("2025-10-01T10:00:00+09:00");
    static final String SEVEN_ELEVEN = "010";
    static final LocalDate TRANSFER_DATE = LocalDate.of(2025, 10, 10);

    private ChannelFixtures() {
    }

    /** The fixture invoice with every slip it was issued with: two eL-QR slips, a barcode and the debit request. */
    static InvoiceTerms termsWithSlips(long amount) {
        return terms(amount).withSlips(List.of(
                new PaymentSlip(PaymentKey.of(REISSUED_EL_NUMBER), Optional.of(LocalDate.of(2025, 9, 30))),
                new PaymentSlip(PaymentKey.of(BARCODE), BARCODE.payableUntil()),
                PaymentSlip.of(DEBIT_KEY)));
    }

    static Invoice invoiceWithSlips(long amount, long settledRevenue) {
        return new Invoice(termsWithSlips(amount), false, Amount.of(settledRevenue), Amount.ZERO);
    }

    /** The fixture invoice whose debit the billing system asked for on {@code debitDate} (a retry, say). */
    static Invoice invoiceDebitedOn(long amount, LocalDate debitDate) {
        return Invoice.issued(terms(amount).withSlips(
                List.of(PaymentSlip.of(PaymentKey.directDebit(CUSTOMER_NUMBER, debitDate)))));
    }

    static DirectDebitResult debitResult(char code, long amount) {
        return debitResult(code, amount, DEBIT_DATE);
    }

    static DirectDebitResult debitResult(char code, long amount, LocalDate debitDate) {
        return new DirectDebitResult(CHIYODA, CUSTOMER_NUMBER, debitDate, Amount.of(amount), code);
    }

    /** A row about the payment of {@link #BARCODE} at Seven-Eleven store 123456 at {@link #PAID_AT_STORE}. */
    static ConvenienceStoreNotice storeNotice(NoticeStage stage, long amount) {
        return storeNotice(stage, BARCODE, amount);
    }

    static ConvenienceStoreNotice storeNotice(NoticeStage stage, ConvenienceBarcode barcode, long amount) {
        return new ConvenienceStoreNotice(stage, CHIYODA, barcode, Amount.of(amount), PAID_AT_STORE, SEVEN_ELEVEN, "123456",
                stage == NoticeStage.CONFIRMED ? Optional.of(TRANSFER_DATE) : Optional.empty());
    }
}
