package io.shuno.files;

import io.shuno.reconciliation.ConvenienceBarcode;
import io.shuno.reconciliation.InvalidIdentifierException;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.regex.Pattern;

/**
 * Reads a collection agency's notification file: CSV in Shift_JIS (windows-31j), CR LF, no header row, 13 columns —
 * 種別, 収納日, 収納時刻, barcode, ユーザー使用欄1/2, 印紙フラグ, 金額, コンビニ本部コード, コンビニ名, 店舗コード, 振込日,
 * データ作成日. It streams, one line in memory at a time, and hands each row over as it goes; a row that is not
 * sound ends the reading with a {@link FileRejectedException} naming its line. Callers that must not act on a partly
 * sound file read it twice: once to check it, once to act.
 */
public final class ConvenienceStoreNoticeFile {

    static final int COLUMNS = 13;
    /** Far beyond any real row: a longer line is not this file, and must not fill the memory. */
    private static final int MAX_LINE_BYTES = 4096;
    private static final Charset WINDOWS_31J = Charset.forName("windows-31j");
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("uuuuMMdd")
            .withResolverStyle(ResolverStyle.STRICT);
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HHmm")
            .withResolverStyle(ResolverStyle.STRICT);
    private static final Pattern AMOUNT = Pattern.compile("[0-9]{1,9}");
    private static final Pattern CHAIN_CODE = Pattern.compile("[0-9]{3}");
    private static final Pattern STORE_CODE = Pattern.compile("[0-9A-Za-z-]{1,20}");
    private static final Pattern NO_DATE = Pattern.compile("0+");

    /** What a sound file holds: its rows and their amounts by kind. */
    public record Totals(int rows, long preliminaryAmount, long confirmedAmount, long cancelledAmount) {
        Totals plus(ConvenienceStoreNoticeRow row) {
            return new Totals(rows + 1,
                    preliminaryAmount + (row.kind() == ConvenienceStoreNoticeKind.PRELIMINARY ? row.amount() : 0),
                    confirmedAmount + (row.kind() == ConvenienceStoreNoticeKind.CONFIRMED ? row.amount() : 0),
                    cancelledAmount + (row.kind() == ConvenienceStoreNoticeKind.CANCELLED ? row.amount() : 0));
        }
    }

    private ConvenienceStoreNoticeFile() {
    }

