package io.shuno.testsupport;

import com.fasterxml.jackson.databind.JsonNode;
import io.shuno.ShunoApplication;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * One shuno deployment for a test: its own topics on the shared broker and its own database on the shared
 * PostgreSQL. Instances of shuno are started and stopped at will — one to run, two to race, a second after a
 * first stopped to restart. Registered as a JUnit extension, it starts {@link #running(int)} instances before
 * the class's tests and stops everything after them.
 */
public final class ShunoUnderTest implements BeforeAllCallback, AfterAllCallback, AutoCloseable {

    private final String prefix = "t" + UUID.randomUUID().toString().substring(0, 8) + ".";
    private final String databaseUrl = TestPostgres.newDatabase();
    private final Path dropDir = newDropDir();
    private final Map<String, Object> overrides = new HashMap<>();
    private final List<ConfigurableApplicationContext> instances = new ArrayList<>();
    private final List<ShunoProcess> processes = new ArrayList<>();
    private int instancesBeforeAll;
    private Clock clock;
    private KafkaProbe kafka;

    /**
     * Runs shuno's clock as if it were {@code now} when the instances start (it keeps running from there), for
     * scenarios whose outcome depends on the day.
     */
    public ShunoUnderTest withClockAt(OffsetDateTime now) {
        clock = Clock.offset(Clock.system(ZoneId.of("Asia/Tokyo")), Duration.between(Instant.now(), now.toInstant()));
        return this;
    }

    /** Runs shuno on {@code clock}, for scenarios about how shuno reads the time. */
    public ShunoUnderTest withClock(Clock clock) {
        this.clock = clock;
        return this;
    }

    public ShunoUnderTest with(String property, Object value) {
        overrides.put(property, value);
        return this;
    }

    /** How many instances the extension starts before the tests of the class. */
    public ShunoUnderTest running(int instances) {
        instancesBeforeAll = instances;
        return this;
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        for (int i = 0; i < instancesBeforeAll; i++) {
            start();
        }
    }

    @Override
    public void afterAll(ExtensionContext context) {
        close();
    }

    /** The first instance started. */
    public ConfigurableApplicationContext instance() {
        return instances.get(0);
    }

    /** A plain producer and consumer on this deployment's broker. */
    public synchronized KafkaProbe kafka() {
        if (kafka == null) {
            kafka = new KafkaProbe(brokers());
        }
        return kafka;
    }

    public String topic(String name) {
        return prefix + name;
    }

    public String brokers() {
        return TestKafka.brokers();
    }

    public ConfigurableApplicationContext start() {
        // Each instance its own name, as each host has its own: instances sharing one would fence each other.
        SpringApplicationBuilder builder = new SpringApplicationBuilder(ShunoApplication.class);
        if (clock != null) {
            builder.initializers(context -> context.getBeanFactory().registerSingleton("scenarioClock", clock));
        }
        ConfigurableApplicationContext context = builder.run(
                arguments(prefix + "instance-" + (instances.size() + processes.size()), Map.of())
                        .toArray(String[]::new));
        instances.add(context);
        return context;
    }

    /**
     * Starts shuno in a JVM of its own, under the given instance name, so that a test can end it as a crash would:
     * without closing anything (see {@link ShunoProcess#kill()}).
     */
    public ShunoProcess startProcess(String instanceId) {
        int httpPort = ShunoProcess.freePort();
        ShunoProcess process = ShunoProcess.start(instanceId, httpPort,
                arguments(instanceId, Map.of("server.port", httpPort)));
        processes.add(process);
        return process;
    }

    /** This deployment's configuration as command-line arguments, so that they outrank application.yml. */
    private List<String> arguments(String instanceId, Map<String, Object> forThisInstance) {
        Map<String, Object> properties = new HashMap<>();
        properties.put("shuno.kafka.brokers", TestKafka.brokers());
        properties.put("shuno.kafka.group-id", prefix + "shuno");
        properties.put("shuno.kafka.instance-id", instanceId);
        properties.put("shuno.db.url", databaseUrl);
        properties.put("shuno.db.user", "postgres");
        properties.put("shuno.db.password", "");
        properties.put("server.port", 0);
        properties.put("shuno.files.drop-dir", dropDir);
        for (String topic : List.of("invoice-events", "eltax-notices", "terminal-transactions", "acquirer-statements",
                "settlements", "exceptions", "dead-letters", "direct-debit-results", "convenience-store-notices")) {
            properties.put("shuno.topics." + topic, topic(topic));
        }
        properties.putAll(overrides);
        properties.putAll(forThisInstance);
        return properties.entrySet().stream()
                .map(property -> "--" + property.getKey() + "=" + property.getValue()).toList();
    }

    /** This deployment's drop folder (subfolders direct-debit/ and convenience-store/, as shuno creates them). */
    public Path dropDir() {
        return dropDir;
    }

    private static Path newDropDir() {
        try {
            return Files.createTempDirectory("shuno-drop");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public String groupId() {
        return prefix + "shuno";
    }

    public JdbcTemplate database() {
        return new JdbcTemplate(new DriverManagerDataSource(databaseUrl, "postgres", ""));
    }

    /** Waits for the one exception of {@code reason} about the payment, and gives its id. */
    public String awaitException(String paymentRef, String reason) {
        String sql = "select exception_id::text from staff_exceptions where payment_ref = ? and reason = ?";
        JdbcTemplate database = database();
        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() ->
                database.queryForList(sql, String.class, paymentRef, reason).size() == 1);
        return database.queryForObject(sql, String.class, paymentRef, reason);
    }

    /** The settlements published for the payment, in order, once {@code expected} of them have arrived. */
    public List<JsonNode> settlementsOf(String paymentRef, int expected) {
        return kafka().readAll(topic("settlements"), record -> paymentRef.equals(record.key()), expected,
                Duration.ofSeconds(30), Duration.ofSeconds(2)).stream()
                .map(ConsumerRecord::value).map(Messages::parse).toList();
    }

    /** The invoice's status and settled revenue as stored, e.g. {@code {status=PAID, settled_revenue=3100}}. */
    public Map<String, Object> invoiceState(String invoiceId) {
        return database().queryForMap("select status, settled_revenue from invoices where invoice_id = ?", invoiceId);
    }

    /** How many settlements were booked for the payment (published or not). */
    public long bookedFor(String paymentRef) {
        return database().queryForObject("select count(*) from settlements where payment_ref = ?", Long.class,
                paymentRef);
    }

    /**
     * Waits until shuno has booked the payment, for tests that need it before the next: payments on different
     * partitions (they are keyed by payment) have no order of their own.
     */
    public void awaitBooked(String paymentRef) {
        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> bookedFor(paymentRef) > 0);
    }

    /** Waits until shuno has stored the invoice, for tests that need a payment to find it. */
    public void awaitInvoice(String invoiceId) {
        JdbcTemplate database = database();
        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> database.queryForObject(
                "select count(*) from invoices where invoice_id = ?", Long.class, invoiceId) == 1);
    }

    @Override
    public synchronized void close() {
        if (kafka != null) {
            kafka.close();
            kafka = null;
        }
        instances.forEach(ConfigurableApplicationContext::close);
        instances.clear();
        processes.forEach(ShunoProcess::kill);
        processes.clear();
    }
}
