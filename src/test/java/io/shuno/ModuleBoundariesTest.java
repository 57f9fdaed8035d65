package io.shuno;

import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;
import org.springframework.util.FileSystemUtils;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

/**
 * Keeps the arrows of the architecture true, as Spring Modulith sees them: each top-level package under io.shuno is
 * one capability, uses only the capabilities its package-info allows and no cycle; the domain core depends on
 * nothing but the JDK. The module documentation in docs/modules is generated here, so it shows the code as it is.
 */
class ModuleBoundariesTest {

    private static final ApplicationModules MODULES = ApplicationModules.of(ShunoApplication.class);
    private static final Path DOCUMENTATION = Path.of("docs", "modules");

    @Test
    void everyModuleUsesOnlyTheModulesItMay() {
        MODULES.verify();
    }

    @Test
    void theDomainCoreDependsOnlyOnTheJdk() {
        noClasses().that().resideInAPackage("io.shuno.reconciliation..")
                .should().dependOnClassesThat().resideOutsideOfPackages("java..", "io.shuno.reconciliation..")
                .check(new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                        .importPackages("io.shuno.reconciliation"));
    }

    /**
     * Writes the documentation afresh and compares it with the committed one; where they differ, replaces the
     * committed one and fails, so that a change of the arrows not committed with its picture shows in the build.
     * The Documenter lists a diagram's relations in no fixed order, so files are compared as sets of lines.
     */
    @Test
    void theCommittedModuleDocumentationShowsTheCodeAsItIs() throws IOException {
        Path generated = Path.of("target", "modulith-docs");
        new Documenter(MODULES, Documenter.Options.defaults().withOutputFolder(generated.toString()))
                .writeDocumentation();
        Map<String, Set<String>> fresh = contents(generated);
        assertThat(fresh).isNotEmpty();
        if (!fresh.equals(contents(DOCUMENTATION))) {
            FileSystemUtils.deleteRecursively(DOCUMENTATION);
            FileSystemUtils.copyRecursively(generated, DOCUMENTATION);
            fail("docs/modules did not show the modules as they are; it has been regenerated: commit it");
        }
    }

    private static Map<String, Set<String>> contents(Path directory) throws IOException {
        Map<String, Set<String>> files = new TreeMap<>();
        if (!Files.isDirectory(directory)) {
            return files;
        }
        try (Stream<Path> walk = Files.walk(directory)) {
            for (Path file : walk.filter(Files::isRegularFile).toList()) {
                files.put(directory.relativize(file).toString(), new TreeSet<>(Files.readAllLines(file)));
            }
        }
        return files;
    }
}
