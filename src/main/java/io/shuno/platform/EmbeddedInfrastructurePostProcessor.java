package io.shuno.platform;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.context.event.ApplicationFailedEvent;
import org.springframework.boot.env.EnvironmentPostProcessor;
import org.springframework.context.ApplicationListener;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/**
 * Starts an embedded broker when no {@code SHUNO_KAFKA_BROKERS} is given, and an embedded PostgreSQL when no
 * {@code SHUNO_DB_URL} is given, before anything connects to them. Runs after the configuration files are read.
 */
public class EmbeddedInfrastructurePostProcessor implements EnvironmentPostProcessor, Ordered {

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        boolean needBroker = environment.getProperty("shuno.kafka.brokers", "").isBlank();
        boolean needDatabase = environment.getProperty("shuno.db.url", "").isBlank();
        if (!needBroker && !needDatabase) {
            return;
        }
        EmbeddedInfrastructure infrastructure = new EmbeddedInfrastructure();
        Map<String, Object> started = new HashMap<>();
        try {
            if (needBroker) {
                started.put("shuno.kafka.brokers", infrastructure.startBroker(
                        environment.getRequiredProperty("shuno.embedded.kafka-port", Integer.class),
                        environment.getRequiredProperty("shuno.kafka.partitions", Integer.class)));
            }
            if (needDatabase) {
                Path workDir = Path.of(environment.getRequiredProperty("shuno.work-dir")).toAbsolutePath();
                started.put("shuno.db.url", infrastructure.startPostgres(workDir.resolve("postgres"),
                        environment.getRequiredProperty("shuno.embedded.postgres-port", Integer.class)));
                started.put("shuno.db.user", "postgres");
                started.put("shuno.db.password", "");
            }
        } catch (IOException e) {
            throw new UncheckedIOException("could not start the embedded infrastructure", e);
        }
        environment.getPropertySources().addFirst(new MapPropertySource("shunoEmbeddedInfrastructure", started));
        application.addInitializers(context ->
                context.getBeanFactory().registerSingleton("shunoEmbeddedInfrastructure", infrastructure));
        // The broker's threads would keep a JVM whose start failed alive: stop both when start-up fails.
        application.addListeners((ApplicationListener<ApplicationFailedEvent>) failed -> infrastructure.destroy());
    }

    @Override
    public int getOrder() {
        return Ordered.LOWEST_PRECEDENCE;
    }
}
