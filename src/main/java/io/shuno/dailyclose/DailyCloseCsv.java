package io.shuno.dailyclose;

import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * The 日計表 as CSV for Excel: UTF-8 with a byte-order mark (without it Excel reads Japanese as Shift_JIS
 * garbage), one section per part, every row with the same columns.
 */
public final class DailyCloseCsv {

    /** The byte-order mark that opens every CSV shuno writes for Excel. */
    public static final String BOM = "\uFEFF";
    private static final String HEADER = "区分,会計,款項目節,経路,ブランド,種別,件数,金額,備考";

    private DailyCloseCsv() {
    }

    public static byte[] of(DailyCloseReport report) {
        StringBuilder csv = new StringBuilder(BOM).append(HEADER).append("\r\n");
        for (DailyCloseReport.Line line : report.lines()) {
            row(csv, "明細", line.account(), line.revenueCode(), line.channel(), line.brand(), line.kind(),
                    line.count(), line.amount(), "");
        }
        report.totalsByKind().forEach((kind, total) ->
                row(csv, "合計", "", "", "", "", kind, total.count(), total.amount(), ""));
        row(csv, "差引収納額", "", "", "", "", "", "", report.netReceived(),
                report.linesAddUpToTotals() ? "明細と合計は一致" : "明細と合計が不一致");
        for (DailyCloseReport.StatementCheck statement : report.acquirerStatements()) {
            row(csv, "精算明細", "", "", "", statement.brand(), statement.acquirer(), statement.statementCount(),
                    statement.statementGross(), (statement.matches() ? "一致" : "不一致: 端末 "
                            + statement.recordedCount() + " 件 " + statement.recordedGross() + " 円")
                            + " 手数料 " + statement.fee() + " 円 入金 " + statement.netDeposit() + " 円 ("
                            + statement.depositDate() + ")");
        }
        for (DailyCloseReport.OpenException exception : report.openExceptions()) {
            row(csv, "未処理例外", "", "", "", "", exception.reason(), "", exception.amount(), exception.detail());
        }
        return csv.toString().getBytes(StandardCharsets.UTF_8);
    }

    /** Appends one CSV row of {@code cells}, quoted as Excel needs. */
    public static void row(StringBuilder csv, Object... cells) {
        csv.append(String.join(",", List.of(cells).stream().map(DailyCloseCsv::cell).toList())).append("\r\n");
    }

    /** RFC 4180 quoting; cells starting like a formula are prefixed so Excel shows them as text. */
    private static String cell(Object value) {
        String text = String.valueOf(value);
        if (!text.isEmpty() && "=+-@".indexOf(text.charAt(0)) >= 0 && !(value instanceof Number)) {
            text = "'" + text;
        }
        if (text.contains(",") || text.contains("\"") || text.contains("\n") || text.contains("\r")) {
            return "\"" + text.replace("\"", "\"\"") + "\"";
        }
        return text;
    }
}
