package io.shuno.files;

import io.shuno.testsupport.ConvenienceStoreNoticeFiles;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static io.shuno.testsupport.ConvenienceStoreNoticeFiles.barcode;
import static io.shuno.testsupport.ConvenienceStoreNoticeFiles.row;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ConvenienceStoreNoticeFileTest {

    private static final String BARCODE = barcode("0000000000000042", 3100).value();

    @TempDir
    Path folder;

    @Test
    void preliminaryConfirmedAndCancelledRowsInShiftJis() throws IOException {
        Path file = write(
                row("01", "20260614", "1942", BARCODE, 3100, "010", "ｾﾌﾞﾝｲﾚﾌﾞﾝ", "123456", "0", "20260615"),
                row("02", "20260614", "1942", "EAN" + BARCODE, 3100, "020", "ローソン", "A-77", "20260624", "20260622"),
                row("03", "20260614", "1942", BARCODE, 3100, "999", "新しいチェーン", "9", "00000000", "20260616"));
        List<ConvenienceStoreNoticeRow> rows = new ArrayList<>();

        ConvenienceStoreNoticeFile.Totals totals = read(file, rows);

        assertThat(totals).isEqualTo(new ConvenienceStoreNoticeFile.Totals(3, 3100, 3100, 3100));
        assertThat(rows.get(0).kind()).isEqualTo(ConvenienceStoreNoticeKind.PRELIMINARY);
        assertThat(rows.get(0).paidAt()).isEqualTo(LocalDateTime.of(2026, 6, 14, 19, 42));
        assertThat(rows.get(0).chainName()).isEqualTo("セブン-イレブン");
        assertThat(rows.get(0).transferDate()).isEmpty();
        assertThat(rows.get(1).barcode().value()).isEqualTo(BARCODE);
        assertThat(rows.get(1).transferDate()).isEqualTo(Optional.of(LocalDate.of(2026, 6, 24)));
        assertThat(rows.get(1).storeCode()).isEqualTo("A-77");
        assertThat(rows.get(2).kind()).isEqualTo(ConvenienceStoreNoticeKind.CANCELLED);
        assertThat(rows.get(2).chainName()).isEqualTo("新しいチェーン");
        assertThat(rows.get(2).transferDate()).isEmpty();
    }

    @Test
    void eachBrokenRowIsRefusedNamingItsLine() throws IOException {
        String good = row("01", "20260614", "1942", BARCODE, 3100, "010", "x", "1", "0", "20260615");
        String wrongCheck = BARCODE.substring(0, 43) + (char) ('0' + (BARCODE.charAt(43) - '0' + 1) % 10);
        assertRejected(write(good, row("01", "20260614", "1942", wrongCheck, 3100, "010", "x", "1", "0", "20260615")),
                "2行目: バーコード", "line 2: barcode: convenience-store barcode check digit");
        assertRejected(write(good, good.replace(",20260615", "")), "列の数が12", "12 columns instead of 13");
        assertRejected(write("04" + good.substring(2)), "種別「04」", "kind '04'");
        assertRejected(write(good.replace("20260614", "20260631")), "収納日", "payment date '20260631'");
        assertRejected(write(good.replace(",1942,", ",2460,")), "収納時刻", "payment time '2460'");
        assertRejected(write(row("01", "20260614", "1942", BARCODE, 0, "010", "x", "1", "0", "20260615")),
                "金額", "amount '0'");
        assertRejected(write(row("01", "20260614", "1942", BARCODE, 3100, "10", "x", "1", "0", "20260615")),
                "コンビニ本部コード", "chain code '10'");
        assertRejected(write(row("01", "20260614", "1942", BARCODE, 3100, "010", "x", "", "0", "20260615")),
                "店舗コード", "store code");
        assertRejected(write(row("01", "20260614", "1942", BARCODE, 3100, "010", "x", "1", "2026-06-24", "20260615")),
                "振込日", "transfer date");
    }

    @Test
    void bytesThatAreNotShiftJisAreRefused() throws IOException {
        // Latin-1 é is a Shift_JIS lead byte, and the comma after it no trail byte.
        Path file = folder.resolve("latin1.csv");
        Files.write(file, (row("01", "20260614", "1942", BARCODE, 3100, "020", "Café", "1", "0", "20260615") + "\r\n")
                .getBytes(java.nio.charset.StandardCharsets.ISO_8859_1));
        assertRejected(file, "Shift_JIS", "not Shift_JIS");
    }

    @Test
    void aFileWithoutRowsIsRefused() throws IOException {
        assertRejected(Files.write(folder.resolve("blank.csv"), new byte[] {'\r', '\n'}), "明細行がありません", "no rows");
    }

    private Path write(String... rows) {
        return ConvenienceStoreNoticeFiles.write(folder.resolve("n" + System.nanoTime() + ".csv"), List.of(rows));
    }

    private static ConvenienceStoreNoticeFile.Totals read(Path file, List<ConvenienceStoreNoticeRow> rows)
            throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            return ConvenienceStoreNoticeFile.read(in, rows::add);
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
