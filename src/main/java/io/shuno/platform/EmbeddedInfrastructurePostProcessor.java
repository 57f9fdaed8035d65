package io.shuno.platform;

import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.beans.factory.support.BeanDefinitionBuilder;
import org.springframework.beans.factory.support.BeanDefinitionRegistry;
import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.context.event.ApplicationFailedEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

/**
 * Starts an embedded broker when no {@code SHUNO_KAFKA_BROKERS} is given, and an embedded PostgreSQL when no
 * {@code SHUNO_DB_URL} is given, before anything connects to them. Runs after the configuration files are read.
 */
public class EmbeddedInfrastructurePostProcessor implements EnvironmentPostProcessor, Ordered {

    private static final String BEAN_NAME = "shunoEmbeddedInfrastructure";

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        boolean needBroker = environment.getProperty("shuno.kafka.brokers", "").isBlank();
        boolean needDatabase = environment.getProperty("shuno.db.url", "").isBlank();
        if (!needBroker && !needDatabase) {
            return;
        }
        EmbeddedInfrastructure infrastructure = new EmbeddedInfrastructure();
        Map<String, Object> started = new HashMap<>();
        Path workDir = Path.of(environment.getRequiredProperty("shuno.work-dir")).toAbsolutePath().normalize();
        try {
            if (needBroker) {
                started.put("shuno.kafka.brokers", infrastructure.startBroker(workDir.resolve("kafka"),
                        environment.getRequiredProperty("shuno.embedded.kafka-port", Integer.class),
                        environment.getRequiredProperty("shuno.kafka.partitions", Integer.class)));
            }
            if (needDatabase) {
                started.put("shuno.db.url", infrastructure.startPostgres(workDir.resolve("postgres"),
                        environment.getRequiredProperty("shuno.embedded.postgres-port", Integer.class)));
                started.put("shuno.db.user", "postgres");
                started.put("shuno.db.password", "");
            }
        } catch (IOException e) {
            throw new UncheckedIOException("could not start the embedded infrastructure", e);
        }
        environment.getPropertySources().addFirst(new MapPropertySource("shunoEmbeddedInfrastructure", started));
        application.addInitializers(context -> register(context, infrastructure));
        // The broker's threads would keep a JVM whose start failed alive: stop both when start-up fails.
        application.addListeners((ApplicationListener<ApplicationFailedEvent>) failed -> infrastructure.destroy());
    }

    /**
     * Runs once logging is set up (the servers started before it was, silently), and makes the infrastructure the
     * context's first bean, one the data source depends on, so that closing the context stops it last: after the
     * routes, the relay and every user of the database and the broker have stopped.
     */
    private static void register(ConfigurableApplicationContext context, EmbeddedInfrastructure infrastructure) {
        infrastructure.logWhereTheyListen();
        BeanDefinitionRegistry registry = (BeanDefinitionRegistry) context.getBeanFactory();
        registry.registerBeanDefinition(BEAN_NAME, BeanDefinitionBuilder
                .genericBeanDefinition(EmbeddedInfrastructure.class, () -> infrastructure).getBeanDefinition());
        context.addBeanFactoryPostProcessor(beanFactory -> {
            if (beanFactory.containsBeanDefinition("dataSource")) {
                BeanDefinition dataSource = beanFactory.getBeanDefinition("dataSource");
                String[] dependsOn = dataSource.getDependsOn() == null ? new String[0] : dataSource.getDependsOn();
                String[] withInfrastructure = Arrays.copyOf(dependsOn, dependsOn.length + 1);
                withInfrastructure[dependsOn.length] = BEAN_NAME;
                dataSource.setDependsOn(withInfrastructure);
            }
        });
    }

    @Override
    public int getOrder() {
        return Ordered.LOWEST_PRECEDENCE;
    }
}