    /** Reads the whole file, handing each row to {@code rows} in file order; blank lines are skipped. */
    public static Totals read(InputStream input, Consumer<ConvenienceStoreNoticeRow> rows) {
        BufferedInputStream in = new BufferedInputStream(input, 1 << 16);
        ByteArrayOutputStream line = new ByteArrayOutputStream(256);
        Totals totals = new Totals(0, 0, 0, 0);
        int lineNumber = 0;
        try {
            boolean more = true;
            while (more) {
                line.reset();
                int b;
                while ((b = in.read()) >= 0 && b != '\n') {
                    if (line.size() == MAX_LINE_BYTES) {
                        throw new FileRejectedException((lineNumber + 1) + "行目が長すぎます（" + MAX_LINE_BYTES + "バイト超）",
                                "line " + (lineNumber + 1) + " is longer than " + MAX_LINE_BYTES + " bytes");
                    }
                    line.write(b);
                }
                more = b >= 0;
                lineNumber++;
                String text = decode(line.toByteArray(), lineNumber);
                if (!text.isBlank()) {
                    ConvenienceStoreNoticeRow row = row(text, lineNumber);
                    totals = totals.plus(row);
                    rows.accept(row);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (totals.rows() == 0) {
            throw new FileRejectedException("ファイルに明細行がありません", "the file has no rows");
        }
        return totals;
    }

    private static String decode(byte[] bytes, int lineNumber) {
        int length = bytes.length > 0 && bytes[bytes.length - 1] == '\r' ? bytes.length - 1 : bytes.length;
        try {
            return WINDOWS_31J.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes, 0, length)).toString();
        } catch (CharacterCodingException e) {
            throw new FileRejectedException(lineNumber + "行目が Shift_JIS として読めません",
                    "line " + lineNumber + " is not Shift_JIS (windows-31j)");
        }
    }

    private static ConvenienceStoreNoticeRow row(String text, int lineNumber) {
        List<String> columns = columns(text, lineNumber);
        if (columns.size() != COLUMNS) {
            throw rejected(lineNumber, "列の数が" + columns.size() + "です（" + COLUMNS + "列のはず）",
                    "has " + columns.size() + " columns instead of " + COLUMNS);
        }
        ConvenienceStoreNoticeKind kind = ConvenienceStoreNoticeKind.of(columns.get(0)).orElseThrow(() -> rejected(
                lineNumber, "種別「" + columns.get(0) + "」は 01 速報・02 確報・03 速報取消 のいずれでもありません",
                "kind '" + columns.get(0) + "' is none of 01, 02, 03"));
        LocalDate paidOn = date(columns.get(1), lineNumber, "収納日", "payment date");
        LocalTime paidTime = parse(columns.get(2), TIME, lineNumber, "収納時刻", "payment time", LocalTime::from);
        ConvenienceBarcode barcode = barcode(columns.get(3), lineNumber);
        String amount = columns.get(7);
        if (!AMOUNT.matcher(amount).matches() || Long.parseLong(amount) == 0) {
            throw rejected(lineNumber, "金額「" + amount + "」は1円以上の整数ではありません", "amount '" + amount + "' is not a whole number of yen above 0");
        }
        String chainCode = columns.get(8);
        if (!CHAIN_CODE.matcher(chainCode).matches()) {
            throw rejected(lineNumber, "コンビニ本部コード「" + chainCode + "」は3桁の数字ではありません", "chain code '" + chainCode + "' is not 3 digits");
        }
        String chainName = ConvenienceChain.knownName(chainCode).orElse(columns.get(9).strip());
        String storeCode = columns.get(10);
        if (!STORE_CODE.matcher(storeCode).matches()) {
            throw rejected(lineNumber, "店舗コードが空か、英数字以外を含んでいます", "the store code is blank or not letters and digits");
        }
        Optional<LocalDate> transferDate = NO_DATE.matcher(columns.get(11)).matches() || columns.get(11).isEmpty()
                ? Optional.empty() : Optional.of(date(columns.get(11), lineNumber, "振込日", "transfer date"));
        LocalDate createdOn = date(columns.get(12), lineNumber, "データ作成日", "creation date");
        return new ConvenienceStoreNoticeRow(lineNumber, kind, LocalDateTime.of(paidOn, paidTime), barcode,
                Long.parseLong(amount), chainCode, chainName, storeCode, transferDate, createdOn);
    }

    /** The 44 digits after whatever marker the agency put before them (e.g. EAN). */
    private static ConvenienceBarcode barcode(String column, int lineNumber) {
        int firstDigit = 0;
        while (firstDigit < column.length() && !Character.isDigit(column.charAt(firstDigit))) {
            firstDigit++;
        }
        try {
            return new ConvenienceBarcode(column.substring(firstDigit));
        } catch (InvalidIdentifierException e) {
            throw rejected(lineNumber, "バーコードが正しくありません（44桁・AI 91・チェックデジットを確認してください）",
                    "barcode: " + e.getMessage());
        }
    }

    private static LocalDate date(String column, int lineNumber, String nameJa, String nameEn) {
        return parse(column, DATE, lineNumber, nameJa, nameEn, LocalDate::from);
    }

    private static <T> T parse(String column, DateTimeFormatter format, int lineNumber, String nameJa, String nameEn,
                               java.time.temporal.TemporalQuery<T> query) {
        try {
            return format.parse(column, query);
        } catch (DateTimeParseException e) {
            throw rejected(lineNumber, nameJa + "「" + column + "」は日付・時刻として読めません",
                    nameEn + " '" + column + "' is not a valid " + (format == TIME ? "HHMM" : "YYYYMMDD"));
        }
    }

    /** Comma-separated columns; a column may be quoted ("…", with "" for a quote), as spreadsheet exports do. */
    private static List<String> columns(String text, int lineNumber) {
        List<String> columns = new ArrayList<>(COLUMNS);
        StringBuilder column = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < text.length() && text.charAt(i + 1) == '"') {
                    column.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    column.append(c);
                }
            } else if (c == '"') {
                quoted = true;
            } else if (c == ',') {
                columns.add(column.toString());
                column.setLength(0);
            } else {
                column.append(c);
            }
        }
        if (quoted) {
            throw rejected(lineNumber, "引用符が閉じていません", "has an unclosed quote");
        }
        columns.add(column.toString());
        return columns;
    }

    private static FileRejectedException rejected(int lineNumber, String reasonJa, String reasonEn) {
        return new FileRejectedException(lineNumber + "行目: " + reasonJa, "line " + lineNumber + ": " + reasonEn);
    }
}
