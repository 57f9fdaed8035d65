package io.shuno.intake;

import io.shuno.reconciliation.Digits;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;

/**
 * ISO-8601 dates and date-times as {@link LocalDate#parse} and {@link OffsetDateTime#parse} read them, with the same
 * results and the same exceptions. Every message carries a few, read twice (its content identity and its fields), and
 * the formatter-driven parse costs more than all other reading of a field: the shapes messages use are read here
 * directly ({@code 2026-06-20}, {@code 2026-06-20T10:15:00}, an optional fraction of 1 to 9 digits, then {@code Z} or
 * {@code +09:00}); anything else, out-of-range fields included, goes to the JDK's parse, which accepts or refuses it.
 */
final class DateTimes {

    private static final int DATE = "2026-06-20".length();
    private static final int DATE_TIME = "2026-06-20T10:15:00".length();

    private DateTimes() {
    }

    static LocalDate date(String text) {
        if (text.length() == DATE && isDate(text)) {
            try {
                return dateOf(text);
            } catch (DateTimeException outOfRange) {
                // the JDK's parse says which field, in its own exception
            }
        }
        return LocalDate.parse(text);
    }

    static OffsetDateTime dateTime(String text) throws DateTimeParseException {
        OffsetDateTime read = readDirectly(text);
        return read != null ? read : OffsetDateTime.parse(text);
    }

    /** The date-time, or null when it does not have one of the shapes read here. */
    private static OffsetDateTime readDirectly(String text) {
        int length = text.length();
        if (length < DATE_TIME + 1 || !isDate(text) || text.charAt(10) != 'T' || text.charAt(13) != ':'
                || text.charAt(16) != ':' || !Digits.between(text, 11, 13) || !Digits.between(text, 14, 16)
                || !Digits.between(text, 17, 19)) {
            return null;
        }
        int position = DATE_TIME;
        int nanos = 0;
        if (text.charAt(position) == '.') {
            int start = ++position;
            while (position < length && position - start < 9 && Digits.isDigit(text.charAt(position))) {
                nanos = nanos * 10 + text.charAt(position++) - '0';
            }
            int fractionDigits = position - start;
            if (fractionDigits == 0) {
                return null;
            }
            for (int i = fractionDigits; i < 9; i++) {
                nanos *= 10;
            }
        }
        ZoneOffset offset = offset(text, position);
        if (offset == null) {
            return null;
        }
        try {
            return OffsetDateTime.of(dateOf(text).atTime(number(text, 11, 13), number(text, 14, 16),
                    number(text, 17, 19), nanos), offset);
        } catch (DateTimeException outOfRange) {
            return null;
        }
    }

    /** {@code Z} or {@code ±HH:MM} ending the text at {@code position}; null otherwise. */
    private static ZoneOffset offset(String text, int position) {
        int rest = text.length() - position;
        if (rest == 1 && text.charAt(position) == 'Z') {
            return ZoneOffset.UTC;
        }
        char sign = text.charAt(position);
        if (rest != 6 || (sign != '+' && sign != '-') || text.charAt(position + 3) != ':'
                || !Digits.between(text, position + 1, position + 3)
                || !Digits.between(text, position + 4, position + 6)) {
            return null;
        }
        int hours = number(text, position + 1, position + 3);
        int minutes = number(text, position + 4, position + 6);
        try {
            return sign == '+' ? ZoneOffset.ofHoursMinutes(hours, minutes)
                    : ZoneOffset.ofHoursMinutes(-hours, -minutes);
        } catch (DateTimeException outOfRange) {
            return null;
        }
    }

    private static boolean isDate(String text) {
        return text.length() >= DATE && Digits.between(text, 0, 4) && text.charAt(4) == '-'
                && Digits.between(text, 5, 7) && text.charAt(7) == '-' && Digits.between(text, 8, 10);
    }

    private static LocalDate dateOf(String text) {
        return LocalDate.of(number(text, 0, 4), number(text, 5, 7), number(text, 8, 10));
    }

    private static int number(String text, int from, int to) {
        int value = 0;
        for (int i = from; i < to; i++) {
            value = value * 10 + text.charAt(i) - '0';
        }
        return value;
    }
}
