package io.shuno.intake;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.shuno.matching.Fingerprint;

import java.io.IOException;
import java.io.InputStream;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.text.Normalizer;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The identity of a message's contract content: SHA-256 of its canonical form. Two messages whose JSON differs only
 * in whitespace, key order, fields the schema does not define, or the spelling of the same value have one identity;
 * an upgrade of shuno's own types changes nothing. The canonical form, from the schema in schemas/:
 * <ul>
 *   <li>only the properties the schema defines (at the top level, in any of its branches); extra fields are ignored,
 *       as shuno ignores them;</li>
 *   <li>except those the schema marks {@code "x-provenance": true}: where a record was read (the file a row came
 *       from), not what it says, so the same row re-sent in another file is a redelivery and not a conflicting
 *       duplicate (no schema had such a property when the version-2 identities were first kept);</li>
 *   <li>a property that is absent or null is left out (an optional field not given);</li>
 *   <li>keys sorted; nested objects likewise, with all their keys; arrays keep their order;</li>
 *   <li>strings in Unicode NFC; a {@code date-time} as its UTC instant ({@code 2026-06-20T10:15:00+09:00} and
 *       {@code 2026-06-20T01:15:00Z} are one moment); numbers as their plain decimal value ({@code 5000},
 *       {@code 5000.0} and {@code 5E3} are one amount);</li>
 *   <li>written as compact JSON in UTF-8.</li>
 * </ul>
 * Changing any of this changes every identity: it is pinned by a golden-value test, and a new canonical form needs
 * a new fingerprint version beside the inbox rows (see {@code io.shuno.matching.StoredFingerprint}).
 */
final class ContentIdentity {

    private static final Map<String, ContentIdentity> BY_SCHEMA = new ConcurrentHashMap<>();
    private static final ObjectMapper JSON = JsonMapper.builder()
            .enable(JsonGenerator.Feature.WRITE_BIGDECIMAL_AS_PLAIN).build();
    /** About what a canonical form takes, so that its buffer seldom grows. */
    private static final int TYPICAL_SIZE = 512;

    /** Contract properties, sorted, and which of them are date-times. */
    private final Set<String> properties;
    private final Set<String> dateTimes;

    private ContentIdentity(Set<String> properties, Set<String> dateTimes) {
        this.properties = properties;
        this.dateTimes = dateTimes;
    }

    /** The identity of messages of the named schema (e.g. "eltax-notice"), read from the packaged schemas/. */
    static ContentIdentity of(String schemaName) {
        return BY_SCHEMA.computeIfAbsent(schemaName, ContentIdentity::load);
    }

    /** SHA-256, in hex, of the canonical form of a schema-valid document. */
    String digest(JsonNode document) {
        return Fingerprint.digestOf(canonicalForm(document));
    }

    /** Written value by value as it is read, without a canonical tree in between: every record read is digested. */
    String canonicalForm(JsonNode document) {
        StringWriter canonical = new StringWriter(TYPICAL_SIZE);
        try (JsonGenerator out = JSON.createGenerator(canonical)) {
            out.writeStartObject();
            for (String property : properties) {
                JsonNode value = document.get(property);
                if (value != null && !value.isNull()) {
                    out.writeFieldName(property);
                    if (dateTimes.contains(property) && value.isTextual()) {
                        out.writeString(instant(value.textValue()));
                    } else {
                        writeNormalised(out, value);
                    }
                }
            }
            out.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException("writing plain JSON values to memory does not fail", e);
        }
        return canonical.toString();
    }

    private static void writeNormalised(JsonGenerator out, JsonNode value) throws IOException {
        if (value.isTextual()) {
            out.writeString(Normalizer.normalize(value.textValue(), Normalizer.Form.NFC));
        } else if (value.isNumber()) {
            out.writeNumber(value.decimalValue().stripTrailingZeros());
        } else if (value.isArray()) {
            out.writeStartArray();
            for (JsonNode element : value) {
                writeNormalised(out, element);
            }
            out.writeEndArray();
        } else if (value.isObject()) {
            out.writeStartObject();
            for (Map.Entry<String, JsonNode> field : sortedFields(value).entrySet()) {
                if (!field.getValue().isNull()) {
                    out.writeFieldName(field.getKey());
                    writeNormalised(out, field.getValue());
                }
            }
            out.writeEndObject();
        } else {
            out.writeTree(value);
        }
    }

    private static Map<String, JsonNode> sortedFields(JsonNode object) {
        Map<String, JsonNode> fields = new TreeMap<>();
        object.fields().forEachRemaining(field -> fields.put(field.getKey(), field.getValue()));
        return fields;
    }

    private static String instant(String dateTime) {
        try {
            return DateTimes.dateTime(dateTime).toInstant().toString();
        } catch (DateTimeParseException e) {
            // Schema-valid documents never get here; keep the text rather than fail on the identity.
            return dateTime;
        }
    }

    private static ContentIdentity load(String schemaName) {
        String path = "/schemas/" + schemaName + ".schema.json";
        try (InputStream in = ContentIdentity.class.getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalStateException("no schema packaged at " + path);
            }
            JsonNode schema = JSON.readTree(in);
            Set<String> properties = new TreeSet<>();
            Set<String> dateTimes = new TreeSet<>();
            for (JsonNode branch : branches(schema)) {
                branch.path("properties").fields().forEachRemaining(property -> {
                    if (property.getValue().path("x-provenance").asBoolean(false)) {
                        return;
                    }
                    properties.add(property.getKey());
                    if ("date-time".equals(resolved(schema, property.getValue()).path("format").asText())) {
                        dateTimes.add(property.getKey());
                    }
                });
            }
            return new ContentIdentity(properties, dateTimes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The schema and the subschemas that may define properties of the same object. */
    private static List<JsonNode> branches(JsonNode schema) {
        List<JsonNode> branches = new ArrayList<>(List.of(schema));
        for (String combinator : List.of("allOf", "anyOf", "oneOf")) {
            schema.path(combinator).forEach(sub -> branches.addAll(branches(sub)));
        }
        for (String conditional : List.of("if", "then", "else")) {
            if (schema.has(conditional)) {
                branches.addAll(branches(schema.get(conditional)));
            }
        }
        return branches;
    }

    /** A property's schema, following a local {@code $ref} such as {@code #/$defs/dateTime}. */
    private static JsonNode resolved(JsonNode schema, JsonNode property) {
        String ref = property.path("$ref").asText("");
        return ref.startsWith("#/") ? schema.at(ref.substring(1)) : property;
    }
}
