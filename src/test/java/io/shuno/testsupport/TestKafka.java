package io.shuno.testsupport;

import io.shuno.platform.EmbeddedKafkaBroker;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.kafka.KafkaContainer;

/**
 * The one Kafka broker of the test run, started once per JVM: Testcontainers' Kafka where a Docker engine answers,
 * otherwise a real KRaft broker inside this JVM. Never a mock. {@code -Dshuno.test.kafka=embedded} forces the
 * in-JVM broker.
 */
public final class TestKafka {

    private static String brokers;

    private TestKafka() {
    }

    public static synchronized String brokers() {
        if (brokers == null) {
            brokers = useDocker() ? startContainer() : startEmbedded();
        }
        return brokers;
    }

    private static boolean useDocker() {
        if ("embedded".equals(System.getProperty("shuno.test.kafka"))) {
            return false;
        }
        boolean dockerConfigured = System.getenv("DOCKER_HOST") != null
                || java.nio.file.Files.exists(java.nio.file.Path.of("/var/run/docker.sock"));
        if (!dockerConfigured) {
            return false;
        }
        try {
            return DockerClientFactory.instance().isDockerAvailable();
        } catch (RuntimeException e) {
            return false;
        }
    }

    private static String startContainer() {
        KafkaContainer container = new KafkaContainer("apache/kafka:4.1.1");
        container.start();
        Runtime.getRuntime().addShutdownHook(new Thread(container::stop));
        return container.getBootstrapServers();
    }

    private static String startEmbedded() {
        EmbeddedKafkaBroker broker = EmbeddedKafkaBroker.startTemporary(6);
        Runtime.getRuntime().addShutdownHook(new Thread(broker::close));
        return broker.bootstrapServers();
    }
}
