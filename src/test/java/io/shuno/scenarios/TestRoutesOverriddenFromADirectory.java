package io.shuno.scenarios;

import io.shuno.testsupport.ShunoUnderTest;
import org.apache.camel.CamelContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** The packaged routes can be replaced at run time by a directory of *.camel.yaml files. */
class TestRoutesOverriddenFromADirectory {

    private final ShunoUnderTest shuno = new ShunoUnderTest();

    @AfterEach
    void stop() {
        shuno.close();
    }

    @Test
    void routesComeFromTheConfiguredDirectoryInsteadOfTheJar(@TempDir Path directory) throws IOException {
        try (Stream<Path> routes = Files.list(Path.of("routes"))) {
            for (Path route : routes.toList()) {
                Files.copy(route, directory.resolve(route.getFileName()));
            }
        }
        Path relay = directory.resolve("outbox-relay.camel.yaml");
        Files.writeString(relay, Files.readString(relay).replace("id: outbox-relay", "id: outbox-relay-local"));

        CamelContext camel = shuno.with("shuno.routes.location", "file:" + directory.toAbsolutePath())
                .start().getBean(CamelContext.class);

        assertThat(camel.getRoute("outbox-relay-local")).isNotNull();
        assertThat(camel.getRoute("outbox-relay")).isNull();
        assertThat(camel.getRoute("intake-eltax")).isNotNull();
    }
}
