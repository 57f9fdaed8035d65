package io.shuno.scenarios;

import com.fasterxml.jackson.databind.JsonNode;
import io.shuno.testsupport.ApiClient;
import io.shuno.testsupport.ShunoUnderTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What probes and operators see: the health status of Kafka, the database and every route, open to probes and load
 * balancers, with the details behind it (disk path, broker and consumer settings) for signed-in users only;
 * Prometheus metrics, for authenticated users only.
 */
class TestHealthAndMetrics {

    @RegisterExtension
    static final ShunoUnderTest shuno = new ShunoUnderTest().running(1);
    private static final ApiClient api = new ApiClient(shuno);

    @Test
    void probesSeeTheStatusOfEveryComponentButNoDetailsWithoutCredentials() {
        ApiClient.Response response = api.anonymousGet("/actuator/health");

        assertThat(response.status()).isEqualTo(200);
        JsonNode health = response.json();
        assertThat(health.get("status").asText()).isEqualTo("UP");
        for (String component : new String[] {"kafka", "db", "diskSpace", "camelHealth"}) {
            assertThat(health.at("/components/" + component + "/status").asText()).as(component).isEqualTo("UP");
        }
        // Boot 4 lists the names of the health groups (liveness, readiness); what must not show is any component's
        // details: disk path, brokers, consumer group settings.
        assertThat(health.findValues("details")).isEmpty();
        assertThat(response.body()).doesNotContain("path", "brokers", "clusterId", "\"group\"", "groupId");
    }

    @Test
    void aSignedInUserSeesKafkaTheDatabaseAndEveryRouteInDetail() {
        ApiClient.Response response = api.get("viewer", "/actuator/health");

        assertThat(response.status()).isEqualTo(200);
        JsonNode health = response.json();
        assertThat(health.get("status").asText()).isEqualTo("UP");
        JsonNode components = health.get("components");
        assertThat(components.at("/kafka/status").asText()).isEqualTo("UP");
        assertThat(components.at("/kafka/details/nodes").asInt()).isPositive();
        assertThat(components.at("/db/status").asText()).isEqualTo("UP");
        JsonNode camel = components.get("camelHealth");
        assertThat(camel.get("status").asText()).isEqualTo("UP");
        for (String route : new String[] {"intake-invoices", "intake-eltax", "intake-terminal", "intake-acquirer",
                "intake-direct-debit",
                "intake-convenience-store", "outbox-relay", "file-direct-debit", "file-convenience-store"}) {
            assertThat(camel.at("/details/route:" + route).asText()).as(route).isEqualTo("UP");
        }
    }

    @Test
    void prometheusMetricsAreExposedToAuthenticatedUsersOnly() {
        assertThat(api.anonymousGet("/actuator/prometheus").status()).isEqualTo(401);

        ApiClient.Response response = api.get("admin", "/actuator/prometheus");

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.body()).contains("jvm_memory_used_bytes").contains("hikaricp_connections");
    }
}
