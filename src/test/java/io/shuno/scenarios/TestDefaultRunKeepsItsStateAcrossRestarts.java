package io.shuno.scenarios;

import io.shuno.ShunoApplication;
import io.shuno.testsupport.KafkaProbe;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ConsumerGroupDescription;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.GroupState;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The default run, as a new user starts it: no broker and no database configured, so shuno starts its own, both
 * keeping their data in the work directory. It says where its servers listen and keeps the broker's chatter out of
 * the log; stopped as a service manager stops it (SIGTERM) it stops without a warning; started again, it still has
 * the records the ledger had not read yet.
 */
class TestDefaultRunKeepsItsStateAcrossRestarts {

    private static final String SETTLEMENTS = "shuno.settlements";
    private static final String STARTED = "Started ShunoApplication";
    private static final int INTAKE_ROUTES = 6;

    @TempDir
    Path workDirectory;

    private Process process;
    private ConfigurableApplicationContext restarted;

    @Test
    void aRestartKeepsTheTopicsRecordsAndAStopIsQuiet() throws Exception {
        int kafkaPort = freePort();
        Path output = workDirectory.resolveSibling(workDirectory.getFileName() + ".log");
        process = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), ShunoApplication.class.getName(),
                "--shuno.work-dir=" + workDirectory, "--shuno.kafka.brokers=", "--shuno.db.url=",
                "--shuno.embedded.kafka-port=" + kafkaPort, "--shuno.embedded.postgres-port=0", "--server.port=0")
                // not the project directory, whose routes/ would be found on the class path a second time
                .directory(workDirectory.toFile()).redirectErrorStream(true).redirectOutput(output.toFile()).start();
        await().atMost(Duration.ofMinutes(3)).until(() -> read(output).contains(STARTED) || !process.isAlive());
        assertThat(process.isAlive()).as(read(output)).isTrue();
        try (KafkaProbe kafka = new KafkaProbe("127.0.0.1:" + kafkaPort)) {
            kafka.send(SETTLEMENTS, "not-yet-read-by-the-ledger", "{}");
        }
        // Stopped as a deployment is, once its consumers have joined: a stop in the middle of the first rebalance
        // waits for it (a static member does not leave), and the consumers' close then times out noisily.
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, "127.0.0.1:" + kafkaPort))) {
            await().atMost(Duration.ofMinutes(1)).until(() -> {
                ConsumerGroupDescription group = admin.describeConsumerGroups(List.of("shuno")).all().get().get("shuno");
                return group.groupState() == GroupState.STABLE && group.members().size() == INTAKE_ROUTES;
            });
        }

        process.destroy();
        assertThat(process.waitFor(90, TimeUnit.SECONDS)).isTrue();
        String log = read(output);
        assertThat(log).contains("Embedded Kafka broker (KRaft) listening on 127.0.0.1:" + kafkaPort + ", its log in "
                        + workDirectory.resolve("kafka"))
                .contains("Embedded PostgreSQL listening on 127.0.0.1:")
                .contains("its data in " + workDirectory.resolve("postgres"))
                .doesNotContain("state.change.logger");
        String stopping = log.substring(log.indexOf(STARTED));
        assertThat(stopping.lines().filter(line -> line.contains(" WARN ") || line.contains(" ERROR ")))
                .as(stopping).isEmpty();

        restarted = new SpringApplicationBuilder(ShunoApplication.class)
                .run("--shuno.work-dir=" + workDirectory, "--shuno.kafka.brokers=", "--shuno.db.url=",
                        "--shuno.embedded.kafka-port=0", "--shuno.embedded.postgres-port=0", "--server.port=0");
        String brokers = restarted.getEnvironment().getRequiredProperty("shuno.kafka.brokers");
        try (KafkaProbe kafka = new KafkaProbe(brokers)) {
            List<ConsumerRecord<String, byte[]>> kept =
                    kafka.readAll(SETTLEMENTS, 1, Duration.ofSeconds(20), Duration.ZERO);
            assertThat(kept).extracting(ConsumerRecord::key).containsExactly("not-yet-read-by-the-ledger");
        }
    }

    @AfterEach
    void stop() throws InterruptedException {
        if (restarted != null) {
            restarted.close();
        }
        if (process != null && process.isAlive()) {
            process.destroyForcibly().waitFor();
        }
    }

    private static String read(Path output) throws IOException {
        return Files.exists(output) ? Files.readString(output, StandardCharsets.UTF_8) : "";
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }
}
