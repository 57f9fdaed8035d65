package io.shuno.reconciliation;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.assertThatCode;

/**
 * 団体コード check digit, as documented: digits 1–5 times 6,5,4,3,2, r = sum mod 11, check = last digit of (11 − r).
 * The rule is re-implemented here literally so the production arithmetic is checked against the text, not itself.
 */
class MunicipalityCodeTest {

    @ParameterizedTest
    @ValueSource(strings = {"131016", "442011", "131041", "271004"})
    void validCodesAreAcceptedAsTheyAre(String value) {
        MunicipalityCode code = new MunicipalityCode(value);

        assertThat(code.value()).isEqualTo(value);
        assertThat(code.institutionCode()).isEqualTo(value.substring(0, 5));
        assertThat(code).hasToString(value);
    }

    @Test
    void checkDigitOfChiyodaIsSix() {
        assertThat(remainder("13101")).isEqualTo(5);
        assertThat(MunicipalityCode.ofInstitutionCode("13101").value()).isEqualTo("131016");
    }

    @ParameterizedTest
    @CsvSource({"131017, 6", "131010, 6", "442012, 1", "442010, 1", "131040, 1", "271005, 4"})
    void wrongCheckDigitIsRejectedWithAMessageNamingTheExpectedDigit(String value, char expected) {
        assertThatThrownBy(() -> new MunicipalityCode(value))
                .isInstanceOf(InvalidIdentifierException.class)
                .hasMessageContaining(value)
                .hasMessageContaining("expected " + expected);
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"13101", "1310160", "13101a", "a31016", " 131016", "131016 ", "13-016", "１３１０１６"})
    void codesThatAreNotSixAsciiDigitsAreRejected(String value) {
        assertThatThrownBy(() -> new MunicipalityCode(value)).isInstanceOf(InvalidIdentifierException.class);
    }

    @Test
    void remainderZeroGivesCheckDigitOne() {
        String prefix = firstPrefixFrom(13000, 0);

        assertThat(remainder(prefix)).isZero();
        assertThat(MunicipalityCode.ofInstitutionCode(prefix).value()).isEqualTo(prefix + "1");
        assertThatCode(() -> new MunicipalityCode(prefix + "1")).doesNotThrowAnyException();
        assertThatThrownBy(() -> new MunicipalityCode(prefix + "0")).isInstanceOf(InvalidIdentifierException.class);
    }

    @Test
    void remainderOneGivesCheckDigitZero() {
        String prefix = firstPrefixFrom(13000, 1);

        assertThat(remainder(prefix)).isOne();
        assertThat(MunicipalityCode.ofInstitutionCode(prefix).value()).isEqualTo(prefix + "0");
        assertThatCode(() -> new MunicipalityCode(prefix + "0")).doesNotThrowAnyException();
        assertThatThrownBy(() -> new MunicipalityCode(prefix + "1")).isInstanceOf(InvalidIdentifierException.class);
    }

    @ParameterizedTest
    @CsvSource({"13101, 131016", "44201, 442011", "13104, 131041", "27100, 271004"})
    void ofInstitutionCodeRestoresTheCheckDigit(String institutionCode, String expected) {
        MunicipalityCode code = MunicipalityCode.ofInstitutionCode(institutionCode);

        assertThat(code).isEqualTo(new MunicipalityCode(expected));
        assertThat(code.institutionCode()).isEqualTo(institutionCode);
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"1310", "131016", "1310a", "１３１０１"})
    void ofInstitutionCodeRejectsAnythingButFiveAsciiDigits(String institutionCode) {
        assertThatThrownBy(() -> MunicipalityCode.ofInstitutionCode(institutionCode))
                .isInstanceOf(InvalidIdentifierException.class);
    }

    @Test
    void everyFiveDigitPrefixGetsTheDocumentedCheckDigitAndNoOther() {
        IntStream.range(0, 100_000).forEach(p -> {
            String prefix = String.format("%05d", p);
            MunicipalityCode code = MunicipalityCode.ofInstitutionCode(prefix);
            char documented = documentedCheckDigit(prefix);
            char wrong = (char) ('0' + (documented - '0' + 1 + p % 9) % 10);

            assertThat(code.value()).as(prefix).startsWith(prefix).hasSize(6).endsWith(String.valueOf(documented));
            assertThat(new MunicipalityCode(code.value())).as(prefix).isEqualTo(code);
            assertThatThrownBy(() -> new MunicipalityCode(prefix + wrong)).as(prefix)
                    .isInstanceOf(InvalidIdentifierException.class);
        });
    }

    private static int remainder(String prefix) {
        int[] weights = {6, 5, 4, 3, 2};
        int sum = 0;
        for (int i = 0; i < 5; i++) {
            sum += Character.digit(prefix.charAt(i), 10) * weights[i];
        }
        return sum % 11;
    }

    private static char documentedCheckDigit(String prefix) {
        String elevenMinusR = Integer.toString(11 - remainder(prefix));
        return elevenMinusR.charAt(elevenMinusR.length() - 1);
    }

    private static String firstPrefixFrom(int start, int wantedRemainder) {
        return IntStream.range(start, 100_000).mapToObj(p -> String.format("%05d", p))
                .filter(p -> remainder(p) == wantedRemainder)
                .findFirst().orElseThrow();
    }
}
