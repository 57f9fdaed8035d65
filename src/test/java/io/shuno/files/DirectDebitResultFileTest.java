package io.shuno.files;

import io.shuno.reconciliation.DirectDebitResultCode;
import io.shuno.testsupport.DirectDebitResultFiles;
import io.shuno.testsupport.DirectDebitResultFiles.Debit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.LongStream;

import static io.shuno.testsupport.DirectDebitResultFiles.customerNumber;
import static io.shuno.testsupport.DirectDebitResultFiles.data;
import static io.shuno.testsupport.DirectDebitResultFiles.end;
import static io.shuno.testsupport.DirectDebitResultFiles.header;
import static io.shuno.testsupport.DirectDebitResultFiles.soundFile;
import static io.shuno.testsupport.DirectDebitResultFiles.trailer;
import static io.shuno.testsupport.DirectDebitResultFiles.trailerOf;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class DirectDebitResultFileTest {

    private static final LocalDate ARRIVAL = LocalDate.of(2026, 6, 26);
    private static final List<Debit> TWO = List.of(Debit.of(customerNumber(123450), 3100, '0'),
            new Debit("9900", "018", "1234567", "ｽｽﾞｷ ﾊﾅｺ", 1280, customerNumber(123461), '1'));

    @TempDir
    Path folder;

    @Test
    void theDocumentsExampleWithCrLfGivesBothRowsWithoutNameOrAccount() throws IOException {
        List<DirectDebitResultRow> rows = new ArrayList<>();
        DirectDebitResultFile.Totals totals = read(write(true, soundFile("1234567890", "0625", TWO)), rows);

        assertThat(totals).isEqualTo(new DirectDebitResultFile.Totals(1, 2, 4380, 1, 3100));
        assertThat(rows).containsExactly(
                new DirectDebitResultRow(2, "1234567890", LocalDate.of(2026, 6, 25), "0005", "123", 3100,
                        "00000000000000123450", '0'),
                new DirectDebitResultRow(3, "1234567890", LocalDate.of(2026, 6, 25), "9900", "018", 1280,
                        "00000000000000123461", '1'));
        assertThat(rows.get(1).result()).isEqualTo(DirectDebitResultCode.INSUFFICIENT_FUNDS);
        assertThat(rows.toString()).doesNotContain("ｽｽﾞｷ").doesNotContain("1234567,");
    }

    @Test
    void aFileWithoutLineEndsReadsTheSame() throws IOException {
        List<DirectDebitResultRow> rows = new ArrayList<>();
        read(write(false, soundFile("1234567890", "0625", TWO)), rows);
        assertThat(rows).hasSize(2);
    }

    @Test
    void severalGroupsEachWithTheirOwnHeaderAndTrailer() throws IOException {
        List<String> records = new ArrayList<>(soundFile("1234567890", "0625", TWO).subList(0, 4));
        List<Debit> second = List.of(Debit.of(customerNumber(9), 500, '3'));
        records.addAll(soundFile("0000044201", "0627", second));
        List<DirectDebitResultRow> rows = new ArrayList<>();

        DirectDebitResultFile.Totals totals = read(write(true, records), rows);

        assertThat(totals.groups()).isEqualTo(2);
        assertThat(rows).extracting(DirectDebitResultRow::consignorCode).containsExactly("1234567890", "1234567890",
                "0000044201");
        assertThat(rows.get(2).debitDate()).isEqualTo(LocalDate.of(2026, 6, 27));
        assertThat(rows.get(2).recordNumber()).isEqualTo(6);
    }

    @Test
    void theDebitYearIsTheNearestAroundArrival() {
        assertThat(DebitDateYear.nearest(java.time.MonthDay.of(12, 27), LocalDate.of(2027, 1, 5)))
                .isEqualTo(LocalDate.of(2026, 12, 27));
        assertThat(DebitDateYear.nearest(java.time.MonthDay.of(1, 4), LocalDate.of(2026, 12, 30)))
                .isEqualTo(LocalDate.of(2027, 1, 4));
        assertThat(DebitDateYear.nearest(java.time.MonthDay.of(2, 29), LocalDate.of(2028, 3, 10)))
                .isEqualTo(LocalDate.of(2028, 2, 29));
    }

    @Test
    void trailerTotalsMustAddUp() throws IOException {
        List<String> records = new ArrayList<>(soundFile("1234567890", "0625", TWO));
        records.set(3, trailer(2, 4380, 2, 4380, 0, 0));
        assertRejected(write(true, records), "振替済件数は2ですが、データレコードの集計は1です", "debited count states 2");

        records.set(3, trailer(2, 4381, 1, 3100, 1, 1280));
        assertRejected(write(true, records), "合計金額", "total amount states 4381 but the data records add up to 4380");
    }

    @Test
    void recordsOutOfOrderAreRefused() throws IOException {
        List<String> noHeader = List.of(data(TWO.get(0)), trailerOf(TWO.subList(0, 1)), end());
        assertRejected(write(true, noHeader), "順序", "record 1 is a data record where a header record (1) belongs");

        List<String> noTrailer = List.of(header("1234567890", "0625"), data(TWO.get(0)), end());
        assertRejected(write(true, noTrailer), "順序", "record 3 is an end record");

        List<String> afterEnd = new ArrayList<>(soundFile("1234567890", "0625", TWO));
        afterEnd.add(end());
        assertRejected(write(true, afterEnd), "エンドレコードの後", "record 6 follows the end record");

        List<String> noEnd = soundFile("1234567890", "0625", TWO).subList(0, 4);
        assertRejected(write(true, noEnd), "エンドレコード", "without its end record");
    }

    @Test
    void everyRecordIs120Bytes() throws IOException {
        List<String> records = new ArrayList<>(soundFile("1234567890", "0625", TWO));
        Path shortLine = folder.resolve("short.txt");
        Files.write(shortLine, String.join("\r\n", records.get(0), records.get(1).substring(0, 100), records.get(2))
                .getBytes(DirectDebitResultFiles.WINDOWS_31J));
        assertRejected(shortLine, "120バイトより短く", "record 2 is shorter than 120 bytes");

        Path longLine = folder.resolve("long.txt");
        Files.write(longLine, (records.get(0) + "\r\n" + records.get(1) + "X\r\n").getBytes(DirectDebitResultFiles.WINDOWS_31J));
        assertRejected(longLine, "120バイトより長く", "record 2 is longer than 120 bytes");
    }

    @Test
    void lfOnlyAndEbcdicAndOtherKindsAreRefused() throws IOException {
        Path lf = folder.resolve("lf.txt");
        Files.write(lf, String.join("\n", soundFile("1234567890", "0625", TWO)).getBytes(DirectDebitResultFiles.WINDOWS_31J));
        assertRejected(lf, "LF", "ends with LF alone");

        List<String> ebcdicFlag = new ArrayList<>(soundFile("1234567890", "0625", TWO));
        ebcdicFlag.set(0, "1911" + ebcdicFlag.get(0).substring(4));
        assertRejected(write(true, ebcdicFlag), "EBCDIC", "EBCDIC");

        Path ebcdic = folder.resolve("ebcdic.txt");
        byte[] bytes = new byte[120];
        java.util.Arrays.fill(bytes, (byte) 0x40);
        bytes[0] = (byte) 0xF1;
        Files.write(ebcdic, bytes);
        assertRejected(ebcdic, "EBCDIC", "EBCDIC");

        List<String> transfer = new ArrayList<>(soundFile("1234567890", "0625", TWO));
        transfer.set(0, "121" + transfer.get(0).substring(3));
        assertRejected(write(true, transfer), "種別コード「21」", "kind code '21' is not direct debit (91)");
    }

    @Test
    void fieldsAreChecked() throws IOException {
        assertRejected(write(true, soundFile("12345678X0", "0625", TWO)), "委託者コード", "consignor code");
        assertRejected(write(true, soundFile("1234567890", "0231", TWO)), "引落日「0231」", "debit date '0231'");
        assertRejected(write(true, soundFile("1234567890", "0625", List.of(Debit.of(customerNumber(1), 0, '0')))),
                "0円", "amount is 0 yen");
        assertRejected(write(true, soundFile("1234567890", "0625", List.of(Debit.of(customerNumber(1), 10, ' ')))),
                "依頼ファイル", "request file");
        assertRejected(write(true, soundFile("1234567890", "0625", List.of(Debit.of("ｱｲｳ", 10, '0')))),
                "顧客番号", "customer number");
        Path kanji = folder.resolve("kanji.txt");
        String header = header("1234567890", "0625");
        Files.write(kanji, ("1910" + "1234567890" + "千代田区" + header.substring(18, 116) + "\r\n").getBytes(DirectDebitResultFiles.WINDOWS_31J));
        assertRejected(kanji, "1バイトのJIS文字", "not a single-byte JIS X 0201 character");
    }

    @Test
    void anUnknownResultCodeIsReadAndNeverCountsAsDebited() throws IOException {
        List<Debit> debits = List.of(Debit.of(customerNumber(1), 700, '7'));
        List<DirectDebitResultRow> rows = new ArrayList<>();

        DirectDebitResultFile.Totals totals = read(write(true, soundFile("1234567890", "0625", debits)), rows);

        assertThat(rows.get(0).result()).isEqualTo(DirectDebitResultCode.UNKNOWN);
        assertThat(totals.debited()).isZero();
    }

    @Test
    void anEmptyFileIsRefused() throws IOException {
        Path empty = Files.createFile(folder.resolve("empty.txt"));
        assertRejected(empty, "空", "empty");
    }

    @Test
    void aHundredThousandRecordsStreamThroughOneAtATimeAndInASmallHeap() throws Exception {
        int count = 100_000;
        long total = (long) count * (count + 1) / 2;
        long failed = 10L * (count / 10) * (count / 10 + 1) / 2;
        Path big = DirectDebitResultFiles.write(folder.resolve("big.txt"), true, DirectDebitResultFiles.records(
                header("1234567890", "0625"),
                LongStream.rangeClosed(1, count).mapToObj(n -> data(Debit.of(customerNumber(n), n, n % 10 == 0 ? '1' : '0'))),
                trailer(count, total, count - count / 10, total - failed, count / 10, failed), end()));
        AtomicLong sum = new AtomicLong();

        DirectDebitResultFile.Totals totals;
        try (InputStream in = Files.newInputStream(big)) {
            totals = DirectDebitResultFile.read(in, ARRIVAL, row -> sum.addAndGet(row.amount()));
        }

        assertThat(totals.records()).isEqualTo(count);
        assertThat(sum.get()).isEqualTo(total);
        // The file is 12 MB; a JVM of 16 MB heap reads it, which it could not if the file were held.
        assertThat(Files.size(big)).isGreaterThan(12_000_000);
        Process reader = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx16m", "-cp", String.join(java.io.File.pathSeparator, "target/classes", "target/test-classes"),
                ReadInASmallHeap.class.getName(), big.toString()).redirectErrorStream(true).start();
        String output = new String(reader.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        assertThat(reader.waitFor()).as(output).isZero();
        assertThat(output.strip()).isEqualTo(count + " " + total);
    }

    private Path write(boolean lineEnds, List<String> records) {
        return DirectDebitResultFiles.write(folder.resolve("f" + System.nanoTime() + ".txt"), lineEnds, records);
    }

    private static DirectDebitResultFile.Totals read(Path file, List<DirectDebitResultRow> rows) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            return DirectDebitResultFile.read(in, ARRIVAL, rows::add);
        }
    }

    private static void assertRejected(Path file, String japanese, String english) {
        assertThatThrownBy(() -> read(file, new ArrayList<>())).isInstanceOf(FileRejectedException.class)
                .satisfies(e -> {
                    assertThat(((FileRejectedException) e).reasonJa()).contains(japanese);
                    assertThat(((FileRejectedException) e).reasonEn()).contains(english);
                });
    }
}
