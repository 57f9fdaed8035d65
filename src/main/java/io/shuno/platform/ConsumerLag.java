package io.shuno.platform;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ListOffsetsResult;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

/**
 * How many records of each input topic shuno has not handled yet: the topic's end offsets minus what the intake
 * group has committed. Empty when the broker does not answer in time — the page shows that instead of a number.
 */
@Component
public class ConsumerLag implements DisposableBean {

    private static final int TIMEOUT_MS = 3000;

    private final Admin admin;
    private final String groupId;
    private final List<String> inputTopics;

    ConsumerLag(ShunoProperties properties) {
        this.admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, properties.kafka().brokers(),
                AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, TIMEOUT_MS,
                AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, TIMEOUT_MS));
        this.groupId = properties.kafka().groupId();
        ShunoProperties.Topics topics = properties.topics();
        this.inputTopics = List.of(topics.invoiceEvents(), topics.eltaxNotices(), topics.terminalTransactions(),
                topics.acquirerStatements());
    }

    /** Records waiting per input topic, in the order of the topics. */
    public Optional<Map<String, Long>> perTopic() {
        try {
            Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(groupId)
                    .partitionsToOffsetAndMetadata().get(TIMEOUT_MS, TimeUnit.MILLISECONDS);
            Map<TopicPartition, OffsetSpec> latest = admin.describeTopics(inputTopics).allTopicNames()
                    .get(TIMEOUT_MS, TimeUnit.MILLISECONDS).values().stream()
                    .flatMap(topic -> topic.partitions().stream()
                            .map(partition -> new TopicPartition(topic.name(), partition.partition())))
                    .collect(Collectors.toMap(partition -> partition, partition -> OffsetSpec.latest()));
            Map<TopicPartition, ListOffsetsResult.ListOffsetsResultInfo> ends = admin.listOffsets(latest).all()
                    .get(TIMEOUT_MS, TimeUnit.MILLISECONDS);
            Map<String, Long> lag = new LinkedHashMap<>();
            inputTopics.forEach(topic -> lag.put(topic, 0L));
            ends.forEach((partition, end) -> {
                OffsetAndMetadata done = committed.get(partition);
                lag.merge(partition.topic(), end.offset() - (done == null ? 0 : done.offset()), Long::sum);
            });
            return Optional.of(lag);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        } catch (Exception e) {
            return Optional.empty();
        }
    }

    @Override
    public void destroy() {
        admin.close();
    }
}
