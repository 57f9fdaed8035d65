package io.shuno.reconciliation;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The forms a payment reference may take: a known source, a colon, then 1–64 of a plain character set. */
class PaymentRefTest {

    @ParameterizedTest
    @ValueSource(strings = {"eltax:P-0001", "terminal:TX.20260401_1", "acquirer:a", "manual:M:2026:1", "debit:1310:X",
            "cvs:abc-DEF_09.9", "eltax:" + "A234567890123456789012345678901234567890123456789012345678901234"})
    void wellFormedReferencesAreKeptAsTheyAre(String value) {
        assertThat(new PaymentRef(value).value()).isEqualTo(value);
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"eltax:", "eltax", "ELTAX:P1", "bank:P1", ":P1", "eltaxx:P1", "eltax:P 1", "eltax:P/1",
            "eltax:Ｐ1", "eltax:支払1", "cvs:a\n", "eltax:" + "A2345678901234567890123456789012345678901234567890123456789012345"})
    void anythingElseIsRefused(String value) {
        assertThatThrownBy(() -> new PaymentRef(value)).isInstanceOf(InvalidIdentifierException.class);
    }

    @Test
    void onlyACounterPaymentNamesATerminalTransaction() {
        assertThat(PaymentRef.terminal("TX1").terminalTransactionId()).contains("TX1");
        assertThat(PaymentRef.eltax("TX1").terminalTransactionId()).isEmpty();
    }
}
