package io.shuno.testsupport;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.function.Predicate;

/** A plain Kafka producer and consumer, as a billing system, a gateway or the treasury ledger would use. */
public final class KafkaProbe implements AutoCloseable {

    private final String brokers;
    private final KafkaProducer<String, byte[]> producer;
    private final List<Future<RecordMetadata>> pending = new ArrayList<>();

    public KafkaProbe(String brokers) {
        this.brokers = brokers;
        this.producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, brokers,
                ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.LINGER_MS_CONFIG, 5,
                // A loaded test machine answers slowly; waiting is better than expiring batches.
                ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 60_000,
                ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 300_000,
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class,
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class));
    }

    public void send(String topic, String key, String json) {
        send(topic, key, json.getBytes(StandardCharsets.UTF_8));
    }

    public void send(String topic, String key, byte[] value) {
        send(new ProducerRecord<>(topic, key, value));
    }

    /** Sends a record carrying these headers (UTF-8 values). */
    public void send(String topic, String key, String json, Map<String, String> headers) {
        ProducerRecord<String, byte[]> record = new ProducerRecord<>(topic, key, json.getBytes(StandardCharsets.UTF_8));
        headers.forEach((name, value) -> record.headers().add(name, value.getBytes(StandardCharsets.UTF_8)));
        send(record);
    }

    private void send(ProducerRecord<String, byte[]> record) {
        try {
            producer.send(record).get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (ExecutionException e) {
            throw new IllegalStateException(e.getCause());
        }
    }

    /** Sends without waiting for each acknowledgement; {@link #flush()} waits for all and fails if any failed. */
    public void sendAsync(String topic, String key, String json) {
        sendAsync(topic, key, json.getBytes(StandardCharsets.UTF_8));
    }

    public void sendAsync(String topic, String key, byte[] value) {
        pending.add(producer.send(new ProducerRecord<>(topic, key, value)));
    }

    public void flush() {
        producer.flush();
        try {
            for (Future<RecordMetadata> sent : pending) {
                sent.get();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("a test record was not delivered", e.getCause());
        } finally {
            pending.clear();
        }
    }

    /**
     * Reads the topic from the beginning until {@code expected} records arrived, then keeps reading for
     * {@code settle} more to catch anything extra (a duplicate must not hide behind an early return).
     */
    public List<ConsumerRecord<String, byte[]>> readAll(String topic, int expected, Duration timeout, Duration settle) {
        return readAll(topic, record -> true, expected, timeout, settle);
    }

    /** As {@link #readAll(String, int, Duration, Duration)}, counting only the records that match. */
    public List<ConsumerRecord<String, byte[]>> readAll(String topic, Predicate<ConsumerRecord<String, byte[]>> matching,
                                                        int expected, Duration timeout, Duration settle) {
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, brokers,
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed",
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class,
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class))) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic, Duration.ofSeconds(10)).stream()
                    .map(info -> new TopicPartition(topic, info.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            List<ConsumerRecord<String, byte[]>> records = new ArrayList<>();
            Instant deadline = Instant.now().plus(timeout);
            Instant settledBy = null;
            while (Instant.now().isBefore(deadline) && (settledBy == null || Instant.now().isBefore(settledBy))) {
                consumer.poll(Duration.ofMillis(100)).forEach(record -> {
                    if (matching.test(record)) {
                        records.add(record);
                    }
                });
                if (settledBy == null && records.size() >= expected) {
                    settledBy = Instant.now().plus(settle);
                }
            }
            return records;
        }
    }

    @Override
    public void close() {
        producer.close();
    }
}
