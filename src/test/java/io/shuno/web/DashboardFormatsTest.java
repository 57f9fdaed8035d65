package io.shuno.web;

import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.time.OffsetDateTime;

import static org.assertj.core.api.Assertions.assertThat;

class DashboardFormatsTest {

    private final DashboardFormats display = new DashboardFormats();

    @Test
    void yenAreWrittenWithTheSignAndThousandsSeparators() {
        assertThat(display.yen(1_234_567)).isEqualTo("¥1,234,567");
        assertThat(display.yen(0)).isEqualTo("¥0");
    }

    @Test
    void datesAndFiscalYearsAreWrittenInTheJapaneseCalendar() {
        assertThat(display.date(LocalDate.of(2026, 6, 20))).isEqualTo("令和8年6月20日");
        assertThat(display.fiscalYear(2026)).isEqualTo("令和8年度");
        // FY2018 began in 平成, and its name stays 平成30年度 although it ended in 平成31年.
        assertThat(display.fiscalYear(2018)).isEqualTo("平成30年度");
    }

    @Test
    void timesAreShownInTokyo() {
        assertThat(display.dateTime(OffsetDateTime.parse("2026-06-19T15:30:00Z"))).isEqualTo("令和8年6月20日 0:30:00");
    }
}
