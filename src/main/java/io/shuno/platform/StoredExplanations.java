package io.shuno.platform;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.shuno.reconciliation.Amount;
import io.shuno.reconciliation.Explanation;
import io.shuno.reconciliation.ExplanationCode;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * An explanation as it is stored with its exception (column {@code staff_exceptions.explanation}):
 * {@code {"code": "UNMATCHED", "arguments": [...]}}, each argument written as its kind says — yen, counts and
 * differences as numbers, dates as yyyy-MM-dd, identifiers as strings, lists as arrays, explanations as objects —
 * so that it can be rendered again, in any language, later.
 */
public final class StoredExplanations {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private StoredExplanations() {
    }

    public static String write(Explanation explanation) {
        return tree(explanation).toString();
    }

    public static Explanation read(String stored) {
        try {
            return explanation(JSON.readTree(stored));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a stored explanation is not JSON", e);
        }
    }

    /**
     * The explanation stored with an exception, or — for one raised before explanations had codes, when only its
     * Japanese {@code detail} was kept — that text as it was written.
     */
    public static Explanation orRecorded(String stored, String detail) {
        return stored == null ? Explanation.recorded(detail) : read(stored);
    }

    private static ObjectNode tree(Explanation explanation) {
        ObjectNode node = NODES.objectNode();
        node.put("code", explanation.code().name());
        ArrayNode arguments = node.putArray("arguments");
        List<ExplanationCode.Kind> kinds = explanation.code().kinds();
        for (int i = 0; i < kinds.size(); i++) {
            Object argument = explanation.arguments().get(i);
            switch (kinds.get(i)) {
                case AMOUNT -> arguments.add(((Amount) argument).yen());
                case SIGNED_YEN, COUNT, SIGNED_COUNT -> arguments.add((Long) argument);
                case DATE, ERA_DATE, TEXT, TERM -> arguments.add(argument.toString());
                case TEXTS -> {
                    ArrayNode texts = arguments.addArray();
                    ((List<?>) argument).forEach(text -> texts.add((String) text));
                }
                case EXPLANATION -> arguments.add(tree((Explanation) argument));
                case EXPLANATIONS -> {
                    ArrayNode parts = arguments.addArray();
                    ((List<?>) argument).forEach(part -> parts.add(tree((Explanation) part)));
                }
            }
        }
        return node;
    }

    private static Explanation explanation(JsonNode node) {
        ExplanationCode code = ExplanationCode.valueOf(node.get("code").asText());
        List<ExplanationCode.Kind> kinds = code.kinds();
        List<Object> arguments = new ArrayList<>();
        for (int i = 0; i < kinds.size(); i++) {
            JsonNode argument = node.get("arguments").get(i);
            arguments.add(switch (kinds.get(i)) {
                case AMOUNT -> Amount.of(argument.longValue());
                case SIGNED_YEN, COUNT, SIGNED_COUNT -> argument.longValue();
                case DATE, ERA_DATE -> LocalDate.parse(argument.asText());
                case TEXT, TERM -> argument.asText();
                case TEXTS -> elements(argument).stream().map(JsonNode::asText).toList();
                case EXPLANATION -> explanation(argument);
                case EXPLANATIONS -> elements(argument).stream().map(StoredExplanations::explanation).toList();
            });
        }
        return new Explanation(code, arguments);
    }

    private static List<JsonNode> elements(JsonNode array) {
        List<JsonNode> elements = new ArrayList<>();
        array.forEach(elements::add);
        return elements;
    }
}
