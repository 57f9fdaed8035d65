package io.shuno.reconciliation;

import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import static io.shuno.reconciliation.ChannelFixtures.BARCODE;
import static io.shuno.reconciliation.ChannelFixtures.CUSTOMER_NUMBER;
import static io.shuno.reconciliation.ChannelFixtures.DEBIT_KEY;
import static io.shuno.reconciliation.ChannelFixtures.REISSUED_BARCODE;
import static io.shuno.reconciliation.ChannelFixtures.REISSUED_EL_NUMBER;
import static io.shuno.reconciliation.ChannelFixtures.termsWithSlips;
import static io.shuno.reconciliation.ReconciliationFixtures.EL_NUMBER;
import static io.shuno.reconciliation.ReconciliationFixtures.UNKNOWN_EL_NUMBER;
import static io.shuno.reconciliation.ReconciliationFixtures.terms;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The keys a payment names its invoice by, and the slips an invoice lists. */
class PaymentKeyTest {

    @Test
    void everyKindOfKeyIsReadBackFromItsTypeAndValue() {
        for (PaymentKey key : List.of(PaymentKey.of(EL_NUMBER), PaymentKey.of(BARCODE), DEBIT_KEY)) {
            assertThat(PaymentKey.parse(key.type(), key.value())).isEqualTo(key);
        }
        assertThat(DEBIT_KEY.value()).isEqualTo(CUSTOMER_NUMBER + ":2025-06-30");
    }

    @Test
    void aBarcodeWithAWrongCheckDigitIsNoKey() {
        String wrongCheckDigit = BARCODE.value().substring(0, 43) + ((BARCODE.value().charAt(43) - '0' + 1) % 10);

        assertThatThrownBy(() -> PaymentKey.parse(PaymentKey.Type.CONVENIENCE_BARCODE, wrongCheckDigit))
                .isInstanceOf(InvalidIdentifierException.class).hasMessageContaining("check digit");
    }

    @Test
    void aCustomerNumberIsTwentyCharactersOfTheBankCharacterSet() {
        LocalDate day = LocalDate.of(2025, 6, 30);
        assertThat(PaymentKey.directDebit("ABC 123             ", day).value()).startsWith("ABC 123 ");
        assertThatThrownBy(() -> PaymentKey.directDebit("123", day)).isInstanceOf(InvalidIdentifierException.class);
        assertThatThrownBy(() -> PaymentKey.directDebit(" ".repeat(20), day))
                .isInstanceOf(InvalidIdentifierException.class);
        assertThatThrownBy(() -> PaymentKey.directDebit("ﾔﾏﾀﾞ" + "0".repeat(16), day))
                .isInstanceOf(InvalidIdentifierException.class);
        assertThatThrownBy(() -> PaymentKey.parse(PaymentKey.Type.DIRECT_DEBIT, CUSTOMER_NUMBER + ":30.06.2025"))
                .isInstanceOf(InvalidIdentifierException.class);
    }

    @Test
    void anInvoiceIsPayableWithItsElNumberAndEveryListedSlipButNoOtherKey() {
        InvoiceTerms terms = termsWithSlips(5_000);

        assertThat(terms.paymentKeys()).containsExactly(PaymentKey.of(EL_NUMBER), PaymentKey.of(REISSUED_EL_NUMBER),
                PaymentKey.of(BARCODE), DEBIT_KEY);
        assertThat(terms.payableWith(PaymentKey.of(REISSUED_EL_NUMBER))).isTrue();
        assertThat(terms.payableWith(PaymentKey.of(REISSUED_BARCODE))).isFalse();
        assertThat(terms.payableWith(PaymentKey.directDebit(CUSTOMER_NUMBER, LocalDate.of(2025, 7, 31)))).isFalse();
    }

    @Test
    void todaysInvoiceWithOneElNumberHasThatOneKey() {
        assertThat(terms(5_000).paymentKeys()).containsExactly(PaymentKey.of(EL_NUMBER));
        assertThat(terms(5_000).slips()).isEmpty();
    }

    @Test
    void aListedElNumberOfAnotherMunicipalityIsRefused() {
        assertThatThrownBy(() -> terms(5_000).withSlips(List.of(PaymentSlip.of(PaymentKey.of(UNKNOWN_EL_NUMBER)))))
                .isInstanceOf(InvalidIdentifierException.class).hasMessageContaining("団体コード");
    }

    @Test
    void newerTermsAddTheirSlipsAndDropNone() {
        InvoiceTerms first = terms(5_000).withSlips(List.of(PaymentSlip.of(PaymentKey.of(BARCODE))));
        InvoiceTerms reissued = terms(5_000).withSlips(List.of(
                new PaymentSlip(PaymentKey.of(REISSUED_BARCODE), Optional.of(LocalDate.of(2025, 12, 31)))));

        assertThat(first.withSlipsOf(reissued).paymentKeys()).containsExactly(PaymentKey.of(EL_NUMBER),
                PaymentKey.of(BARCODE), PaymentKey.of(REISSUED_BARCODE));
        assertThat(first.withSlipsOf(first)).isEqualTo(first);
    }
}
