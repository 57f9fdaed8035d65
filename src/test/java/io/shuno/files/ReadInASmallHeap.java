package io.shuno.files;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;

/**
 * Reads the 全銀 result file named by its argument and prints its totals: run by {@link DirectDebitResultFileTest}
 * in a JVM of its own with a heap far smaller than the file, to show that reading streams.
 */
public final class ReadInASmallHeap {

    private ReadInASmallHeap() {
    }

    public static void main(String[] arguments) throws Exception {
        try (InputStream in = Files.newInputStream(Path.of(arguments[0]))) {
            DirectDebitResultFile.Totals totals = DirectDebitResultFile.read(in, LocalDate.of(2026, 6, 26), row -> { });
            System.out.println(totals.records() + " " + totals.amount());
        }
    }
}
