package io.shuno.bench;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.stream.Collectors;

/**
 * Knows when shuno has done everything it was given, without disturbing it while it works: first from its consumer
 * group's lag (nothing left to read), only then from the database (outbox published, every booked settlement read
 * back from the topic). Counting millions of inbox rows every moment would compete for the same two cores.
 */
final class Completion implements AutoCloseable {

    private final Admin admin;
    private final Infrastructure.Deployment deployment;
    private final List<String> inputs;

    Completion(String brokers, Infrastructure.Deployment deployment) {
        this.admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, brokers));
        this.deployment = deployment;
        this.inputs = List.of(deployment.notices(), deployment.invoiceEvents(), deployment.directDebitResults());
    }

    /** Waits until shuno read all its input and the tap read every settlement it booked; returns that count. */
    long await(SettlementTap tap, ShunoProcess shuno, Duration timeout) throws Exception {
        Instant deadline = Instant.now().plus(timeout);
        while (Instant.now().isBefore(deadline)) {
            if (!shuno.isAlive()) {
                throw new IllegalStateException("shuno exited while it worked; see its log");
            }
            if (lag() == 0) {
                try (Connection connection = deployment.connect(); Statement statement = connection.createStatement()) {
                    if (count(statement, "select count(*) from outbox") == 0) {
                        long booked = count(statement, "select count(*) from settlements");
                        if (tap.messages() >= booked) {
                            return booked;
                        }
                    }
                }
            }
            Thread.sleep(500);
        }
        throw new IllegalStateException("shuno did not finish within " + timeout);
    }

    private long lag() throws ExecutionException, InterruptedException {
        Map<TopicPartition, OffsetAndMetadata> committed = admin
                .listConsumerGroupOffsets(deployment.prefix() + "shuno").partitionsToOffsetAndMetadata().get();
        Map<TopicPartition, OffsetSpec> partitions = admin.describeTopics(inputs).allTopicNames().get().values()
                .stream().flatMap(topic -> topic.partitions().stream()
                        .map(p -> new TopicPartition(topic.name(), p.partition())))
                .collect(Collectors.toMap(p -> p, p -> OffsetSpec.latest()));
        long lag = 0;
        for (var end : admin.listOffsets(partitions).all().get().entrySet()) {
            OffsetAndMetadata done = committed.get(end.getKey());
            lag += end.getValue().offset() - (done == null ? 0 : done.offset());
        }
        return lag;
    }

    private static long count(Statement statement, String sql) throws SQLException {
        try (ResultSet result = statement.executeQuery(sql)) {
            result.next();
            return result.getLong(1);
        }
    }

    @Override
    public void close() {
        admin.close();
    }
}
