package io.shuno.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/**
 * CPU seconds used so far by shuno, by PostgreSQL (every postgres process) and by this driver (the embedded broker,
 * the load generator and the settlement tap), from /proc; a difference of two readings says where a run's CPU went.
 */
record CpuTime(double shuno, double shunoJit, double shunoGc, double shunoKernel, double postgres, double driver) {

    /** Linux reports process times in clock ticks of 1/100 s (USER_HZ) on every architecture it runs on. */
    private static final double TICKS_PER_SECOND = 100.0;
    /** utime and stime (fields 14 and 15 of /proc/pid/stat), counted from the field after the parenthesised name. */
    private static final int USER = 11;
    private static final int SYSTEM = 12;

    static CpuTime now(ShunoProcess shuno) {
        Path threads = Path.of("/proc/" + shuno.pid() + "/task");
        return new CpuTime(seconds(shuno.pid()), threadSeconds(threads, "C1 CompilerThre", "C2 CompilerThre"),
                threadSeconds(threads, "GC Thread", "G1 "), ticks(Path.of("/proc/" + shuno.pid() + "/stat"), SYSTEM),
                postgresSeconds(), seconds(ProcessHandle.current().pid()));
    }

    CpuTime since(CpuTime earlier) {
        return new CpuTime(shuno - earlier.shuno, shunoJit - earlier.shunoJit, shunoGc - earlier.shunoGc,
                shunoKernel - earlier.shunoKernel, postgres - earlier.postgres, driver - earlier.driver);
    }

    String describe() {
        return String.format("shuno %.1f s (JIT compiler %.1f s, GC %.1f s, in the kernel %.1f s), PostgreSQL %.1f s, "
                + "broker + driver %.1f s", shuno, shunoJit, shunoGc, shunoKernel, postgres, driver);
    }

    /** CPU of the threads whose names start with one of {@code prefixes} (their names as /proc shows them). */
    private static double threadSeconds(Path threads, String... prefixes) {
        try (Stream<Path> all = Files.list(threads)) {
            return all.filter(thread -> {
                try {
                    String name = Files.readString(thread.resolve("comm")).strip();
                    return Stream.of(prefixes).anyMatch(name::startsWith);
                } catch (IOException gone) {
                    return false;
                }
            }).mapToDouble(thread -> ticks(thread.resolve("stat"), USER, SYSTEM)).sum();
        } catch (IOException gone) {
            return 0;
        }
    }

    private static double postgresSeconds() {
        try (Stream<Path> processes = Files.list(Path.of("/proc"))) {
            return processes.filter(p -> p.getFileName().toString().chars().allMatch(Character::isDigit))
                    .filter(CpuTime::isPostgres).mapToDouble(p -> seconds(Long.parseLong(p.getFileName().toString())))
                    .sum();
        } catch (IOException e) {
            return 0;
        }
    }

    private static boolean isPostgres(Path process) {
        try {
            return Files.readString(process.resolve("comm")).strip().equals("postgres");
        } catch (IOException gone) {
            return false;
        }
    }

    /** utime + stime of one process. */
    private static double seconds(long pid) {
        return ticks(Path.of("/proc/" + pid + "/stat"), USER, SYSTEM);
    }

    /** The sum of time fields of one stat file, read once, in seconds. */
    private static double ticks(Path stat, int... fields) {
        try {
            String line = Files.readString(stat);
            String[] values = line.substring(line.lastIndexOf(')') + 2).split(" ");
            long sum = 0;
            for (int field : fields) {
                sum += Long.parseLong(values[field]);
            }
            return sum / TICKS_PER_SECOND;
        } catch (IOException | RuntimeException gone) {
            return 0;
        }
    }
}
