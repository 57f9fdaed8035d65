package io.shuno.web;

import io.shuno.operations.OperationFailure;
import org.springframework.core.MethodParameter;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * A request parameter shuno refuses, saying what it accepts: one of a few values, or a value of a format shown by
 * an example. Never echoes the value sent, which may hold personal data.
 */
class InvalidParameter extends OperationFailure {

    private final String parameter;
    private final String accepted;

    private InvalidParameter(String parameter, String accepted, String message) {
        super(Why.INVALID_REQUEST, message);
        this.parameter = parameter;
        this.accepted = accepted;
    }

    /** The value must be one of {@code values} (any case). */
    static InvalidParameter oneOf(String parameter, List<String> values) {
        String accepted = String.join(", ", values);
        return new InvalidParameter(parameter, accepted, parameter + ": must be one of " + accepted
                + " (upper or lower case)");
    }

    /** The value must look like {@code example}. */
    static InvalidParameter format(String parameter, String what, String example) {
        return new InvalidParameter(parameter, example, parameter + ": must be " + what + " like " + example);
    }

    /** A parameter whose value could not be converted to the type the handler takes. */
    static InvalidParameter mismatched(String parameter, MethodParameter declared) {
        Class<?> type = declared.nestedIfOptional().getNestedParameterType();
        if (type.isEnum()) {
            return oneOf(parameter, Arrays.stream(type.getEnumConstants()).map(Object::toString).toList());
        }
        ValueTypes value = ValueTypes.of(type);
        return format(parameter, value.description(), value.example());
    }

    String parameter() {
        return parameter;
    }

    /** The values accepted, or an example of the format: the same in every language. */
    String accepted() {
        return accepted;
    }

    /** A filter's value as one of {@code values}, whatever its case; absent or blank filters nothing. */
    static Optional<String> choice(String parameter, Optional<String> value, List<String> values) {
        Optional<String> given = value.map(String::strip).filter(text -> !text.isEmpty());
        if (given.isEmpty()) {
            return Optional.empty();
        }
        String upper = given.get().toUpperCase(Locale.ROOT);
        if (!values.contains(upper)) {
            throw oneOf(parameter, values);
        }
        return Optional.of(upper);
    }

    static <E extends Enum<E>> List<String> names(Class<E> values) {
        return Arrays.stream(values.getEnumConstants()).map(Enum::name).toList();
    }
}
