package io.shuno.platform;

import org.junit.jupiter.api.Test;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;

import java.net.InetAddress;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class InstanceIdentityTest {

    @Test
    void withoutShunoInstanceIdTheInstanceIsNamedAfterItsHost() throws Exception {
        StandardEnvironment environment = new StandardEnvironment();
        // What application.yml gives when SHUNO_INSTANCE_ID is not set.
        environment.getPropertySources().addLast(new MapPropertySource("application.yml",
                Map.of(InstanceIdentity.PROPERTY, "")));

        new InstanceIdentity().postProcessEnvironment(environment, null);

        assertThat(environment.getProperty(InstanceIdentity.PROPERTY))
                .isEqualTo(InetAddress.getLocalHost().getHostName()).isNotBlank();
    }

    @Test
    void aNameGivenIsKept() {
        StandardEnvironment environment = new StandardEnvironment();
        environment.getPropertySources().addLast(new MapPropertySource("application.yml",
                Map.of(InstanceIdentity.PROPERTY, "node-a")));

        new InstanceIdentity().postProcessEnvironment(environment, null);

        assertThat(environment.getProperty(InstanceIdentity.PROPERTY)).isEqualTo("node-a");
    }
}
