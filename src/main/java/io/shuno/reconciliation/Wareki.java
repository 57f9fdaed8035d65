package io.shuno.reconciliation;

import java.time.LocalDate;
import java.time.chrono.JapaneseDate;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** Dates in the Japanese calendar (和暦) as municipal documents write them: 令和8年6月20日. */
public final class Wareki {

    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("GGGGy年M月d日", Locale.JAPAN);

    private Wareki() {
    }

    public static String date(LocalDate date) {
        return DATE.format(JapaneseDate.from(date));
    }
}
