package io.shuno.intake;

import com.fasterxml.jackson.databind.JsonNode;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Reads the fields of a schema-valid document, rejecting what a schema cannot: 1.0 yen, 30 February. */
final class Fields {

    private final JsonNode node;

    Fields(JsonNode node) {
        this.node = node;
    }

    String text(String name) {
        return node.get(name).asText();
    }

    Optional<String> optionalText(String name) {
        JsonNode value = node.get(name);
        return value == null || value.isNull() ? Optional.empty() : Optional.of(value.asText());
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
    List<String> texts(String name) {
        List<String> values = new ArrayList<>();
        JsonNode array = node.get(name);
        if (array != null) {
            array.forEach(value -> values.add(value.asText()));
        }
        return values;
    }

    Optional<Integer> optionalInt(String name) {
        JsonNode value = node.get(name);
        return value == null || value.isNull() ? Optional.empty() : Optional.of(value.intValue());
    }

    int integer(String name) {
        return node.get(name).intValue();
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
            return OffsetDateTime.parse(text(name));
        } catch (DateTimeParseException e) {
            throw new RejectedRecordException(RejectionClass.INVALID_PAYLOAD,
                    "$." + name + ": not a real date-time: " + text(name));
        }
    }

    <E extends Enum<E>> E enumeration(String name, Class<E> type) {
        return Enum.valueOf(type, text(name));
    }

    private static LocalDate parseDate(String name, String value) throws RejectedRecordException {
        try {
            return LocalDate.parse(value);
        } catch (DateTimeParseException e) {
            throw new RejectedRecordException(RejectionClass.INVALID_PAYLOAD, "$." + name + ": not a real date: " + value);
        }
    }
}
