package io.shuno;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Keeps the arrows of docs/architecture true: each top-level package (one business capability) uses only the
 * capabilities it is allowed to, and the domain core imports nothing but the JDK.
 */
class ModuleBoundariesTest {

    private static final Path SOURCES = Path.of("src", "main", "java", "io", "shuno");
    private static final Pattern SHUNO_IMPORT = Pattern.compile("^import (?:static )?io\\.shuno\\.(\\w+)\\.", Pattern.MULTILINE);
    private static final Pattern ANY_IMPORT = Pattern.compile("^import (?:static )?([\\w.]+)", Pattern.MULTILINE);

    private static final Map<String, Set<String>> ALLOWED = Map.of(
            "reconciliation", Set.of(),
            "platform", Set.of("reconciliation"),
            "ledger", Set.of("reconciliation", "platform"),
            "matching", Set.of("reconciliation", "ledger", "platform"),
            "intake", Set.of("reconciliation", "matching", "ledger", "platform"),
            "dailyclose", Set.of("reconciliation", "platform"),
            "operations", Set.of("reconciliation", "ledger", "intake", "matching", "platform"),
            "web", Set.of("operations", "dailyclose", "reconciliation", "platform"));

    @Test
    void everyModuleUsesOnlyTheModulesItMay() throws IOException {
        List<String> violations = new ArrayList<>();
        for (Path source : sources()) {
            String module = moduleOf(source);
            Matcher matcher = SHUNO_IMPORT.matcher(Files.readString(source));
            while (matcher.find()) {
                String used = matcher.group(1);
                if (!used.equals(module) && !ALLOWED.getOrDefault(module, Set.of()).contains(used)) {
                    violations.add(SOURCES.relativize(source) + " uses " + used);
                }
            }
        }
        assertThat(violations).isEmpty();
    }

    @Test
    void theDomainCoreImportsOnlyTheJdk() throws IOException {
        List<String> violations = new ArrayList<>();
        for (Path source : sources()) {
            if (!moduleOf(source).equals("reconciliation")) {
                continue;
            }
            Matcher matcher = ANY_IMPORT.matcher(Files.readString(source));
            while (matcher.find()) {
                String imported = matcher.group(1);
                if (!imported.startsWith("java.") && !imported.startsWith("io.shuno.reconciliation.")) {
                    violations.add(source.getFileName() + " imports " + imported);
                }
            }
        }
        assertThat(violations).isEmpty();
    }

    @Test
    void everyModuleIsKnown() throws IOException {
        for (Path source : sources()) {
            String module = moduleOf(source);
            assertThat(module.isEmpty() || ALLOWED.containsKey(module)).as(source.toString()).isTrue();
        }
    }

    private static List<Path> sources() throws IOException {
        try (Stream<Path> walk = Files.walk(SOURCES)) {
            return walk.filter(path -> path.toString().endsWith(".java")).toList();
        }
    }

    /** The top-level package under io.shuno, or "" for the application class itself. */
    private static String moduleOf(Path source) {
        Path relative = SOURCES.relativize(source);
        return relative.getNameCount() > 1 ? relative.getName(0).toString() : "";
    }
}
