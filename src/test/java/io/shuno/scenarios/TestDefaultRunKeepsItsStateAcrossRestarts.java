package io.shuno.scenarios;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.shuno.ShunoApplication;
import io.shuno.testsupport.KafkaProbe;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The default run, as a new user starts it: no broker and no database configured, so shuno starts its own, both
 * keeping their data in the work directory. Stopped and started again, it still has the records the ledger had not
 * read yet; it says where its servers listen, keeps the broker's chatter out of the log and stops without a warning.
 */
class TestDefaultRunKeepsItsStateAcrossRestarts {

    private static final String SETTLEMENTS = "shuno.settlements";

    @TempDir
    Path workDirectory;

    private final ListAppender<ILoggingEvent> log = new ListAppender<>();
    private ConfigurableApplicationContext running;

    @Test
    void aRestartKeepsTheTopicsRecordsAndStopsQuietly() {
        running = start();
        String brokers = running.getEnvironment().getRequiredProperty("shuno.kafka.brokers");
        try (KafkaProbe kafka = new KafkaProbe(brokers)) {
            kafka.send(SETTLEMENTS, "not-yet-read-by-the-ledger", "{}");
        }

        assertThat(messages()).anyMatch(line -> line.startsWith("Embedded Kafka broker (KRaft) listening on 127.0.0.1:")
                        && line.contains(workDirectory.resolve("kafka").toString()))
                .anyMatch(line -> line.startsWith("Embedded PostgreSQL listening on 127.0.0.1:")
                        && line.contains(workDirectory.resolve("postgres").toString()));
        assertThat(log.list).noneMatch(event -> event.getLoggerName().equals("state.change.logger"));

        int linesBeforeStop = log.list.size();
        running.close();
        running = null;
        assertThat(log.list.subList(linesBeforeStop, log.list.size()))
                .noneMatch(event -> event.getLevel().isGreaterOrEqual(Level.WARN));

        running = start();
        String restartedBrokers = running.getEnvironment().getRequiredProperty("shuno.kafka.brokers");
        try (KafkaProbe kafka = new KafkaProbe(restartedBrokers)) {
            List<ConsumerRecord<String, byte[]>> kept =
                    kafka.readAll(SETTLEMENTS, 1, Duration.ofSeconds(20), Duration.ZERO);
            assertThat(kept).extracting(ConsumerRecord::key).containsExactly("not-yet-read-by-the-ledger");
        }
    }

    @AfterEach
    void stop() {
        if (running != null) {
            running.close();
        }
    }

    private ConfigurableApplicationContext start() {
        return new SpringApplicationBuilder(ShunoApplication.class)
                // after Spring Boot has set up logging, which replaces every appender
                .initializers(context -> {
                    Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
                    log.start();
                    root.addAppender(log);
                })
                .run("--shuno.work-dir=" + workDirectory, "--shuno.kafka.brokers=", "--shuno.db.url=",
                        "--shuno.embedded.kafka-port=0", "--shuno.embedded.postgres-port=0", "--server.port=0");
    }

    private List<String> messages() {
        return log.list.stream().map(ILoggingEvent::getFormattedMessage).toList();
    }
}
