package io.shuno.testsupport;

import org.springframework.boot.web.server.context.WebServerApplicationContext;

import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The dashboard as a browser without JavaScript uses it: a session cookie from the login form, pages as HTML, and
 * forms sent with the CSRF token and the hidden fields of the page they were rendered on.
 */
public final class DashboardSession {

    private static final Pattern HIDDEN = Pattern.compile("<input type=\"hidden\" name=\"([^\"]+)\" value=\"([^\"]*)\"");

    private final ShunoUnderTest shuno;
    private final HttpClient http = HttpClient.newBuilder().cookieHandler(new CookieManager())
            .followRedirects(HttpClient.Redirect.NORMAL).build();
    private String lastPage = "";

    private DashboardSession(ShunoUnderTest shuno) {
        this.shuno = shuno;
    }

    /** Signs in through the login form as one of the demo users. */
    public static DashboardSession logIn(ShunoUnderTest shuno, String user) {
        DashboardSession session = new DashboardSession(shuno);
        session.page("/login");
        session.submit("/login", Map.of("username", user, "password", ApiClient.DEMO_PASSWORD));
        return session;
    }

    /** The page's HTML; its hidden fields (and CSRF token) are what the next {@link #submit} sends along. */
    public String page(String path) {
        return send(HttpRequest.newBuilder(uri(path)).GET());
    }

    /** The value of a hidden field of the last page. */
    public String hidden(String name) {
        Map<String, String> fields = hiddenFields();
        if (!fields.containsKey(name)) {
            throw new IllegalStateException("the page has no hidden field " + name);
        }
        return fields.get(name);
    }

    /** Sends a form of the last page: its hidden fields, with {@code fields} added or replaced; the page it leads to. */
    public String submit(String path, Map<String, String> fields) {
        Map<String, String> sent = hiddenFields();
        sent.putAll(fields);
        String body = sent.entrySet().stream().map(field -> encode(field.getKey()) + "=" + encode(field.getValue()))
                .collect(Collectors.joining("&"));
        return send(HttpRequest.newBuilder(uri(path)).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    private Map<String, String> hiddenFields() {
        Map<String, String> fields = new LinkedHashMap<>();
        Matcher hidden = HIDDEN.matcher(lastPage);
        while (hidden.find()) {
            fields.putIfAbsent(hidden.group(1), hidden.group(2));
        }
        return fields;
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private URI uri(String path) {
        int port = ((WebServerApplicationContext) shuno.instance()).getWebServer().getPort();
        return URI.create("http://127.0.0.1:" + port + path);
    }

    private String send(HttpRequest.Builder request) {
        try {
            HttpResponse<String> response = http.send(request.header("Accept-Language", "ja").build(),
                    HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            if (response.statusCode() != 200) {
                throw new IllegalStateException(response.request().uri() + " answered " + response.statusCode());
            }
            lastPage = response.body();
            return lastPage;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
