package io.shuno.testsupport;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * Writes 全銀協 口座振替 result files (種別 91) the way a bank does: 120-byte records in windows-31j with half-width
 * kana names, CR LF after each record or — the odd one — no line ends at all. Trailers are computed from the data
 * records, or stated as a test wants them (wrong). bench/run compiles it (with {@link Arrivals}) into the benchmark's
 * driver, which drops a 100,000-row file: keep both to the JDK.
 */
public final class DirectDebitResultFiles {

    public static final Charset WINDOWS_31J = Charset.forName("windows-31j");

    /** One debit as the bank reports it; the name is half-width kana, as banks write it. */
    public record Debit(String bankCode, String branchCode, String accountNumber, String nameKana, long amount,
                        String customerNumber, char result) {

        public static Debit of(String customerNumber, long amount, char result) {
            return new Debit("0005", "123", "1234567", "ﾔﾏﾀﾞ ﾀﾛｳ", amount, customerNumber, result);
        }
    }

    private DirectDebitResultFiles() {
    }

    public static String header(String consignorCode, String debitMmdd) {
        return pad("1" + "91" + "0" + consignorCode + left("ﾁﾖﾀﾞｸ", 40) + debitMmdd + "0001" + left("ﾐｽﾞﾎ", 15)
                + "001" + left("ﾎﾝﾃﾝ", 15) + "1" + "1234567");
    }

    public static String data(Debit debit) {
        return pad("2" + debit.bankCode() + left("ﾐｽﾞﾎ", 15) + debit.branchCode() + left("ｼﾃﾝ", 15) + "    " + "1"
                + debit.accountNumber() + left(debit.nameKana(), 30) + zeros(debit.amount(), 10) + "0"
                + left(debit.customerNumber(), 20) + debit.result());
    }

    /** The trailer that adds up. */
    public static String trailerOf(List<Debit> debits) {
        long debitedCount = debits.stream().filter(debit -> debit.result() == '0').count();
        long debitedAmount = debits.stream().filter(debit -> debit.result() == '0').mapToLong(Debit::amount).sum();
        long amount = debits.stream().mapToLong(Debit::amount).sum();
        return trailer(debits.size(), amount, debitedCount, debitedAmount, debits.size() - debitedCount,
                amount - debitedAmount);
    }

    public static String trailer(long count, long amount, long debitedCount, long debitedAmount, long failedCount,
                                 long failedAmount) {
        return pad("8" + zeros(count, 6) + zeros(amount, 12) + zeros(debitedCount, 6) + zeros(debitedAmount, 12)
                + zeros(failedCount, 6) + zeros(failedAmount, 12));
    }

    public static String end() {
        return pad("9");
    }

    /** Header, the debits, their trailer and the end record: one sound group. */
    public static List<String> soundFile(String consignorCode, String debitMmdd, List<Debit> debits) {
        return records(header(consignorCode, debitMmdd), debits.stream().map(DirectDebitResultFiles::data),
                trailerOf(debits), end()).toList();
    }

    /**
     * A header, data records and the closing records as one lazy stream (no flatMap, which would buffer the data), so
     * a file of any size is written without holding it.
     */
    public static Stream<String> records(String header, Stream<String> data, String... closing) {
        return Stream.concat(Stream.concat(Stream.of(header), data), Stream.of(closing));
    }

    /** Writes the records, each followed by CR LF or by nothing; written to a temporary name, then renamed. */
    public static Path write(Path file, boolean lineEnds, Stream<String> records) {
        Path partial = Arrivals.partialOf(file);
        try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(partial))) {
            for (String record : (Iterable<String>) records::iterator) {
                byte[] bytes = record.getBytes(WINDOWS_31J);
                if (bytes.length != 120) {
                    throw new IllegalArgumentException("a record of " + bytes.length + " bytes: " + record);
                }
                out.write(bytes);
                if (lineEnds) {
                    out.write(new byte[] {'\r', '\n'});
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return Arrivals.complete(partial, file);
    }

    public static Path write(Path file, boolean lineEnds, List<String> records) {
        return write(file, lineEnds, records.stream());
    }

    /** A 20-character 顧客番号 from a number. */
    public static String customerNumber(long n) {
        return zeros(n, 20);
    }

    private static String pad(String record) {
        return left(record, 120);
    }

    private static String left(String text, int length) {
        return text.length() >= length ? text.substring(0, length) : text + " ".repeat(length - text.length());
    }

    private static String zeros(long n, int length) {
        return String.format("%0" + length + "d", n);
    }
}
