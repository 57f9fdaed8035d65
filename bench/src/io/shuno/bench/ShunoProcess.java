package io.shuno.bench;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * shuno as it ships — {@code java -Xmx512m -jar target/shuno.jar} — in a process of its own, so its heap and
 * resident memory are its own. Settings the environment gives (SHUNO_INTAKE_CONSUMERS, ...) pass through.
 * Heap use is read from shuno's GC log, not from its metrics endpoint: that needs a signed-in user, and checking a
 * bcrypt password twice a second cost shuno a third of its CPU in the first profiles.
 */
final class ShunoProcess implements AutoCloseable {

    static final String MAX_HEAP = "512m";
    private static final Duration START_TIMEOUT = Duration.ofMinutes(3);
    private static final Pattern HEAP_BEFORE_AFTER = Pattern.compile("(\\d+)([KMG]?)->\\d+[KMG]?\\(\\d+[KMG]?\\)");

    private final Process process;
    private final int httpPort;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private final ScheduledExecutorService sampler = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "shuno-memory-sampler");
        thread.setDaemon(true);
        return thread;
    });
    private final AtomicLong maxRss = new AtomicLong();
    private final Path gcLog;

    private ShunoProcess(Process process, int httpPort, Path gcLog) {
        this.process = process;
        this.httpPort = httpPort;
        this.gcLog = gcLog;
    }

    /** {@code javaOptions} come before the heap limit, which they cannot raise: e.g. a flight recording. */
    static ShunoProcess start(BenchOptions options, String brokers, Infrastructure.Deployment deployment)
            throws IOException, InterruptedException {
        int port = freePort();
        Files.createDirectories(options.logs());
        Path gcLog = options.logs().resolve("shuno-" + deployment.name() + "-gc.log");
        Files.deleteIfExists(gcLog);
        List<String> command = new ArrayList<>(List.of("java"));
        command.addAll(options.shunoJavaOptions());
        command.addAll(List.of("-Xmx" + MAX_HEAP, "-Xlog:gc:file=" + gcLog + "::filecount=0",
                "-jar", options.jar().toString(),
                "--shuno.files.direct-debit.consignors." + DebitRun.CONSIGNOR_CODE + "=" + DebitRun.MUNICIPALITY));
        ProcessBuilder builder = new ProcessBuilder(command);
        Map<String, String> environment = builder.environment();
        environment.put("SHUNO_KAFKA_BROKERS", brokers);
        environment.put("SHUNO_DB_URL", deployment.databaseUrl());
        environment.put("SHUNO_DB_USER", deployment.dbUser());
        environment.put("SHUNO_DB_PASSWORD", deployment.dbPassword());
        environment.put("SHUNO_HTTP_PORT", Integer.toString(port));
        environment.put("SHUNO_KAFKA_GROUP_ID", deployment.prefix() + "shuno");
        environment.put("SHUNO_DROP_DIR", deployment.dropDir().toString());
        for (String topic : Infrastructure.SHUNO_TOPICS) {
            environment.put("SHUNO_TOPIC_" + topic.toUpperCase().replace('-', '_'), deployment.topic(topic));
        }
        Path log = options.logs().resolve("shuno-" + deployment.name() + ".log");
        builder.redirectErrorStream(true).redirectOutput(log.toFile());
        ShunoProcess shuno = new ShunoProcess(builder.start(), port, gcLog);
        shuno.awaitHealthy(log);
        shuno.sampler.scheduleAtFixedRate(shuno::sampleResidentMemory, 0, 500, TimeUnit.MILLISECONDS);
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

    private void sampleResidentMemory() {
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

    private String get(String path) throws IOException, InterruptedException {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + httpPort + path))
                .timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IOException(path + " answered " + response.statusCode());
        }
        return response.body();
    }

    long pid() {
        return process.pid();
    }

    boolean isAlive() {
        return process.isAlive();
    }

    /**
     * The most heap in use: what every collection found before it ran ("GC(3) Pause Young ... 180M->22M(512M)"),
     * which is the peak of each cycle.
     */
    long maxHeapUsed() throws IOException {
        return maxHeapUsedSince(0);
    }

    /** How far the GC log has come: {@link #maxHeapUsedSince} from here covers what shuno does from now on. */
    int gcLogMark() throws IOException {
        return gcLogLines().size();
    }

    /** The most heap in use in the collections logged after {@code mark}. */
    long maxHeapUsedSince(int mark) throws IOException {
        List<String> lines = gcLogLines();
        return lines.subList(Math.min(mark, lines.size()), lines.size()).stream().map(HEAP_BEFORE_AFTER::matcher)
                .filter(Matcher::find).mapToLong(found -> bytes(found.group(1), found.group(2))).max().orElse(0);
    }

    private List<String> gcLogLines() throws IOException {
        return Files.exists(gcLog) ? Files.readAllLines(gcLog) : List.of();
    }

    private static long bytes(String amount, String unit) {
        long value = Long.parseLong(amount);
        return switch (unit) {
            case "G" -> value << 30;
            case "M" -> value << 20;
            case "K" -> value << 10;
            default -> value;
        };
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
