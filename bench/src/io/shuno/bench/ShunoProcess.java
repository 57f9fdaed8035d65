package io.shuno.bench;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * shuno as it ships — {@code java -Xmx512m -jar target/shuno.jar} — in a process of its own, so its heap and
 * resident memory are its own. Settings the environment gives (SHUNO_INTAKE_CONSUMERS, ...) pass through.
 */
final class ShunoProcess implements AutoCloseable {

    static final String MAX_HEAP = "512m";
    private static final Duration START_TIMEOUT = Duration.ofMinutes(3);

    private final Process process;
    private final int httpPort;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private final ScheduledExecutorService sampler = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "shuno-memory-sampler");
        thread.setDaemon(true);
        return thread;
    });
    private final AtomicLong maxHeapUsed = new AtomicLong();
    private final AtomicLong maxRss = new AtomicLong();

    private ShunoProcess(Process process, int httpPort) {
        this.process = process;
        this.httpPort = httpPort;
    }

    /** {@code javaOptions} come before the heap limit, which they cannot raise: e.g. a flight recording. */
    static ShunoProcess start(BenchOptions options, String brokers, Infrastructure.Deployment deployment)
            throws IOException, InterruptedException {
        int port = freePort();
        List<String> command = new ArrayList<>(List.of("java"));
        command.addAll(options.shunoJavaOptions());
        command.addAll(List.of("-Xmx" + MAX_HEAP, "-jar", options.jar().toString()));
        ProcessBuilder builder = new ProcessBuilder(command);
        Map<String, String> environment = builder.environment();
        environment.put("SHUNO_KAFKA_BROKERS", brokers);
        environment.put("SHUNO_DB_URL", deployment.databaseUrl());
        environment.put("SHUNO_DB_USER", deployment.dbUser());
        environment.put("SHUNO_DB_PASSWORD", deployment.dbPassword());
        environment.put("SHUNO_HTTP_PORT", Integer.toString(port));
        environment.put("SHUNO_KAFKA_GROUP_ID", deployment.prefix() + "shuno");
        for (String topic : Infrastructure.SHUNO_TOPICS) {
            environment.put("SHUNO_TOPIC_" + topic.toUpperCase().replace('-', '_'), deployment.topic(topic));
        }
        Path log = options.logs().resolve("shuno-" + deployment.name() + ".log");
        Files.createDirectories(options.logs());
        builder.redirectErrorStream(true).redirectOutput(log.toFile());
        ShunoProcess shuno = new ShunoProcess(builder.start(), port);
        shuno.awaitHealthy(log);
        shuno.sampler.scheduleAtFixedRate(shuno::sampleMemory, 0, 500, TimeUnit.MILLISECONDS);
        return shuno;
    }

    private void awaitHealthy(Path log) throws InterruptedException {
        Instant deadline = Instant.now().plus(START_TIMEOUT);
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new IllegalStateException("shuno exited during start-up; see " + log);
            }
            try {
                if (get("/actuator/health").contains("\"status\":\"UP\"")) {
                    return;
                }
            } catch (IOException notYet) {
                // still starting
            }
            Thread.sleep(250);
        }
        throw new IllegalStateException("shuno was not healthy within " + START_TIMEOUT + "; see " + log);
    }

    /** Heap in use from shuno's own metrics (jvm_memory_used_bytes, area heap); resident set from /proc. */
    private void sampleMemory() {
        try {
            long heap = get("/actuator/prometheus").lines()
                    .filter(line -> line.startsWith("jvm_memory_used_bytes{") && line.contains("area=\"heap\""))
                    .mapToLong(line -> (long) Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1))).sum();
            maxHeapUsed.accumulateAndGet(heap, Math::max);
        } catch (IOException | InterruptedException | RuntimeException e) {
            // a missed sample; the next one counts
        }
        maxRss.accumulateAndGet(statusKb("VmRSS") * 1024, Math::max);
    }

    private long statusKb(String field) {
        try {
            return Files.readAllLines(Path.of("/proc/" + process.pid() + "/status")).stream()
                    .filter(line -> line.startsWith(field + ":"))
                    .mapToLong(line -> Long.parseLong(line.replaceAll("[^0-9]", ""))).findFirst().orElse(0);
        } catch (IOException e) {
            return 0;
        }
    }

    /**
     * Metrics need a signed-in user; the benchmark uses the documented demo admin unless BENCH_METRICS_USER and
     * BENCH_METRICS_PASSWORD name another. Health answers anyone.
     */
    private String get(String path) throws IOException, InterruptedException {
        String credentials = System.getenv().getOrDefault("BENCH_METRICS_USER", "admin") + ":"
                + System.getenv().getOrDefault("BENCH_METRICS_PASSWORD", "shuno-demo");
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + httpPort + path))
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString(
                        credentials.getBytes(StandardCharsets.UTF_8)))
                .timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IOException(path + " answered " + response.statusCode());
        }
        return response.body();
    }

    boolean isAlive() {
        return process.isAlive();
    }

    long maxHeapUsed() {
        return maxHeapUsed.get();
    }

    /** The largest resident set seen, or the kernel's high-water mark if that is larger. */
    long maxRss() {
        return Math.max(maxRss.get(), statusKb("VmHWM") * 1024);
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    @Override
    public void close() throws InterruptedException {
        sampler.shutdownNow();
        process.destroy();
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor();
        }
    }
}
