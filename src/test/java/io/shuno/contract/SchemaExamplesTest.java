package io.shuno.contract;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.shuno.intake.SchemaCatalog;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** The contract's examples (schemas/examples) against the schemas as shuno packages and applies them. */
class SchemaExamplesTest {

    private static final Path EXAMPLES = Path.of("schemas", "examples");
    private static final List<String> MESSAGES = List.of("invoice-event", "eltax-notice", "terminal-transaction",
            "settlement", "exception", "dead-letter-headers", "acquirer-statement", "direct-debit-result",
            "convenience-store-notice");

    private final SchemaCatalog schemas = new SchemaCatalog();
    private final ObjectMapper json = new ObjectMapper();

    @TestFactory
    Stream<DynamicTest> validExamplesPass() throws IOException {
        return examples("valid").map(example -> DynamicTest.dynamicTest(name(example), () ->
                assertThat(schemas.violations(schemaOf(example), json.readTree(example.toFile()))).isEmpty()));
    }

    @TestFactory
    Stream<DynamicTest> invalidExamplesFail() throws IOException {
        return examples("invalid").map(example -> DynamicTest.dynamicTest(name(example), () ->
                assertThat(schemas.violations(schemaOf(example), json.readTree(example.toFile()))).isNotEmpty()));
    }

    @Test
    void everyMessageHasValidAndInvalidExamples() throws IOException {
        for (String message : MESSAGES) {
            for (String kind : List.of("valid", "invalid")) {
                try (Stream<Path> files = Files.list(EXAMPLES.resolve(kind).resolve(message))) {
                    assertThat(files.count()).as(kind + "/" + message).isGreaterThanOrEqualTo(3);
                }
            }
        }
    }

    private static Stream<Path> examples(String kind) throws IOException {
        List<Path> files;
        try (Stream<Path> walk = Files.walk(EXAMPLES.resolve(kind))) {
            files = walk.filter(path -> path.toString().endsWith(".json")).sorted().toList();
        }
        assertThat(files).isNotEmpty();
        return files.stream();
    }

    private static String schemaOf(Path example) {
        return example.getParent().getFileName().toString();
    }

    private static String name(Path example) {
        return schemaOf(example) + "/" + example.getFileName();
    }
}
