package io.shuno.scenarios;

import com.fasterxml.jackson.databind.JsonNode;
import io.shuno.testsupport.Messages;
import io.shuno.testsupport.ShunoUnderTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.boot.web.context.WebServerApplicationContext;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import static org.assertj.core.api.Assertions.assertThat;

/** What probes and operators see: health of Kafka, the database and every route; Prometheus metrics. */
class TestHealthAndMetrics {

    @RegisterExtension
    static final ShunoUnderTest shuno = new ShunoUnderTest().running(1);



    @Test
    void healthReportsKafkaTheDatabaseAndEveryRoute() throws Exception {
        HttpResponse<String> response = get("/actuator/health");

        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode health = Messages.JSON.readTree(response.body());
        assertThat(health.get("status").asText()).isEqualTo("UP");
        JsonNode components = health.get("components");
        assertThat(components.at("/kafka/status").asText()).isEqualTo("UP");
        assertThat(components.at("/kafka/details/nodes").asInt()).isPositive();
        assertThat(components.at("/db/status").asText()).isEqualTo("UP");
        JsonNode camel = components.get("camelHealth");
        assertThat(camel.get("status").asText()).isEqualTo("UP");
        for (String route : new String[] {"intake-invoices", "intake-eltax", "intake-terminal", "intake-acquirer",
                "outbox-relay"}) {
            assertThat(camel.at("/details/route:" + route).asText()).as(route).isEqualTo("UP");
        }
    }

    @Test
    void prometheusMetricsAreExposed() throws Exception {
        HttpResponse<String> response = get("/actuator/prometheus");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).contains("jvm_memory_used_bytes").contains("hikaricp_connections");
    }

    private static int port() {
        return ((WebServerApplicationContext) shuno.instance()).getWebServer().getPort();
    }

    private static HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port() + path))
                .build(), HttpResponse.BodyHandlers.ofString());
    }
}
