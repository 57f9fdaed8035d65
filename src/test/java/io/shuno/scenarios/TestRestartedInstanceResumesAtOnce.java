package io.shuno.scenarios;

import io.shuno.testsupport.KafkaProbe;
import io.shuno.testsupport.Messages;
import io.shuno.testsupport.ShunoProcess;
import io.shuno.testsupport.ShunoUnderTest;
import org.apache.camel.component.kafka.KafkaConfiguration;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ConsumerGroupDescription;
import org.apache.kafka.clients.admin.MemberDescription;
import org.apache.kafka.common.GroupState;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.utils.Utils;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * An instance killed without leaving its consumer group (SIGKILL, as a crash or an OOM kill does) and restarted
 * under the same SHUNO_INSTANCE_ID takes its partitions back at once: Kafka knows its consumers by name (static
 * membership) and hands the successor the dead instance's assignment instead of waiting out the session timeout.
 * Instances with different names still share the partitions, whatever their number of consumer threads, and one
 * that stops cleanly hands its partitions to the others at once.
 */
class TestRestartedInstanceResumesAtOnce {

    private static final Logger log = LoggerFactory.getLogger(TestRestartedInstanceResumesAtOnce.class);
    /** "Within a few seconds of being healthy". */
    private static final Duration QUICK = Duration.ofSeconds(10);
    private static final Duration START_UP = Duration.ofMinutes(3);
    /** Partitions of each topic (shuno.kafka.partitions). */
    private static final int PARTITIONS = 6;

    private final ShunoUnderTest shuno = new ShunoUnderTest();

    @AfterEach
    void stop() {
        shuno.close();
    }

    @Test
    void anInstanceRestartedAfterAKillHandlesNewRecordsWithinSecondsOfBeingHealthy() {
        // The intake routes keep the consumer's session timeout: the time a dead dynamic member would hold on to
        // its partitions. It has to be far above QUICK, or this test could not tell static membership from luck.
        Duration sessionTimeout = Duration.ofMillis(new KafkaConfiguration().getSessionTimeoutMs());
        assertThat(sessionTimeout).isGreaterThanOrEqualTo(QUICK.multipliedBy(4));
        KafkaProbe kafka = shuno.kafka();
        JdbcTemplate database = shuno.database();

        ShunoProcess first = shuno.startProcess("node-a");
        first.awaitHealthy(START_UP);
        List<String> before = publishInvoices(kafka, "KB");
        await().atMost(Duration.ofSeconds(60)).until(() -> stored(database, before) == before.size());
        first.kill();

        ShunoProcess successor = shuno.startProcess("node-a");
        Instant healthy = successor.awaitHealthy(START_UP);
        List<String> after = publishInvoices(kafka, "KA");
        await().atMost(sessionTimeout.plus(QUICK)).pollInterval(Duration.ofMillis(50))
                .until(() -> stored(database, after) == after.size());
        Duration takeover = Duration.between(healthy, Instant.now());
        log.info("The successor handled new records on every partition {} ms after it reported healthy "
                + "(session timeout {} ms)", takeover.toMillis(), sessionTimeout.toMillis());
        assertThat(takeover).as("from healthy to handling new records").isLessThan(QUICK);
    }

    @Test
    void instancesWithDifferentNamesShareThePartitionsAndOneStoppedCleanlyHandsThemOverAtOnce() throws Exception {
        shuno.with("shuno.intake.consumers", 2);
        shuno.start();
        shuno.start();
        int intakeRoutes = 6;
        int expectedMembers = 2 * intakeRoutes * 2;
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, shuno.brokers()))) {
            await().atMost(Duration.ofSeconds(90)).until(() -> settled(admin, expectedMembers, intakeRoutes));
            List<MemberDescription> members = List.copyOf(describe(admin).members());
            Set<String> names = members.stream().map(member -> member.groupInstanceId().orElseThrow())
                    .collect(Collectors.toSet());
            assertThat(names).as("one static name per consumer").hasSize(expectedMembers);
            String eltaxNotices = shuno.topic("eltax-notices");
            Set<String> instancesReadingNotices = members.stream()
                    .filter(member -> member.assignment().topicPartitions().stream()
                            .map(TopicPartition::topic).anyMatch(eltaxNotices::equals))
                    .map(member -> member.groupInstanceId().orElseThrow())
                    .map(name -> name.substring(0, name.indexOf("-" + eltaxNotices)))
                    .collect(Collectors.toSet());
            assertThat(instancesReadingNotices).as("both instances read eLTAX notices").hasSize(2);

            // A clean stop leaves the group: the other instance takes every partition at once, not after the
            // session timeout that a static member which just went quiet would cost.
            shuno.instance().close();
            await().atMost(QUICK).until(() -> settled(admin, expectedMembers / 2, intakeRoutes));
        }
    }

    /**
     * Whether the group is stable with exactly these members, every partition of the intake topics assigned. While a
     * rebalance is under way the members that just joined are listed with nothing yet, beside the old assignment.
     */
    private boolean settled(Admin admin, int members, int intakeRoutes) throws Exception {
        ConsumerGroupDescription group = describe(admin);
        return group.groupState() == GroupState.STABLE && group.members().size() == members && group.members().stream()
                .mapToInt(member -> member.assignment().topicPartitions().size()).sum() == intakeRoutes * PARTITIONS;
    }

    private ConsumerGroupDescription describe(Admin admin) throws InterruptedException, ExecutionException {
        return admin.describeConsumerGroups(List.of(shuno.groupId())).all().get().get(shuno.groupId());
    }

    /** Invoices under keys chosen so that every partition of the topic gets some. */
    private List<String> publishInvoices(KafkaProbe kafka, String round) {
        List<String> invoiceIds = new ArrayList<>();
        Set<Integer> partitions = new HashSet<>();
        for (int i = 0; partitions.size() < PARTITIONS; i++) {
            String invoiceId = "INV-" + round + "-" + i;
            if (partitions.add(Utils.toPositive(Utils.murmur2(invoiceId.getBytes(StandardCharsets.UTF_8)))
                    % PARTITIONS)) {
                invoiceIds.add(invoiceId);
                kafka.sendAsync(shuno.topic("invoice-events"), invoiceId,
                        Messages.issued(invoiceId, Messages.newElNumber(), 5_000).toString());
            }
        }
        kafka.flush();
        return invoiceIds;
    }

    private static long stored(JdbcTemplate database, List<String> invoiceIds) {
        return database.queryForObject("select count(*) from invoices where invoice_id = any(?)", Long.class,
                (Object) invoiceIds.toArray(String[]::new));
    }
}
