package io.shuno;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

import java.io.PrintStream;
import java.util.List;

@SpringBootApplication
@ConfigurationPropertiesScan
public class ShunoApplication {

    static final String USAGE = """
            shuno: public-payment collection (収納) for Japanese local governments.

            Usage: java -jar shuno.jar [--property=value ...]

            Without configuration shuno starts its own Kafka broker and PostgreSQL, both keeping their data in
            ./work (SHUNO_WORK_DIR). The environment chooses the rest, for example:
              SHUNO_KAFKA_BROKERS    bootstrap servers of an external Kafka cluster (empty: embedded broker)
              SHUNO_DB_URL           JDBC URL of an external PostgreSQL (empty: embedded PostgreSQL)
              SHUNO_DB_USER, SHUNO_DB_PASSWORD
              SHUNO_HTTP_PORT, SHUNO_HTTP_ADDRESS    dashboard, API and actuator (127.0.0.1:8080)
              SPRING_PROFILES_ACTIVE=prod            refuse to start while a demo user is configured
            Every setting, its default and the API: README.md; the API also at /api/v1/docs once running.
            """;

    public static void main(String[] args) {
        if (printUsageIfAsked(List.of(args), System.out)) {
            return;
        }
        SpringApplication.run(ShunoApplication.class, args);
    }

    /** --help (or -h) prints what shuno is and how to configure it, instead of starting the service. */
    static boolean printUsageIfAsked(List<String> args, PrintStream out) {
        if (args.contains("--help") || args.contains("-h")) {
            out.print(USAGE);
            return true;
        }
        return false;
    }
}
