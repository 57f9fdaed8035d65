package io.shuno.testsupport;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.BigIntegerNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.ByteArrayOutputStream;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.IntFunction;

/**
 * Records no intake may accept, derived from a contract-valid message of their topic by a seeded {@link Random}, so
 * that a run can be repeated record for record: what a faulty gateway, a test system pointed at production or anyone
 * who can write to a topic might send.
 */
public final class HostileRecords {

    /** The largest value a producer with default settings (max.request.size 1 MiB) can send with a short key. */
    public static final int AT_BROKER_LIMIT = 1_048_576 - 256;

    /** What each hostile record is, in the order {@link #next} cycles through them. */
    public enum Kind {
        TRUNCATED, WRONG_TYPE, CONTROL_CHARACTER, RANDOM_BYTES, NESTED_5000_DEEP, IMPOSSIBLE_DATE, OVERSIZED_FIELD,
        INVALID_UTF8, DUPLICATE_KEY, NUMBER_BEYOND_LONG
    }

    private final Random random;
    private final IntFunction<ObjectNode> valid;
    private final String dateField;
    private final String amountField;
    private int made;

    /**
     * @param valid       a contract-valid message of the topic, different for each number
     * @param dateField   a date or date-time field of that message, to make impossible
     * @param amountField an integer field of that message, to make larger than a long
     */
    public HostileRecords(long seed, IntFunction<ObjectNode> valid, String dateField, String amountField) {
        this.random = new Random(seed);
        this.valid = valid;
        this.dateField = dateField;
        this.amountField = amountField;
    }

    /** The next hostile record; the kinds take turns. */
    public byte[] next() {
        int n = made++;
        ObjectNode message = valid.apply(n);
        return switch (Kind.values()[n % Kind.values().length]) {
            case TRUNCATED -> {
                String text = message.toString();
                yield utf8(text.substring(0, 1 + random.nextInt(text.length() - 1)));
            }
            case WRONG_TYPE -> {
                String field = randomField(message);
                JsonNode wrong = message.get(field).isTextual()
                        ? pick(Messages.JSON.valueToTree(random.nextInt(100_000)), Messages.JSON.valueToTree(true),
                        Messages.JSON.createArrayNode(), Messages.JSON.createObjectNode(), Messages.JSON.nullNode())
                        : pick(Messages.JSON.valueToTree(message.get(field).asText()),
                        Messages.JSON.valueToTree(1.5), Messages.JSON.createArrayNode(), Messages.JSON.nullNode());
                yield utf8(message.set(field, wrong).toString());
            }
            case CONTROL_CHARACTER -> {
                String field = randomTextField(message);
                char control = (char) random.nextInt(0x20);
                String escaped = message.put(field, message.get(field).asText() + control + "x").toString();
                // Half of them raw (not JSON at all), half escaped as \\u00XX (JSON, but no field may hold one).
                yield utf8(random.nextBoolean() ? escaped : escaped.replace(String.format("\\u%04X", (int) control),
                        String.valueOf(control)).replace(String.format("\\u%04x", (int) control), String.valueOf(control)));
            }
            case RANDOM_BYTES -> {
                byte[] bytes = new byte[1 + random.nextInt(300)];
                random.nextBytes(bytes);
                yield bytes;
            }
            case NESTED_5000_DEEP -> {
                String text = message.toString();
                yield utf8(text.substring(0, text.length() - 1) + ",\"extra\":" + "{\"a\":".repeat(5_000) + "1"
                        + "}".repeat(5_000) + "}");
            }
            case IMPOSSIBLE_DATE -> {
                String date = pick("2026-02-30", "2026-04-31", "2025-02-29", "2026-13-01", "2026-00-10");
                boolean dateTime = message.get(dateField).asText().contains("T");
                yield utf8(message.put(dateField, dateTime ? date + "T10:15:00+09:00" : date).toString());
            }
            case OVERSIZED_FIELD -> {
                // A known field far beyond its maxLength, or an extra field beyond what intake reads at all.
                boolean known = random.nextBoolean();
                String huge = "A".repeat(known ? 10_000 : 200_000 + random.nextInt(100_000));
                yield utf8(message.put(known ? randomTextField(message) : "note", huge).toString());
            }
            case INVALID_UTF8 -> {
                byte[] bytes = utf8(message.toString());
                int at = indexOfStringValue(bytes);
                byte[][] broken = {{(byte) 0xC3, 0x28}, {(byte) 0xFF}, {(byte) 0xED, (byte) 0xA0, (byte) 0x80},
                        {(byte) 0xE3, (byte) 0x81}, {(byte) 0xC0, (byte) 0xAF}};
                yield insert(bytes, at, broken[random.nextInt(broken.length)]);
            }
            case DUPLICATE_KEY -> {
                String field = randomField(message);
                String text = message.toString();
                yield utf8("{\"" + field + "\":" + Messages.JSON.valueToTree(random.nextInt(1000)) + ","
                        + text.substring(1));
            }
            case NUMBER_BEYOND_LONG -> {
                BigInteger beyond = BigInteger.valueOf(Long.MAX_VALUE).add(BigInteger.valueOf(1 + random.nextInt(1000)))
                        .multiply(BigInteger.TEN.pow(random.nextInt(20)));
                yield utf8(message.set(amountField, BigIntegerNode.valueOf(beyond)).toString());
            }
        };
    }

    /** A contract-valid message padded with an extra field to {@link #AT_BROKER_LIMIT} bytes. */
    public byte[] atTheBrokersSizeLimit() {
        String text = valid.apply(made++).put("padding", "").toString();
        return utf8(text.substring(0, text.length() - 2) + "P".repeat(AT_BROKER_LIMIT - text.length()) + "\"}");
    }

    private String randomField(ObjectNode message) {
        List<String> names = new ArrayList<>();
        message.fieldNames().forEachRemaining(names::add);
        return names.get(random.nextInt(names.size()));
    }

    private String randomTextField(ObjectNode message) {
        List<String> names = new ArrayList<>();
        message.fields().forEachRemaining(field -> {
            if (field.getValue().isTextual()) {
                names.add(field.getKey());
            }
        });
        return names.get(random.nextInt(names.size()));
    }

    @SafeVarargs
    private <V> V pick(V... choices) {
        return choices[random.nextInt(choices.length)];
    }

    /** Just inside the first string value (after `":"`). */
    private static int indexOfStringValue(byte[] bytes) {
        for (int i = 0; i + 2 < bytes.length; i++) {
            if (bytes[i] == '"' && bytes[i + 1] == ':' && bytes[i + 2] == '"') {
                return i + 3;
            }
        }
        throw new IllegalArgumentException("no string value");
    }

    private static byte[] insert(byte[] bytes, int at, byte[] inserted) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(bytes, 0, at);
        out.write(inserted, 0, inserted.length);
        out.write(bytes, at, bytes.length - at);
        return out.toByteArray();
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
