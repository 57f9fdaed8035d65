package io.shuno.platform;

import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.utils.Time;
import org.apache.kafka.metadata.storage.Formatter;
import org.apache.kafka.server.common.MetadataVersion;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * A single-node KRaft Kafka (broker and controller in one) inside this JVM, built from Kafka's own server rather
 * than a test kit. Its log directory is formatted once and reused, so a broker started again on the same
 * directory still has its topics, their records and the consumer groups' offsets. Listens on loopback only.
 */
public final class EmbeddedKafkaBroker implements AutoCloseable {

    private static final String CLIENTS = "PLAINTEXT";
    private static final String CONTROLLER = "CONTROLLER";
    private static final int NODE_ID = 1;

    private final KafkaRaftServer server;
    private final String bootstrapServers;
    private final Path temporaryLogDirectory;

    private EmbeddedKafkaBroker(KafkaRaftServer server, String bootstrapServers, Path temporaryLogDirectory) {
        this.server = server;
        this.bootstrapServers = bootstrapServers;
        this.temporaryLogDirectory = temporaryLogDirectory;
    }

    /**
     * Starts a broker keeping its log in {@code logDirectory} (created and formatted when new).
     * {@code port} 0 takes a free one; topics are never created implicitly.
     */
    public static EmbeddedKafkaBroker start(Path logDirectory, int port, int defaultPartitions) {
        return start(logDirectory, port, defaultPartitions, null);
    }

    /** A broker whose log lives in a temporary directory, deleted when it is closed: for tests and benchmarks. */
    public static EmbeddedKafkaBroker startTemporary(int defaultPartitions) {
        try {
            Path directory = Files.createTempDirectory("shuno-kafka-");
            return start(directory, 0, defaultPartitions, directory);
        } catch (IOException e) {
            throw new UncheckedIOException("could not create a directory for the embedded broker", e);
        }
    }

    private static EmbeddedKafkaBroker start(Path logDirectory, int port, int defaultPartitions, Path temporary) {
        String clients = "127.0.0.1:" + (port > 0 ? port : freePort());
        // The controller's port may change from one start to the next: a static quorum is read from the
        // configuration, never from the log.
        String controller = "127.0.0.1:" + freePort();
        String directory = logDirectory.toAbsolutePath().toString();
        Map<String, String> properties = new HashMap<>();
        properties.put("process.roles", "broker,controller");
        properties.put("node.id", Integer.toString(NODE_ID));
        properties.put("controller.quorum.voters", NODE_ID + "@" + controller);
        properties.put("controller.listener.names", CONTROLLER);
        properties.put("listeners", CLIENTS + "://" + clients + "," + CONTROLLER + "://" + controller);
        properties.put("advertised.listeners", CLIENTS + "://" + clients);
        properties.put("inter.broker.listener.name", CLIENTS);
        properties.put("listener.security.protocol.map", CLIENTS + ":PLAINTEXT," + CONTROLLER + ":PLAINTEXT");
        properties.put("log.dirs", directory);
        properties.put("num.partitions", Integer.toString(defaultPartitions));
        properties.put("auto.create.topics.enable", "false");
        properties.put("offsets.topic.replication.factor", "1");
        properties.put("offsets.topic.num.partitions", Integer.toString(defaultPartitions));
        properties.put("transaction.state.log.replication.factor", "1");
        properties.put("transaction.state.log.min.isr", "1");
        properties.put("share.coordinator.state.topic.replication.factor", "1");
        properties.put("share.coordinator.state.topic.min.isr", "1");
        properties.put("group.initial.rebalance.delay.ms", "0");
        KafkaConfig config = new KafkaConfig(properties, false);
        format(logDirectory);
        KafkaRaftServer server = new KafkaRaftServer(config, Time.SYSTEM);
        // Returns once the broker has caught up with its metadata and is unfenced, ready for clients.
        server.startup();
        return new EmbeddedKafkaBroker(server, clients, temporary);
    }

    /** Formats a new log directory; one an earlier start formatted keeps its cluster id, topics and offsets. */
    private static void format(Path logDirectory) {
        String directory = logDirectory.toAbsolutePath().toString();
        if (Files.exists(logDirectory.resolve("meta.properties"))) {
            return;
        }
        try {
            Files.createDirectories(logDirectory);
            new Formatter()
                    .setPrintStream(new PrintStream(OutputStream.nullOutputStream()))
                    .setClusterId(Uuid.randomUuid().toString())
                    .setNodeId(NODE_ID)
                    .setDirectories(List.of(directory))
                    .setMetadataLogDirectory(directory)
                    .setControllerListenerName(CONTROLLER)
                    .setReleaseVersion(MetadataVersion.latestProduction())
                    .run();
        } catch (Exception e) {
            throw new IllegalStateException("could not format the embedded broker's log directory " + directory, e);
        }
    }

    public String bootstrapServers() {
        return bootstrapServers;
    }

    @Override
    public void close() {
        server.shutdown();
        server.awaitShutdown();
        if (temporaryLogDirectory != null) {
            deleteRecursively(temporaryLogDirectory);
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("no free port on loopback for the embedded broker", e);
        }
    }

    private static void deleteRecursively(Path directory) {
        try (Stream<Path> paths = Files.walk(directory)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException("could not delete " + directory, e);
        }
    }
}
