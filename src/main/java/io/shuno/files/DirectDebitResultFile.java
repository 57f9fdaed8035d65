package io.shuno.files;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.MonthDay;
import java.util.function.Consumer;

/**
 * Reads a 全銀協 預金口座振替 result file (種別 91): 120-byte records of single-byte JIS X 0201 (as windows-31j decodes
 * it), each followed by CR LF or none at all, in groups of header (1), data (2…) and trailer (8), closed by one end
 * record (9). It streams — one record in memory at a time — and hands each data record over as it goes; anything
 * unsound (length, line ends, characters, order, a field, a trailer total) ends the reading with a
 * {@link FileRejectedException} naming the record. Callers that must not act on a partly sound file read it twice:
 * once to check it, once to act.
 */
public final class DirectDebitResultFile {

    static final int RECORD_LENGTH = 120;
    private static final Charset WINDOWS_31J = Charset.forName("windows-31j");
    private static final int EBCDIC_ONE = 0xF1;
    private static final int DOS_END_OF_FILE = 0x1A;

    /** What a sound file holds: its 1…8 groups, its data records, and how many of them moved how much money. */
    public record Totals(int groups, int records, long amount, int debited, long debitedAmount) {
    }

    private enum Expecting { HEADER, DATA_OR_TRAILER, HEADER_OR_END, NOTHING }

    private enum LineEnds { CR_LF, NONE }

    private final BufferedInputStream in;
    private final LocalDate arrival;
    private final byte[] record = new byte[RECORD_LENGTH];
    private int recordNumber;
    private LineEnds lineEnds;
    private Expecting expecting = Expecting.HEADER;
    private String consignorCode;
    private LocalDate debitDate;
    private final Group group = new Group();
    private Totals totals = new Totals(0, 0, 0, 0, 0);

    private DirectDebitResultFile(InputStream input, LocalDate arrival) {
        this.in = new BufferedInputStream(input, 1 << 16);
        this.arrival = arrival;
    }

