package io.shuno.bench;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

import java.nio.charset.StandardCharsets;
import java.util.Map;

/** The eLTAX gateway and the billing system: a plain producer, keyed as schemas/README.md advises. */
final class Publisher implements AutoCloseable {

    private final KafkaProducer<String, byte[]> producer;

    /** {@code lingerMs} 0 sends each record at once (latency); more fills batches (a backlog). */
    Publisher(String brokers, int lingerMs) {
        producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, brokers,
                ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.LINGER_MS_CONFIG, lingerMs,
                ProducerConfig.BATCH_SIZE_CONFIG, 256 * 1024,
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class,
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class));
    }

    /** The backlog as a gateway delivers it after an outage, then the ISSUED events that come after it. */
    void publishDay(Infrastructure.Deployment deployment, DataSet data) {
        for (DataSet.Notice notice : data.backlog()) {
            send(deployment.notices(), DataSet.paymentId(notice.payment()), data.noticeJson(notice));
        }
        for (DataSet.Invoice invoice : data.invoicesIssuedLate()) {
            send(deployment.invoiceEvents(), invoice.id(), data.issuedJson(invoice));
        }
        producer.flush();
    }

    void send(String topic, String key, String json) {
        producer.send(new ProducerRecord<>(topic, key, json.getBytes(StandardCharsets.UTF_8)));
    }

    @Override
    public void close() {
        producer.close();
    }
}
