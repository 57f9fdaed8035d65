package io.shuno.bench;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * What one benchmark run does. Each option is a flag ({@code --notices=3M}) or an environment variable
 * ({@code BENCH_NOTICES=3M}); the flag wins. Counts accept k and M suffixes.
 */
record BenchOptions(Path jar, Path logs, List<Long> bookSizes, long notices, long fileRows, int warmUpPercent, int latencyRate,
                    int latencySeconds, long seed, String externalBrokers, String externalDbUrl, String dbUser, String dbPassword,
                    int partitions, List<String> shunoJavaOptions) {

    static BenchOptions parse(String[] args, Map<String, String> environment) {
        Map<String, String> flags = new HashMap<>();
        for (String arg : args) {
            if (!arg.startsWith("--") || !arg.contains("=")) {
                throw new IllegalArgumentException("expected --name=value, got " + arg);
            }
            flags.put(arg.substring(2, arg.indexOf('=')), arg.substring(arg.indexOf('=') + 1));
        }
        Settings settings = new Settings(flags, environment);
        return new BenchOptions(Path.of(settings.required("jar")), Path.of(settings.required("logs")),
                Arrays.stream(settings.get("sizes", "10k,200k").split(",")).map(BenchOptions::count).toList(),
                count(settings.get("notices", "100k")),
                count(settings.get("files", "100k")),
                Integer.parseInt(settings.get("warm-up", "20")),
                (int) count(settings.get("latency-rate", "1000")),
                Integer.parseInt(settings.get("latency-seconds", "20")),
                Long.parseLong(settings.get("seed", "20260531")),
                environment.getOrDefault("SHUNO_KAFKA_BROKERS", ""),
                environment.getOrDefault("SHUNO_DB_URL", ""),
                environment.getOrDefault("SHUNO_DB_USER", "postgres"),
                environment.getOrDefault("SHUNO_DB_PASSWORD", ""),
                Integer.parseInt(environment.getOrDefault("SHUNO_KAFKA_PARTITIONS", "6")),
                Arrays.stream(settings.get("shuno-java-opts", "").split("\\s+")).filter(o -> !o.isBlank()).toList());
    }

    /** "10k" → 10,000; "3M" → 3,000,000. */
    static long count(String text) {
        String trimmed = text.trim().toLowerCase(Locale.ROOT);
        long unit = trimmed.endsWith("k") ? 1_000 : trimmed.endsWith("m") ? 1_000_000 : 1;
        String digits = unit == 1 ? trimmed : trimmed.substring(0, trimmed.length() - 1);
        return Math.round(Double.parseDouble(digits) * unit);
    }

    long latencyPayments() {
        return (long) latencyRate * latencySeconds;
    }

    private record Settings(Map<String, String> flags, Map<String, String> environment) {

        String get(String name, String fallback) {
            String variable = "BENCH_" + name.toUpperCase(Locale.ROOT).replace('-', '_');
            return flags.getOrDefault(name, environment.getOrDefault(variable, fallback));
        }

        String required(String name) {
            String value = get(name, null);
            if (value == null) {
                throw new IllegalArgumentException("--" + name + " is required");
            }
            return value;
        }
    }
}
