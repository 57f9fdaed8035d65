package io.shuno.reconciliation;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** eL番号 = 共通納税機関コード (5) + 案件特定キー (20) + 確認番号 (6) + 税目・料金番号 (3). */
class ElNumberTest {

    /** The parts of the real sample payload in the domain primer. */
    private static final String INSTITUTION = "44000";
    private static final String CASE_KEY = "00000202401010104348";
    private static final String CONFIRMATION = "778284";
    private static final String ITEM = "127";
    private static final String SAMPLE = INSTITUTION + CASE_KEY + CONFIRMATION + ITEM;

    @Test
    void thirtyFourDigitsAreSplitIntoInstitutionCaseKeyConfirmationAndItemCode() {
        ElNumber el = new ElNumber(SAMPLE);

        assertThat(SAMPLE).hasSize(34);
        assertThat(el.municipality().institutionCode()).isEqualTo(INSTITUTION);
        assertThat(el.caseKey()).isEqualTo(CASE_KEY);
        assertThat(el.confirmationNumber()).isEqualTo(CONFIRMATION);
        assertThat(el.itemCode()).isEqualTo(ITEM);
        assertThat(el).hasToString(SAMPLE);
    }

    @Test
    void ofJoinsTheFourPartsInPrintedOrder() {
        assertThat(ElNumber.of(INSTITUTION, CASE_KEY, CONFIRMATION, ITEM)).isEqualTo(new ElNumber(SAMPLE));
    }

    @Test
    void municipalityOfInstitution44000IsOitaPrefecture440001() {
        // 4·6 + 4·5 + 0·4 + 0·3 + 0·2 = 44; 44 mod 11 = 0; last digit of 11 − 0 is 1.
        assertThat(new ElNumber(SAMPLE).municipality()).isEqualTo(new MunicipalityCode("440001"));
    }

    @Test
    void municipalityOfInstitution13101IsChiyoda131016() {
        ElNumber el = ElNumber.of("13101", CASE_KEY, CONFIRMATION, ITEM);

        assertThat(el.municipality()).isEqualTo(new MunicipalityCode("131016"));
    }

    @ParameterizedTest
    @NullAndEmptySource
    @MethodSource("malformed")
    void anythingButThirtyFourAsciiDigitsIsRejected(String value) {
        assertThatThrownBy(() -> new ElNumber(value)).isInstanceOf(InvalidIdentifierException.class);
    }

    static Stream<String> malformed() {
        return Stream.of(
                SAMPLE.substring(1),                      // 33 digits
                SAMPLE + "0",                             // 35 digits
                SAMPLE.substring(0, 32) + "A" + SAMPLE.substring(33),
                SAMPLE.substring(0, 5) + " " + SAMPLE.substring(6),
                "４" + SAMPLE.substring(1));               // a full-width digit
    }
}
