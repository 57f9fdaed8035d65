package io.shuno.dailyclose;

import io.shuno.platform.ExcelCsv;

import java.nio.charset.StandardCharsets;

/** The 日計表 as CSV for Excel ({@link ExcelCsv}): one section per part, every row with the same columns. */
public final class DailyCloseCsv {

    private static final String HEADER = "区分,会計,款項目節,経路,ブランド,種別,件数,金額,備考";

    private DailyCloseCsv() {
    }

    public static byte[] of(DailyCloseReport report) {
        ExcelCsv csv = new ExcelCsv(HEADER);
        for (DailyCloseReport.Line line : report.lines()) {
            csv.row("明細", line.account(), line.revenueCode(), line.channel(), line.brand(), line.kind(),
                    line.count(), line.amount(), "");
        }
        report.totalsByKind().forEach((kind, total) ->
                csv.row("合計", "", "", "", "", kind, total.count(), total.amount(), ""));
        csv.row("差引収納額", "", "", "", "", "", "", report.netReceived(),
                report.linesAddUpToTotals() ? "明細と合計は一致" : "明細と合計が不一致");
        for (DailyCloseReport.StatementCheck statement : report.acquirerStatements()) {
            csv.row("精算明細", "", "", "", statement.brand(), statement.acquirer(), statement.statementCount(),
                    statement.statementGross(), (statement.matches() ? "一致" : "不一致: 端末 "
                            + statement.recordedCount() + " 件 " + statement.recordedGross() + " 円")
                            + " 手数料 " + statement.fee() + " 円 入金 " + statement.netDeposit() + " 円 ("
                            + statement.depositDate() + ")");
        }
        for (DailyCloseReport.OpenException exception : report.openExceptions()) {
            csv.row("未処理例外", "", "", "", "", exception.reason(), "", exception.amount(), exception.detail());
        }
        return csv.toString().getBytes(StandardCharsets.UTF_8);
    }
}
