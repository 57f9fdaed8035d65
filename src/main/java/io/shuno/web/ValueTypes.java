package io.shuno.web;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Collection;

/** How the API's errors name the type a value must have, with an example of its format. */
final class ValueTypes {

    private ValueTypes() {
    }

    static String describe(Class<?> type) {
        if (type == LocalDate.class) {
            return "a date";
        }
        if (type == OffsetDateTime.class) {
            return "a date and time with its offset";
        }
        if (isWholeNumber(type)) {
            return "a whole number";
        }
        if (type == boolean.class || type == Boolean.class) {
            return "true or false";
        }
        if (Collection.class.isAssignableFrom(type) || type.isArray()) {
            return "a list of texts";
        }
        if (type == String.class) {
            return "a text";
        }
        return "an object";
    }

    static String example(Class<?> type) {
        if (type == LocalDate.class) {
            return "2026-06-20";
        }
        if (type == OffsetDateTime.class) {
            return "2026-06-20T09:00:00+09:00";
        }
        if (isWholeNumber(type)) {
            return "42";
        }
        if (type == boolean.class || type == Boolean.class) {
            return "true";
        }
        if (Collection.class.isAssignableFrom(type) || type.isArray()) {
            return "[\"INV-1\"]";
        }
        return "\"…\"";
    }

    private static boolean isWholeNumber(Class<?> type) {
        return type == int.class || type == Integer.class || type == long.class || type == Long.class;
    }
}
