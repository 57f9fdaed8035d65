package io.shuno.reconciliation;

import java.time.LocalDate;
import java.time.Month;
import java.time.ZoneId;

/** 会計年度: 1 April of {@code year} to 31 March of the next year. */
public record FiscalYear(int year) {

    /** Business dates (収納日, due dates) are taken in Japan whatever the server's zone. */
    public static final ZoneId TOKYO = ZoneId.of("Asia/Tokyo");

    public FiscalYear {
        if (year < 2000 || year > 2100) {
            throw new IllegalArgumentException("fiscal year out of range: " + year);
        }
    }

    public static FiscalYear containing(LocalDate date) {
        return new FiscalYear(date.getMonthValue() >= Month.APRIL.getValue() ? date.getYear() : date.getYear() - 1);
    }

    public LocalDate firstDay() {
        return LocalDate.of(year, Month.APRIL, 1);
    }

    /** The last day of 出納整理期間, when money for this year's assessments still counts to this year. */
    public LocalDate closingPeriodEnd() {
        return LocalDate.of(year + 1, Month.MAY, 31);
    }
}
