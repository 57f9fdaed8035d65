package io.shuno.intake;

import com.fasterxml.jackson.databind.JsonNode;

import io.shuno.deadletters.RejectionClass;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Reads the fields of a schema-valid document, rejecting what a schema cannot: 1.0 yen, 30 February, a count beyond
 * what an int holds, a control character (written escaped, e.g. \u0000) that no field of the contract may contain.
 */
final class Fields {

    private final JsonNode node;

    Fields(JsonNode node) {
        this.node = node;
    }

    String text(String name) throws RejectedRecordException {
        return withoutControlCharacters(name, node.get(name).asText());
    }

    Optional<String> optionalText(String name) throws RejectedRecordException {
        JsonNode value = node.get(name);
        return value == null || value.isNull() ? Optional.empty()
                : Optional.of(withoutControlCharacters(name, value.asText()));
    }

    /** Yen are whole numbers; JSON Schema's "integer" lets 39500.0 through, shuno does not. */
    long yen(String name) throws RejectedRecordException {
        JsonNode value = node.get(name);
        if (!value.isIntegralNumber() || !value.canConvertToLong()) {
            throw new RejectedRecordException(RejectionClass.SCHEMA_VIOLATION,
                    "$." + name + ": must be a whole number of yen written without a fraction, got " + value);
        }
        return value.longValue();
    }

    /** The strings of an array field, or none when the field is absent. */
    List<String> texts(String name) throws RejectedRecordException {
        List<String> values = new ArrayList<>();
        JsonNode array = node.get(name);
        if (array != null) {
            for (JsonNode value : array) {
                values.add(withoutControlCharacters(name, value.asText()));
            }
        }
        return values;
    }

    /** The fields of an object field, if given. */
    Optional<Fields> optionalObject(String name) {
        JsonNode value = node.get(name);
        return value == null || value.isNull() ? Optional.empty() : Optional.of(new Fields(value));
    }

    /** The fields of each object of an array field, or none when the field is absent. */
    List<Fields> objects(String name) {
        List<Fields> values = new ArrayList<>();
        JsonNode array = node.get(name);
        if (array != null) {
            array.forEach(value -> values.add(new Fields(value)));
        }
        return values;
    }

    Optional<Integer> optionalInt(String name) {
        JsonNode value = node.get(name);
        return value == null || value.isNull() ? Optional.empty() : Optional.of(value.intValue());
    }

    int integer(String name) throws RejectedRecordException {
        JsonNode value = node.get(name);
        if (!value.isIntegralNumber() || !value.canConvertToInt()) {
            throw new RejectedRecordException(RejectionClass.SCHEMA_VIOLATION,
                    "$." + name + ": must be a whole number below 2,147,483,648");
        }
        return value.intValue();
    }

    LocalDate date(String name) throws RejectedRecordException {
        return parseDate(name, text(name));
    }

    Optional<LocalDate> optionalDate(String name) throws RejectedRecordException {
        Optional<String> value = optionalText(name);
        return value.isEmpty() ? Optional.empty() : Optional.of(parseDate(name, value.get()));
    }

    OffsetDateTime dateTime(String name) throws RejectedRecordException {
        try {
            return DateTimes.dateTime(text(name));
        } catch (DateTimeParseException e) {
            throw new RejectedRecordException(RejectionClass.INVALID_PAYLOAD,
                    "$." + name + ": not a real date-time: " + text(name));
        }
    }

    <E extends Enum<E>> E enumeration(String name, Class<E> type) throws RejectedRecordException {
        return Enum.valueOf(type, text(name));
    }

    /** Names the field, never its content (a payer id is opaque, but its owner's). */
    private static String withoutControlCharacters(String name, String value) throws RejectedRecordException {
        for (int i = 0; i < value.length(); i++) {
            if (Character.isISOControl(value.charAt(i))) {
                throw new RejectedRecordException(RejectionClass.INVALID_PAYLOAD,
                        "$." + name + ": contains a control character (U+" + String.format("%04X", (int) value.charAt(i))
                                + ") at position " + i);
            }
        }
        return value;
    }

    private static LocalDate parseDate(String name, String value) throws RejectedRecordException {
        try {
            return DateTimes.date(value);
        } catch (DateTimeParseException e) {
            throw new RejectedRecordException(RejectionClass.INVALID_PAYLOAD, "$." + name + ": not a real date: " + value);
        }
    }
}
