package io.shuno.reconciliation;

import java.util.List;
import java.util.Objects;

/**
 * Why an exception was raised and what to do, as a code and its arguments — no words: those are rendered in the
 * reader's language from the message bundles, outside the domain. Each argument has the kind its code declares.
 */
public record Explanation(ExplanationCode code, List<Object> arguments) {

    public Explanation {
        Objects.requireNonNull(code);
        arguments = List.copyOf(arguments);
        List<ExplanationCode.Kind> kinds = code.kinds();
        if (arguments.size() != kinds.size()) {
            throw new IllegalArgumentException(code + " takes " + kinds.size() + " arguments, not " + arguments.size());
        }
        for (int i = 0; i < kinds.size(); i++) {
            if (!kinds.get(i).admits(arguments.get(i))) {
                throw new IllegalArgumentException("argument " + i + " of " + code + " is not " + kinds.get(i));
            }
        }
    }

    public static Explanation of(ExplanationCode code, Object... arguments) {
        return new Explanation(code, List.of(arguments));
    }

    /** The text an exception was stored with before explanations had codes. */
    public static Explanation recorded(String detail) {
        return of(ExplanationCode.RECORDED, detail);
    }

    /** This explanation with its argument {@code index} replaced. */
    Explanation with(int index, Object argument) {
        Object[] changed = arguments.toArray();
        changed[index] = argument;
        return of(code, changed);
    }
}
