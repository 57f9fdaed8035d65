package io.shuno;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static java.util.Map.entry;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Each table has one owner: only the module that owns a table names it in SQL; the others read it through the
 * owner's query API. Found in the SQL text of the main sources (string literals and text blocks, not comments), so
 * that a query slipped into another module fails the build with the table and the file that named it.
 */
class TableOwnershipTest {

    private static final Path SOURCES = Path.of("src", "main", "java", "io", "shuno");
    private static final Path MIGRATIONS = Path.of("src", "main", "resources", "db", "migration");

    /** Every table and the module (top-level package under io.shuno) that owns it. */
    private static final Map<String, String> OWNERS = Map.ofEntries(
            entry("inbox", "matching"),
            entry("invoices", "matching"),
            entry("invoice_payment_keys", "matching"),
            entry("payments", "matching"),
            entry("terminal_sales", "matching"),
            entry("acquirer_statements", "matching"),
            entry("settlements", "ledger"),
            entry("settlements_published", "ledger"),
            entry("outbox", "ledger"),
            entry("staff_exceptions", "exceptions"),
            entry("exception_resolutions", "exceptions"),
            entry("dead_letters", "deadletters"),
            entry("replay_jobs", "operations"),
            entry("replay_job_items", "operations"),
            entry("audit_log", "operations"),
            entry("taken_files", "files"));

    /**
     * Known reads across owners, as "module/File.java table". The settlement history finds the suspense of a payment
     * key (eL番号, barcode, debit key) through the payments that named it: settlements carry no payment key.
     */
    private static final Set<String> KNOWN = Set.of("ledger/SettlementHistory.java payments");

    private static final Pattern TEXT_BLOCK = Pattern.compile("\"\"\"(.*?)\"\"\"", Pattern.DOTALL);
    private static final Pattern STRING = Pattern.compile("\"((?:[^\"\\\\\\n]|\\\\.)*)\"");
    private static final Pattern CREATE_TABLE = Pattern.compile("(?i)create table (\\w+)");

    @Test
    void everyTableHasAnOwner() throws IOException {
        Set<String> tables = new TreeSet<>();
        try (Stream<Path> files = Files.list(MIGRATIONS)) {
            for (Path file : files.toList()) {
                Matcher created = CREATE_TABLE.matcher(Files.readString(file));
                while (created.find()) {
                    tables.add(created.group(1).toLowerCase());
                }
            }
        }
        assertThat(tables).isNotEmpty();
        assertThat(OWNERS.keySet()).containsExactlyInAnyOrderElementsOf(tables);
    }

    @Test
    void onlyTheOwnerOfATableNamesItInSql() throws IOException {
        Map<String, Set<String>> foreign = new TreeMap<>();
        int sqlFiles = 0;
        try (Stream<Path> files = Files.walk(SOURCES)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                String module = SOURCES.relativize(file).getName(0).toString();
                String where = module + "/" + file.getFileName();
                Set<String> named = tablesNamedIn(sql(Files.readString(file)));
                sqlFiles += named.isEmpty() ? 0 : 1;
                for (String table : named) {
                    if (!OWNERS.get(table).equals(module) && !KNOWN.contains(where + " " + table)) {
                        foreign.computeIfAbsent(where, f -> new TreeSet<>()).add(table);
                    }
                }
            }
        }
        assertThat(sqlFiles).as("files with SQL found").isGreaterThan(10);
        assertThat(foreign).as("SQL on tables another module owns (file → tables)").isEmpty();
    }

    /** The text of the file's text blocks and string literals, where its SQL is. */
    private static String sql(String source) {
        StringBuilder text = new StringBuilder();
        Matcher blocks = TEXT_BLOCK.matcher(source);
        while (blocks.find()) {
            text.append(blocks.group(1)).append('\n');
        }
        Matcher strings = STRING.matcher(TEXT_BLOCK.matcher(source).replaceAll(""));
        while (strings.find()) {
            text.append(strings.group(1)).append('\n');
        }
        return text.toString();
    }

    private static Set<String> tablesNamedIn(String sql) {
        Set<String> named = new TreeSet<>();
        for (String table : OWNERS.keySet()) {
            if (Pattern.compile("(?i)\\b(from|join|into|update|exists)\\s+" + table + "\\b").matcher(sql).find()) {
                named.add(table);
            }
        }
        return named;
    }
}
