package io.shuno.web;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Collection;

/** How the API's errors name the type a value must have, with an example of its format. */
enum ValueTypes {

    DATE("a date", "2026-06-20"),
    DATE_TIME("a date and time with its offset", "2026-06-20T09:00:00+09:00"),
    WHOLE_NUMBER("a whole number", "42"),
    TRUE_OR_FALSE("true or false", "true"),
    LIST("a list of texts", "[\"INV-1\"]"),
    TEXT("a text", "\"…\""),
    OBJECT("an object", "{…}");

    private final String description;
    private final String example;

    ValueTypes(String description, String example) {
        this.description = description;
        this.example = example;
    }

    /** The kind of value a Java type takes; an object where the type is unknown (null). */
    static ValueTypes of(Class<?> type) {
        if (type == null) {
            return OBJECT;
        }
        if (type == LocalDate.class) {
            return DATE;
        }
        if (type == OffsetDateTime.class) {
            return DATE_TIME;
        }
        if (type == int.class || type == Integer.class || type == long.class || type == Long.class) {
            return WHOLE_NUMBER;
        }
        if (type == boolean.class || type == Boolean.class) {
            return TRUE_OR_FALSE;
        }
        if (Collection.class.isAssignableFrom(type) || type.isArray()) {
            return LIST;
        }
        return type == String.class ? TEXT : OBJECT;
    }

    String description() {
        return description;
    }

    String example() {
        return example;
    }
}
