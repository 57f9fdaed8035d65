package io.shuno.platform;

import org.apache.camel.component.kafka.DefaultKafkaClientFactory;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;

/**
 * Makes the {@code group.instance.id} of each intake consumer unique and stable. A route names its consumers
 * {@code <instance>-<topic>} and may run several ({@code SHUNO_INTAKE_CONSUMERS}); Camel would give them all that one
 * id, and Kafka lets only one member per id live. Each consumer thread gets the lowest free slot, appended as
 * {@code -0}, {@code -1}, …: the same thread keeps its slot when it reconnects (so it replaces its own earlier
 * membership), and a restarted instance's threads take slots 0 to n-1 again, the ids their predecessors had.
 */
@Component
class StaticGroupMembership extends DefaultKafkaClientFactory {

    private final Map<String, List<Thread>> slotHolders = new HashMap<>();

    @Override
    @SuppressWarnings("rawtypes")
    public Consumer getConsumer(Properties kafkaProps) {
        String route = kafkaProps.getProperty(ConsumerConfig.GROUP_INSTANCE_ID_CONFIG);
        if (route == null) {
            return super.getConsumer(kafkaProps);
        }
        Properties own = new Properties();
        own.putAll(kafkaProps);
        own.put(ConsumerConfig.GROUP_INSTANCE_ID_CONFIG, route + "-" + slotOfCurrentThread(route));
        return super.getConsumer(own);
    }

    private synchronized int slotOfCurrentThread(String route) {
        List<Thread> holders = slotHolders.computeIfAbsent(route, r -> new ArrayList<>());
        Thread current = Thread.currentThread();
        int held = holders.indexOf(current);
        if (held >= 0) {
            return held;
        }
        for (int slot = 0; slot < holders.size(); slot++) {
            if (!holders.get(slot).isAlive()) {
                holders.set(slot, current);
                return slot;
            }
        }
        holders.add(current);
        return holders.size() - 1;
    }
}
