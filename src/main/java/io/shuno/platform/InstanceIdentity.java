package io.shuno.platform;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Map;

/**
 * Gives this instance a stable name, {@code shuno.kafka.instance-id}: {@code SHUNO_INSTANCE_ID} when set, otherwise
 * the host name. Kafka knows each intake consumer by it (static group membership), so an instance restarted under
 * the same name takes its partitions back at once instead of waiting for the old membership to time out.
 */
public class InstanceIdentity implements EnvironmentPostProcessor {

    static final String PROPERTY = "shuno.kafka.instance-id";

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        if (environment.getProperty(PROPERTY, "").isBlank()) {
            // First: application.yml names the property (empty unless SHUNO_INSTANCE_ID is set), and a source
            // added after it would never be read.
            environment.getPropertySources().addFirst(new MapPropertySource("shunoInstanceIdentity",
                    Map.of(PROPERTY, hostName())));
        }
    }

    private static String hostName() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            throw new IllegalStateException("the host has no name: set SHUNO_INSTANCE_ID to a name stable across "
                    + "restarts and unique among the running instances", e);
        }
    }
}
