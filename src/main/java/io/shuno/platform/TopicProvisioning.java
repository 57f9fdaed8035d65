package io.shuno.platform;

import jakarta.annotation.PostConstruct;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.errors.TopicExistsException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.stream.Stream;

/** Creates shuno's topics before any route starts, so partitions are as configured rather than broker defaults. */
@Component
class TopicProvisioning {

    private static final Logger log = LoggerFactory.getLogger(TopicProvisioning.class);

    /**
     * A dead letter is a whole rejected record plus headers, so a record at an input topic's size limit (1 MiB by
     * default) needs a little more room on the dead-letter topic than it had on its own.
     */
    private static final Map<String, String> DEAD_LETTER_CONFIG = Map.of("max.message.bytes", "2097152");

    private final ShunoProperties properties;

    TopicProvisioning(ShunoProperties properties) {
        this.properties = properties;
    }

    @PostConstruct
    void createMissingTopics() throws InterruptedException {
        ShunoProperties.Topics topics = properties.topics();
        ShunoProperties.Kafka kafka = properties.kafka();
        List<String> names = Stream.of(topics.invoiceEvents(), topics.eltaxNotices(), topics.terminalTransactions(),
                topics.acquirerStatements(), topics.settlements(), topics.exceptions(), topics.deadLetters(),
                topics.directDebitResults(), topics.convenienceStoreNotices()).distinct().toList();
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.brokers()))) {
            Set<String> existing = admin.listTopics().names().get();
            List<NewTopic> missing = names.stream().filter(name -> !existing.contains(name))
                    .map(name -> new NewTopic(name, kafka.partitions(), kafka.replicationFactor())
                            .configs(name.equals(topics.deadLetters()) ? DEAD_LETTER_CONFIG : Map.of())).toList();
            if (missing.isEmpty()) {
                return;
            }
            admin.createTopics(missing).values().forEach((name, future) -> {
                try {
                    future.get();
                    log.info("Created topic {} with {} partitions", name, kafka.partitions());
                } catch (ExecutionException e) {
                    if (!(e.getCause() instanceof TopicExistsException)) {
                        throw new IllegalStateException("could not create topic " + name + ": "
                                + e.getCause().getMessage(), e.getCause());
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException("interrupted while creating topic " + name, e);
                }
            });
        } catch (ExecutionException e) {
            throw new IllegalStateException("Kafka at " + kafka.brokers() + " did not answer: "
                    + e.getCause().getMessage(), e.getCause());
        }
    }
}
