package io.shuno.testsupport;

import io.shuno.ShunoApplication;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
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
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.jar.Attributes;
import java.util.jar.JarFile;
import java.util.stream.Collectors;

/**
 * shuno in a JVM of its own, started from the test's own classpath, so that a test can end it the way a crash
 * does: {@link #kill()} is SIGKILL — no shutdown hook, no consumer leaving its group, no transaction finished.
 * Its output goes to {@code target/shuno-processes/}, to read when a test fails.
 */
public final class ShunoProcess {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private final String instanceId;
    private final int httpPort;
    private final Process process;
    private final Path log;

    private ShunoProcess(String instanceId, int httpPort, Process process, Path log) {
        this.instanceId = instanceId;
        this.httpPort = httpPort;
        this.process = process;
        this.log = log;
    }

    static ShunoProcess start(String instanceId, int httpPort, List<String> arguments) {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-XX:+UseSerialGC", "-Xmx768m",
                "-cp", classpath(),
                ShunoApplication.class.getName()));
        command.addAll(arguments);
        try {
            Path directory = Files.createDirectories(Path.of("target", "shuno-processes"));
            Path log = directory.resolve(instanceId + "-" + Instant.now().toEpochMilli() + ".log");
            Process process = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(log.toFile()).start();
            return new ShunoProcess(instanceId, httpPort, process, log);
        } catch (IOException e) {
            throw new UncheckedIOException("could not start shuno as a process", e);
        }
    }

    /**
     * The test's classpath without empty entries: an empty entry means the working directory, the project's root,
     * where shuno would find the top-level routes/ a second time. Surefire may also start the tests from a jar whose
     * manifest lists the classpath; then the listed entries are what shuno gets.
     */
    private static String classpath() {
        String classpath = System.getProperty("java.class.path");
        if (!classpath.contains(File.pathSeparator) && classpath.endsWith(".jar")) {
            classpath = listedIn(classpath).orElse(classpath);
        }
        return Arrays.stream(classpath.split(File.pathSeparator)).filter(entry -> !entry.isBlank())
                .collect(Collectors.joining(File.pathSeparator));
    }

    private static Optional<String> listedIn(String jarPath) {
        try (JarFile jar = new JarFile(jarPath)) {
            String listed = jar.getManifest() == null ? null
                    : jar.getManifest().getMainAttributes().getValue(Attributes.Name.CLASS_PATH);
            if (listed == null) {
                return Optional.empty();
            }
            URI base = Path.of(jarPath).toAbsolutePath().toUri();
            return Optional.of(Arrays.stream(listed.trim().split("\\s+"))
                    .map(entry -> Path.of(base.resolve(entry)).toString())
                    .collect(Collectors.joining(File.pathSeparator)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Waits until the instance reports itself healthy and returns when that was seen. */
    public Instant awaitHealthy(Duration timeout) {
        Instant deadline = Instant.now().plus(timeout);
        HttpRequest health = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + httpPort + "/actuator/health"))
                .timeout(Duration.ofSeconds(5)).build();
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new IllegalStateException("shuno " + instanceId + " exited with " + process.exitValue()
                        + "; its output is in " + log.toAbsolutePath());
            }
            try {
                if (HTTP.send(health, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return Instant.now();
                }
            } catch (IOException e) {
                // not listening yet
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            pause();
        }
        throw new IllegalStateException("shuno " + instanceId + " was not healthy within " + timeout
                + "; its output is in " + log.toAbsolutePath());
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + httpPort;
    }

    /** Ends the process as a crash would (SIGKILL) and waits until it is gone. */
    public void kill() {
        process.destroyForcibly();
        try {
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                throw new IllegalStateException("shuno " + instanceId + " outlived SIGKILL");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static void pause() {
        try {
            Thread.sleep(50);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
