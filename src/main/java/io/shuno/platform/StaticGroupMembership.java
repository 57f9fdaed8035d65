package io.shuno.platform;

import org.apache.camel.component.kafka.DefaultKafkaClientFactory;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.MemberToRemove;
import org.apache.kafka.clients.admin.RemoveMembersFromConsumerGroupOptions;
import org.apache.kafka.clients.admin.RemoveMembersFromConsumerGroupResult;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.common.errors.UnknownMemberIdException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.IntStream;

/**
 * Makes the {@code group.instance.id} of each intake consumer unique and stable. A route names its consumers
 * {@code <instance>-<topic>} and may run several ({@code SHUNO_INTAKE_CONSUMERS}); Camel would give them all that one
 * id, and Kafka lets only one member per id live. Each consumer thread gets the lowest free slot, appended as
 * {@code -0}, {@code -1}, …: the same thread keeps its slot when it reconnects (so it replaces its own earlier
 * membership), and a restarted instance's threads take slots 0 to n-1 again, the ids their predecessors had.
 * <p>
 * A static member does not leave its group when it closes. So that a clean stop (a redeploy, a scale-in) hands its
 * partitions to the other instances at once, as a dynamic member's leaving did, the members this instance named are
 * removed from the group once Camel has closed its consumers. A crash cannot do that; then a successor under the
 * same name takes over at once, and other instances only after the session timeout.
 */
@Component
class StaticGroupMembership extends DefaultKafkaClientFactory implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(StaticGroupMembership.class);
    private static final int LEAVE_TIMEOUT_MS = 3000;

    private final ShunoProperties properties;
    private final Map<String, List<Thread>> slotHolders = new HashMap<>();

    StaticGroupMembership(ShunoProperties properties) {
        this.properties = properties;
    }

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

    /** Runs after Camel stopped (beans are destroyed after the lifecycle of the context ended). */
    @Override
    public void destroy() {
        List<MemberToRemove> members;
        synchronized (this) {
            members = slotHolders.entrySet().stream().flatMap(route -> IntStream.range(0, route.getValue().size())
                    .mapToObj(slot -> new MemberToRemove(route.getKey() + "-" + slot))).toList();
        }
        if (members.isEmpty()) {
            return;
        }
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, properties.kafka().brokers(),
                AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, LEAVE_TIMEOUT_MS,
                AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, LEAVE_TIMEOUT_MS))) {
            RemoveMembersFromConsumerGroupResult removal = admin.removeMembersFromConsumerGroup(
                    properties.kafka().groupId(), new RemoveMembersFromConsumerGroupOptions(members));
            int left = 0;
            for (MemberToRemove member : members) {
                if (leave(removal, member)) {
                    left++;
                }
            }
            log.info("Left consumer group {} ({} members)", properties.kafka().groupId(), left);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException | TimeoutException | RuntimeException e) {
            // The partitions then move when the session times out, as after a crash.
            log.warn("Could not leave consumer group {}: {}", properties.kafka().groupId(), e.toString());
        }
    }

    /**
     * Whether this member left; false for one the group does not know — a consumer stopped before it first joined,
     * or already replaced — which has nothing to hand over.
     */
    private static boolean leave(RemoveMembersFromConsumerGroupResult removal, MemberToRemove member)
            throws InterruptedException, ExecutionException, TimeoutException {
        try {
            removal.memberResult(member).get(LEAVE_TIMEOUT_MS, TimeUnit.MILLISECONDS);
            return true;
        } catch (ExecutionException e) {
            if (e.getCause() instanceof UnknownMemberIdException) {
                return false;
            }
            throw e;
        }
    }
}