    /**
     * Reads the whole file, handing each data record to {@code rows} in file order; the 引落日's year is the one
     * nearest to {@code arrival}. Returns the file's totals once every trailer agreed with its records.
     */
    public static Totals read(InputStream input, LocalDate arrival, Consumer<DirectDebitResultRow> rows) {
        try {
            return new DirectDebitResultFile(input, arrival).readAll(rows);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private Totals readAll(Consumer<DirectDebitResultRow> rows) throws IOException {
        while (nextRecord()) {
            String text = new String(record, WINDOWS_31J);
            switch (text.charAt(0)) {
                case '1' -> header(text);
                case '2' -> rows.accept(data(text));
                case '8' -> trailer(text);
                case '9' -> end();
                default -> throw rejected("レコード" + recordNumber + "のデータ区分「" + text.charAt(0) + "」は 1, 2, 8, 9 のいずれでもありません",
                        "record " + recordNumber + ": data kind '" + text.charAt(0) + "' is none of 1, 2, 8, 9");
            }
        }
        if (recordNumber == 0) {
            throw new FileRejectedException("ファイルが空です", "the file is empty");
        }
        if (expecting != Expecting.NOTHING) {
            throw new FileRejectedException("エンドレコード（データ区分9）がないままファイルが終わっています",
                    "the file ends without its end record (data kind 9)");
        }
        return totals;
    }

    /** The next 120 bytes into {@link #record}, checked for length, characters and the line end after them. */
    private boolean nextRecord() throws IOException {
        int read = in.readNBytes(record, 0, RECORD_LENGTH);
        if (read == 0 || (read == 1 && record[0] == DOS_END_OF_FILE && in.read() < 0)) {
            return false;
        }
        recordNumber++;
        if (recordNumber == 1 && (record[0] & 0xFF) == EBCDIC_ONE) {
            throw new FileRejectedException("EBCDIC のファイルは受け付けません（コード区分1）。JIS で送り直すよう銀行に依頼してください",
                    "an EBCDIC file (code kind 1) is refused: ask the bank for the JIS file");
        }
        for (int i = 0; i < read; i++) {
            int b = record[i] & 0xFF;
            if (b == '\r' || b == '\n') {
                throw rejected("レコード" + recordNumber + "が120バイトより短く、" + (i + 1) + "バイト目で改行しています",
                        "record " + recordNumber + " is shorter than 120 bytes: its line ends at byte " + (i + 1));
            }
            if (!(b >= 0x20 && b <= 0x7E) && !(b >= 0xA1 && b <= 0xDF)) {
                throw rejected("レコード" + recordNumber + "の" + (i + 1) + "バイト目は1バイトのJIS文字（英数字・半角カナ）ではありません",
                        "record " + recordNumber + ", byte " + (i + 1) + " is not a single-byte JIS X 0201 character");
            }
        }
        if (read < RECORD_LENGTH) {
            throw rejected("最後のレコード" + recordNumber + "が" + read + "バイトしかありません（120バイト固定長）",
                    "the last record, " + recordNumber + ", has " + read + " bytes instead of 120");
        }
        readLineEnd();
        return true;
    }

    /** CR LF after every record, or nothing after any: a file does not mix them, and LF or CR alone is not 全銀. */
    private void readLineEnd() throws IOException {
        in.mark(2);
        int first = in.read();
        int second = in.read();
        if (first == '\r' && second == '\n') {
            if (lineEnds == LineEnds.NONE) {
                throw rejected("レコード" + recordNumber + "の後にだけ改行があります（改行なしのファイルに混在）",
                        "record " + recordNumber + " is followed by CR LF in a file without line ends");
            }
            lineEnds = LineEnds.CR_LF;
        } else if (first == '\r' || first == '\n') {
            throw rejected("レコード" + recordNumber + "の改行が CR LF ではありません（LF または CR のみ）",
                    "record " + recordNumber + " ends with " + (first == '\n' ? "LF" : "CR") + " alone instead of CR LF");
        } else {
            in.reset();
            if (lineEnds == LineEnds.CR_LF && first >= 0 && first != DOS_END_OF_FILE) {
                throw rejected("レコード" + recordNumber + "が120バイトより長くなっています",
                        "record " + recordNumber + " is longer than 120 bytes");
            }
            if (first >= 0 && first != DOS_END_OF_FILE) {
                lineEnds = LineEnds.NONE;
            }
        }
    }

    private void header(String text) {
        expect(expecting == Expecting.HEADER || expecting == Expecting.HEADER_OR_END, "ヘッダーレコード", "a header record");
        if (!text.startsWith("91", 1)) {
            throw rejected("種別コード「" + text.substring(1, 3) + "」は口座振替（91）ではありません",
                    "record " + recordNumber + ": kind code '" + text.substring(1, 3) + "' is not direct debit (91)");
        }
        if (text.charAt(3) == '1') {
            throw new FileRejectedException("EBCDIC のファイルは受け付けません（コード区分1）。JIS で送り直すよう銀行に依頼してください",
                    "an EBCDIC file (code kind 1) is refused: ask the bank for the JIS file");
        }
        if (text.charAt(3) != '0') {
            throw rejected("レコード" + recordNumber + "のコード区分「" + text.charAt(3) + "」は0（JIS）ではありません",
                    "record " + recordNumber + ": code kind '" + text.charAt(3) + "' is not 0 (JIS)");
        }
        consignorCode = digits(text, 5, 14, "委託者コード", "consignor code");
        String mmdd = digits(text, 55, 58, "引落日", "debit date");
        try {
            debitDate = DebitDateYear.nearest(MonthDay.of(Integer.parseInt(mmdd.substring(0, 2)),
                    Integer.parseInt(mmdd.substring(2))), arrival);
        } catch (DateTimeException e) {
            throw rejected("レコード" + recordNumber + "の引落日「" + mmdd + "」は日付ではありません",
                    "record " + recordNumber + ": debit date '" + mmdd + "' is not a date");
        }
        group.clear();
        expecting = Expecting.DATA_OR_TRAILER;
    }

    private DirectDebitResultRow data(String text) {
        expect(expecting == Expecting.DATA_OR_TRAILER, "データレコード", "a data record");
        String bankCode = digits(text, 2, 5, "引落銀行番号", "bank code");
        String branchCode = digits(text, 21, 23, "引落支店番号", "branch code");
        long amount = Long.parseLong(digits(text, 81, 90, "引落金額", "amount"));
        if (amount == 0) {
            throw rejected("レコード" + recordNumber + "の引落金額が0円です", "record " + recordNumber + ": the amount is 0 yen");
        }
        String customerNumber = text.substring(91, 111);
        if (customerNumber.isBlank() || !customerNumber.chars().allMatch(c -> (c >= '0' && c <= '9') || (c >= 'A' && c <= 'Z') || c == ' ')) {
            throw rejected("レコード" + recordNumber + "の顧客番号が空か、英数字以外を含んでいます",
                    "record " + recordNumber + ": the customer number is blank or not digits and capitals");
        }
        char resultCode = text.charAt(111);
        if (resultCode == ' ') {
            throw rejected("レコード" + recordNumber + "の振替結果コードが空です。振替結果ではなく依頼ファイルではありませんか",
                    "record " + recordNumber + ": no result code: is this the request file rather than the bank's result?");
        }
        if (resultCode < '0' || resultCode > '9') {
            throw rejected("レコード" + recordNumber + "の振替結果コード「" + resultCode + "」は数字ではありません",
                    "record " + recordNumber + ": result code '" + resultCode + "' is not a digit");
        }
        DirectDebitResultRow row = new DirectDebitResultRow(recordNumber, consignorCode, debitDate, bankCode, branchCode,
                amount, customerNumber, resultCode);
        group.add(row);
        return row;
    }

    private void trailer(String text) {
        expect(expecting == Expecting.DATA_OR_TRAILER, "トレーラーレコード", "a trailer record");
        group.mustAgree(recordNumber,
                Long.parseLong(digits(text, 2, 7, "合計件数", "total count")),
                Long.parseLong(digits(text, 8, 19, "合計金額", "total amount")),
                Long.parseLong(digits(text, 20, 25, "振替済件数", "debited count")),
                Long.parseLong(digits(text, 26, 37, "振替済金額", "debited amount")),
                Long.parseLong(digits(text, 38, 43, "振替不能件数", "failed count")),
                Long.parseLong(digits(text, 44, 55, "振替不能金額", "failed amount")));
        totals = new Totals(totals.groups() + 1, totals.records() + group.count, totals.amount() + group.amount,
                totals.debited() + group.debitedCount, totals.debitedAmount() + group.debitedAmount);
        expecting = Expecting.HEADER_OR_END;
    }

    private void end() {
        expect(expecting == Expecting.HEADER_OR_END, "エンドレコード", "an end record");
        expecting = Expecting.NOTHING;
    }

    private void expect(boolean inOrder, String kindJa, String kindEn) {
        if (expecting == Expecting.NOTHING) {
            throw rejected("エンドレコードの後にレコード" + recordNumber + "があります",
                    "record " + recordNumber + " follows the end record");
        }
        if (!inOrder) {
            String expectedJa = switch (expecting) {
                case HEADER -> "ヘッダーレコード（1）";
                case DATA_OR_TRAILER -> "データレコード（2）かトレーラーレコード（8）";
                default -> "ヘッダーレコード（1）かエンドレコード（9）";
            };
            String expectedEn = switch (expecting) {
                case HEADER -> "a header record (1)";
                case DATA_OR_TRAILER -> "a data record (2) or a trailer record (8)";
                default -> "a header record (1) or the end record (9)";
            };
            throw rejected("レコードの順序が違います: レコード" + recordNumber + "は" + kindJa + "ですが、" + expectedJa + "が来るはずです",
                    "records out of order: record " + recordNumber + " is " + kindEn + " where " + expectedEn + " belongs");
        }
    }

    /** The field at 1-based positions {@code from}–{@code to} (inclusive), which must be all digits. */
    private String digits(String text, int from, int to, String nameJa, String nameEn) {
        String field = text.substring(from - 1, to);
        if (!field.chars().allMatch(c -> c >= '0' && c <= '9')) {
            throw rejected("レコード" + recordNumber + "の" + nameJa + "（" + from + "〜" + to + "桁目）が数字ではありません",
                    "record " + recordNumber + ": " + nameEn + " (positions " + from + "-" + to + ") is not all digits");
        }
        return field;
    }

    private static FileRejectedException rejected(String reasonJa, String reasonEn) {
        return new FileRejectedException(reasonJa, reasonEn);
    }

    /** The data records of one 1…8 group, summed as its trailer must state them. */
    private static final class Group {
        int count;
        long amount;
        int debitedCount;
        long debitedAmount;

        void clear() {
            count = 0;
            amount = 0;
            debitedCount = 0;
            debitedAmount = 0;
        }

        void add(DirectDebitResultRow row) {
            count++;
            amount += row.amount();
            if (row.result().moneyMoved()) {
                debitedCount++;
                debitedAmount += row.amount();
            }
        }

        void mustAgree(int trailer, long statedCount, long statedAmount, long statedDebitedCount,
                       long statedDebitedAmount, long statedFailedCount, long statedFailedAmount) {
            agree(trailer, "合計件数", "total count", statedCount, count);
            agree(trailer, "合計金額", "total amount", statedAmount, amount);
            agree(trailer, "振替済件数", "debited count", statedDebitedCount, debitedCount);
            agree(trailer, "振替済金額", "debited amount", statedDebitedAmount, debitedAmount);
            agree(trailer, "振替不能件数", "failed count", statedFailedCount, count - debitedCount);
            agree(trailer, "振替不能金額", "failed amount", statedFailedAmount, amount - debitedAmount);
        }

        private static void agree(int trailer, String nameJa, String nameEn, long stated, long counted) {
            if (stated != counted) {
                throw rejected("トレーラー（レコード" + trailer + "）の" + nameJa + "は" + stated + "ですが、データレコードの集計は" + counted + "です",
                        "trailer (record " + trailer + "): " + nameEn + " states " + stated + " but the data records add up to " + counted);
            }
        }
    }
}
