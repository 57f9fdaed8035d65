package io.shuno.reconciliation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class ConvenienceBarcodeTest {

    @Test
    void checkDigitMatchesThePublishedVectors() {
        assertThat(ConvenienceBarcode.checkDigit("9191234501234567890123456789010103310123000")).isEqualTo(3);
        assertThat(ConvenienceBarcode.checkDigit("9194238617895391785393569273010307311031290")).isEqualTo(3);
    }

    @Test
    void fieldsAreReadFromTheirPositions() {
        ConvenienceBarcode barcode = new ConvenienceBarcode("91912345012345678901234567890101033101230003");

        assertThat(barcode.billerCode()).isEqualTo("912345");
        assertThat(barcode.freeField()).isEqualTo("012345678901234567890");
        assertThat(barcode.clientCode()).isEqualTo("01234");
        assertThat(barcode.billerKey()).isEqualTo("5678901234567890");
        assertThat(barcode.reissue()).isEqualTo(1);
        assertThat(barcode.payableUntil()).contains(LocalDate.of(2001, 3, 31));
        assertThat(barcode.stampFlag()).isZero();
        assertThat(barcode.amount()).isEqualTo(123000);
    }

    @Test
    void aSlipWithoutDueDateHasNone() {
        ConvenienceBarcode barcode = ConvenienceBarcode.withCheckDigit("9191234501234567890123456789009999990000500");

        assertThat(barcode.payableUntil()).isEmpty();
        assertThat(barcode.amount()).isEqualTo(500);
    }

    @Test
    void aWrongCheckDigitIsRefused() {
        assertThatThrownBy(() -> new ConvenienceBarcode("91912345012345678901234567890101033101230004"))
                .isInstanceOf(InvalidIdentifierException.class).hasMessageContaining("check digit must be 3");
    }

    @Test
    void anythingButFortyFourDigitsAfterAi91IsRefused() {
        assertThatThrownBy(() -> new ConvenienceBarcode("9191234501234567890123456789010103310123000"))
                .isInstanceOf(InvalidIdentifierException.class);
        assertThatThrownBy(() -> new ConvenienceBarcode("9191234501234567890123456789010103310123000A"))
                .isInstanceOf(InvalidIdentifierException.class);
        assertThatThrownBy(() -> ConvenienceBarcode.withCheckDigit("1191234501234567890123456789010103310123000"))
                .isInstanceOf(InvalidIdentifierException.class).hasMessageContaining("AI 91");
    }

    @Test
    void onlyResultZeroMovedMoneyAndUnknownCodesAreNeverDebited() {
        assertThat(DirectDebitResultCode.of('0').moneyMoved()).isTrue();
        assertThat(DirectDebitResultCode.of('1')).isEqualTo(DirectDebitResultCode.INSUFFICIENT_FUNDS);
        assertThat(DirectDebitResultCode.of('1').clerkWordsJa()).isEqualTo("資金不足");
        assertThat(DirectDebitResultCode.of('8').clerkWordsJa()).isEqualTo("委託者都合");
        assertThat(DirectDebitResultCode.of('7')).isEqualTo(DirectDebitResultCode.UNKNOWN);
        assertThat(DirectDebitResultCode.of('?')).isEqualTo(DirectDebitResultCode.UNKNOWN);
        assertThat(DirectDebitResultCode.of('7').moneyMoved()).isFalse();
    }
}
