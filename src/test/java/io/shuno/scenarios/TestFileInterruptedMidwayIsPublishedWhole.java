package io.shuno.scenarios;

import com.fasterxml.jackson.databind.JsonNode;
import io.shuno.testsupport.DirectDebitResultFiles;
import io.shuno.testsupport.DirectDebitResultFiles.Debit;
import io.shuno.testsupport.Messages;
import io.shuno.testsupport.ShunoProcess;
import io.shuno.testsupport.ShunoUnderTest;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.LongStream;

import static io.shuno.testsupport.DirectDebitResultFiles.customerNumber;
import static io.shuno.testsupport.DirectDebitResultFiles.data;
import static io.shuno.testsupport.DirectDebitResultFiles.end;
import static io.shuno.testsupport.DirectDebitResultFiles.header;
import static io.shuno.testsupport.DirectDebitResultFiles.trailer;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A large city's monthly result file (100,000 debits, no line ends) is being published when shuno is killed
 * (SIGKILL). The next start reads the file again and publishes it whole: every row is on the topic, and a row sent
 * twice is the very same record (same resultId, same bytes), which the consumer's inbox takes once. Nothing is lost
 * and nothing counts twice.
 */
class TestFileInterruptedMidwayIsPublishedWhole {

    private static final int ROWS = 100_000;

    @RegisterExtension
    static final ShunoUnderTest shuno = new ShunoUnderTest()
            .with("shuno.files.poll-ms", 200).with("shuno.files.settle-ms", 200)
            .with("shuno.files.direct-debit.consignors.1234567890", "131016");

    @Test
    void aFileWhosePublishingWasKilledIsPublishedWholeAfterTheRestart() throws Exception {
        ShunoProcess first = shuno.startProcess("files");
        first.awaitHealthy(Duration.ofMinutes(3));
        Path folder = shuno.dropDir().resolve("direct-debit");
        Files.createDirectories(folder);
        long total = (long) ROWS * (ROWS + 1) / 2;
        DirectDebitResultFiles.write(folder.resolve("KF-MONTHLY.txt"), false, DirectDebitResultFiles.records(
                header("1234567890", "0627"),
                LongStream.rangeClosed(1, ROWS).mapToObj(n -> data(Debit.of(customerNumber(n), n, '0'))),
                trailer(ROWS, total, ROWS, total, 0, 0), end()));

        try (KafkaConsumer<String, byte[]> consumer = consumer()) {
            Map<String, byte[]> byResultId = new HashMap<>();
            int[] received = {0};
            Instant deadline = Instant.now().plusSeconds(120);
            while (received[0] == 0 && Instant.now().isBefore(deadline)) {
                consumer.poll(Duration.ofMillis(20)).forEach(record -> received[0]++);
            }
            first.kill();
            assertThat(received[0]).as("rows were published before the kill").isPositive();
            assertThat(folder.resolve("KF-MONTHLY.txt")).as("the kill came before the file was done").exists();

            ShunoProcess second = shuno.startProcess("files");
            second.awaitHealthy(Duration.ofMinutes(3));
            await().atMost(Duration.ofMinutes(3)).until(() -> Files.exists(folder.resolve(".done/KF-MONTHLY.txt")));

            consumer.seekToBeginning(consumer.assignment());
            int sent = 0;
            int differing = 0;
            deadline = Instant.now().plusSeconds(120);
            while (byResultId.size() < ROWS && Instant.now().isBefore(deadline)) {
                for (var record : consumer.poll(Duration.ofMillis(200))) {
                    sent++;
                    JsonNode result = Messages.parse(record.value());
                    byte[] before = byResultId.put(result.get("resultId").asText(), record.value());
                    if (before != null && !Arrays.equals(before, record.value())) {
                        differing++;
                    }
                }
            }
            assertThat(byResultId).hasSize(ROWS);
            assertThat(sent).as("rows published before the kill were published again").isGreaterThan(ROWS);
            assertThat(differing).as("a row published twice is the same record").isZero();
            assertThat(byResultId.values().stream().mapToLong(value -> Messages.parse(value).get("amount").asLong())
                    .sum()).isEqualTo(total);
        }
    }

    private static KafkaConsumer<String, byte[]> consumer() {
        KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, shuno.brokers(),
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class,
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class,
                ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 5000));
        String topic = shuno.topic("direct-debit-results");
        await().atMost(Duration.ofMinutes(1)).until(() -> !consumer.partitionsFor(topic).isEmpty());
        List<TopicPartition> partitions = consumer.partitionsFor(topic).stream()
                .map(info -> new TopicPartition(topic, info.partition())).toList();
        consumer.assign(partitions);
        consumer.seekToBeginning(partitions);
        return consumer;
    }
}
