package io.shuno.intake;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SchemaRegistryConfig;
import com.networknt.schema.dialect.Dialect;
import com.networknt.schema.dialect.Dialects;
import com.networknt.schema.keyword.AnnotationKeyword;
import org.springframework.stereotype.Component;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** The JSON Schemas of schemas/ (packaged under /schemas in the jar), compiled once, with formats asserted. */
@Component
public class SchemaCatalog {

    /** Draft 2020-12, with shuno's annotation {@code x-provenance} (see ContentIdentity), which validates nothing. */
    private final SchemaRegistry registry = SchemaRegistry.withDefaultDialect(
            Dialect.builder(Dialects.getDraft202012()).keyword(new AnnotationKeyword("x-provenance")).build(),
            builder -> builder.schemaRegistryConfig(SchemaRegistryConfig.builder().formatAssertionsEnabled(true)
                    .build()));
    private final Map<String, Schema> schemas = new ConcurrentHashMap<>();

    /** Violations of the named schema (e.g. "eltax-notice"), each as "$.field: what is wrong"; empty when valid. */
    public List<String> violations(String schemaName, JsonNode document) {
        return schemas.computeIfAbsent(schemaName, this::load).validate(document).stream()
                .map(SchemaCatalog::describe).toList();
    }

    private Schema load(String schemaName) {
        String path = "/schemas/" + schemaName + ".schema.json";
        try (InputStream in = SchemaCatalog.class.getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalStateException("no schema packaged at " + path);
            }
            return registry.getSchema(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Where and what, e.g. "$.amount: string found, integer expected" — never the offending value itself. */
    private static String describe(Error error) {
        return error.getInstanceLocation() + ": " + error.getMessage();
    }
}
