package io.shuno.bench;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Reads topics on a thread of its own while shuno runs, handing each record to {@link #take} with the moment it
 * became visible here; a failure to read surfaces at the next {@link #checkHealthy}.
 */
abstract class TopicTap implements AutoCloseable {

    private final KafkaConsumer<String, byte[]> consumer;
    private final String name;
    private Thread reader;
    private volatile RuntimeException failure;

    TopicTap(String brokers, String name) {
        this.name = name;
        consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, brokers,
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class,
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class,
                ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 5_000));
    }

    List<TopicPartition> partitions(String topic) {
        return consumer.partitionsFor(topic, Duration.ofSeconds(10)).stream()
                .map(info -> new TopicPartition(topic, info.partition())).toList();
    }

    /**
     * Starts reading {@code fromStart} from their beginning and {@code fromEnd} from what they hold now; called once
     * the subclass is ready for its first record.
     */
    void start(List<TopicPartition> fromStart, List<TopicPartition> fromEnd) {
        consumer.assign(Stream.concat(fromStart.stream(), fromEnd.stream()).toList());
        consumer.seekToBeginning(fromStart);
        consumer.seekToEnd(fromEnd);
        // Resolve the positions now, not at the first poll: what comes from here on is read.
        fromEnd.forEach(consumer::position);
        reader = new Thread(this::read, name);
        reader.start();
    }

    private void read() {
        try {
            while (!Thread.currentThread().isInterrupted()) {
                for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(100))) {
                    take(record, System.nanoTime());
                }
            }
        } catch (WakeupException closing) {
            // close() asked the consumer to stop
        } catch (IOException | RuntimeException e) {
            failure = e instanceof RuntimeException runtime ? runtime : new IllegalStateException(e);
        }
    }

    abstract void take(ConsumerRecord<String, byte[]> record, long visibleNanos) throws IOException;

    void checkHealthy() {
        if (failure != null) {
            throw new IllegalStateException(name + " failed to read", failure);
        }
    }

    @Override
    public void close() throws InterruptedException {
        consumer.wakeup();
        if (reader != null) {
            reader.join();
        }
        consumer.close();
    }
}
