package io.shuno.reconciliation;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** 会計年度: 1 April to 31 March, with 出納整理期間 to 31 May of the next calendar year. */
class FiscalYearTest {

    @ParameterizedTest
    @CsvSource({
            "2026-03-31, 2025",
            "2026-04-01, 2026",
            "2026-01-01, 2025",
            "2025-12-31, 2025",
            "2026-05-31, 2026"
    })
    void aDateBelongsToTheFiscalYearThatBeganOnTheLastFirstOfApril(LocalDate date, int expectedYear) {
        assertThat(FiscalYear.containing(date)).isEqualTo(new FiscalYear(expectedYear));
    }

    @Test
    void thirtyFirstOfMarchAndFirstOfAprilAreInConsecutiveYears() {
        FiscalYear before = FiscalYear.containing(LocalDate.of(2026, 3, 31));
        FiscalYear after = FiscalYear.containing(LocalDate.of(2026, 4, 1));

        assertThat(after.year()).isEqualTo(before.year() + 1);
        assertThat(after.firstDay()).isEqualTo(LocalDate.of(2026, 4, 1));
    }

    @Test
    void closingPeriodOfFiscal2025EndsOnThirtyFirstOfMay2026() {
        assertThat(new FiscalYear(2025).closingPeriodEnd()).isEqualTo(LocalDate.of(2026, 5, 31));
    }

    @ParameterizedTest
    @ValueSource(ints = {1999, 2101})
    void yearsOutsideTheSupportedRangeAreRejected(int year) {
        assertThatThrownBy(() -> new FiscalYear(year)).isInstanceOf(IllegalArgumentException.class);
    }
}
