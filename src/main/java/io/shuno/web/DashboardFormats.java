package io.shuno.web;

import io.shuno.reconciliation.FiscalYear;
import io.shuno.reconciliation.Wareki;
import org.springframework.stereotype.Component;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.chrono.JapaneseDate;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * How the dashboard writes yen and dates: amounts as ¥1,234,567, dates and fiscal years in the Japanese calendar
 * (和暦) as municipal documents do — 令和8年6月20日, 令和8年度. Templates call it as {@code @display} (public, so
 * that SpEL may).
 */
@Component("display")
public class DashboardFormats {

    private static final DateTimeFormatter WAREKI_FISCAL_YEAR = DateTimeFormatter.ofPattern("GGGGy年度", Locale.JAPAN);
    private static final DateTimeFormatter CLOCK_TIME = DateTimeFormatter.ofPattern("H:mm:ss");

    public String yen(long amount) {
        return String.format(Locale.JAPAN, "¥%,d", amount);
    }

    public String date(LocalDate date) {
        return date == null ? "" : Wareki.date(date);
    }

    public String dateTime(OffsetDateTime time) {
        if (time == null) {
            return "";
        }
        var tokyo = time.atZoneSameInstant(FiscalYear.TOKYO);
        return date(tokyo.toLocalDate()) + " " + CLOCK_TIME.format(tokyo);
    }

    /** A fiscal year by the era of its first day, 1 April: FY2026 is 令和8年度. */
    public String fiscalYear(int year) {
        return WAREKI_FISCAL_YEAR.format(JapaneseDate.from(new FiscalYear(year).firstDay()));
    }
}
