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

    static CpuTime now(ShunoProcess shuno) {
        Path threads = Path.of("/proc/" + shuno.pid() + "/task");
        return new CpuTime(seconds(shuno.pid()), threadSeconds(threads, "C1 CompilerThre", "C2 CompilerThre"),
                threadSeconds(threads, "GC Thread", "G1 "), ticks(Path.of("/proc/" + shuno.pid() + "/stat"), 12),
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
            }).mapToDouble(thread -> ticks(thread.resolve("stat"), 11) + ticks(thread.resolve("stat"), 12)).sum();
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

    /** utime + stime of one process (fields 14 and 15 of /proc/pid/stat). */
    private static double seconds(long pid) {
        Path stat = Path.of("/proc/" + pid + "/stat");
        return ticks(stat, 11) + ticks(stat, 12);
    }

    /** One time field of a stat file, counted from the field after the parenthesised name (utime is 11). */
    private static double ticks(Path stat, int field) {
        try {
            String line = Files.readString(stat);
            return Long.parseLong(line.substring(line.lastIndexOf(')') + 2).split(" ")[field]) / TICKS_PER_SECOND;
        } catch (IOException | RuntimeException gone) {
            return 0;
        }
    }
}
