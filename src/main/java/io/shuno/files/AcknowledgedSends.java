package io.shuno.files;

import io.shuno.platform.ShunoProperties;
import jakarta.annotation.PreDestroy;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.springframework.stereotype.Component;

import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Publishes a file's rows: sent as fast as the producer batches them, and then waited for until the broker
 * acknowledged every one (acks=all, idempotent producer), so a file is moved to .done only when all its rows are
 * safely on their topic. Holds no row: a 100,000-row file streams through.
 */
@Component
class AcknowledgedSends {

    private final KafkaProducer<String, byte[]> producer;

    AcknowledgedSends(ShunoProperties properties) {
        this.producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, properties.kafka().brokers(),
                ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true,
                ProducerConfig.LINGER_MS_CONFIG, 5,
                ProducerConfig.BATCH_SIZE_CONFIG, 262_144,
                ProducerConfig.CLIENT_ID_CONFIG, "shuno-files"), new StringSerializer(), new ByteArraySerializer());
    }

    /** One file's sends: {@link Batch#awaitAcknowledged()} returns once all of them are acknowledged, or throws. */
    Batch batch(String topic) {
        return new Batch(topic);
    }

    @PreDestroy
    void close() {
        producer.close();
    }

    final class Batch {
        private final String topic;
        private final AtomicReference<Exception> failure = new AtomicReference<>();

        private Batch(String topic) {
            this.topic = topic;
        }

        void send(String key, byte[] value) {
            producer.send(new ProducerRecord<>(topic, key, value), (metadata, error) -> {
                if (error != null) {
                    failure.compareAndSet(null, error);
                }
            });
        }

        void awaitAcknowledged() {
            producer.flush();
            Exception error = failure.get();
            if (error != null) {
                throw new IllegalStateException("Kafka did not acknowledge every row sent to " + topic + ": "
                        + error.getMessage(), error);
            }
        }
    }
}
