package io.shuno.testsupport;

import com.fasterxml.jackson.databind.JsonNode;
import org.springframework.boot.web.server.context.WebServerApplicationContext;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * The operations API over real HTTP, as a browser or script would call it: HTTP Basic as one of the demo users of
 * application.yml (viewer, operator, treasurer, treasurer-oita, admin — all with the demo password), or anonymous.
 */
public final class ApiClient {

    public static final String DEMO_PASSWORD = "shuno-demo";

    private final ShunoUnderTest shuno;
    private final HttpClient http = HttpClient.newHttpClient();

    public ApiClient(ShunoUnderTest shuno) {
        this.shuno = shuno;
    }

    /** A response, its body as text (bytes kept for exact checks such as a byte order mark). */
    public record Response(int status, byte[] bytes, HttpHeaders headers) {

        public String body() {
            return new String(bytes, StandardCharsets.UTF_8);
        }

        public JsonNode json() {
            return Messages.parse(bytes);
        }

        public String contentType() {
            return headers.firstValue("Content-Type").orElse("");
        }
    }

    public Response get(String user, String path) {
        return send(authorised(user, path).GET());
    }

    /** A GET asking for one representation, e.g. text/csv. */
    public Response get(String user, String path, String accept) {
        return send(authorised(user, path).header("Accept", accept).GET());
    }

    /** A GET in the caller's languages, e.g. "en-US,en;q=0.8" as an Accept-Language header. */
    public Response getInLanguage(String user, String path, String acceptLanguage) {
        return send(authorised(user, path).header("Accept-Language", acceptLanguage).GET());
    }

    public Response anonymousGet(String path) {
        return send(HttpRequest.newBuilder(uri(path)).GET());
    }

    public Response post(String user, String path, String json) {
        return send(authorised(user, path).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)));
    }

    public Response post(String user, String path, String json, String idempotencyKey) {
        return send(authorised(user, path).header("Content-Type", "application/json")
                .header("Idempotency-Key", idempotencyKey).POST(HttpRequest.BodyPublishers.ofString(json)));
    }

    private HttpRequest.Builder authorised(String user, String path) {
        String credentials = Base64.getEncoder().encodeToString((user + ":" + DEMO_PASSWORD)
                .getBytes(StandardCharsets.UTF_8));
        return HttpRequest.newBuilder(uri(path)).header("Authorization", "Basic " + credentials);
    }

    private URI uri(String path) {
        int port = ((WebServerApplicationContext) shuno.instance()).getWebServer().getPort();
        return URI.create("http://127.0.0.1:" + port + path);
    }

    private Response send(HttpRequest.Builder request) {
        try {
            HttpResponse<byte[]> response = http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
            return new Response(response.statusCode(), response.body(), response.headers());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
