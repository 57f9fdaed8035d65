package io.shuno.dailyclose;

import io.shuno.reconciliation.ExceptionReason;
import io.shuno.reconciliation.SuggestedAction;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * 日計表: everything settled for one municipality on one business day (収納日), grouped by account, revenue code,
 * channel, brand and kind; control totals taken separately from the same settlements; the acquirers' statements of
 * the day against the sales shuno recorded; and the exceptions still open that were raised that day or concern
 * a payment received that day.
 */
public record DailyCloseReport(
        String municipalityCode,
        LocalDate businessDate,
        List<Line> lines,
        Map<String, Total> totalsByKind,
        long netReceived,
        boolean linesAddUpToTotals,
        List<StatementCheck> acquirerStatements,
        List<OpenException> openExceptions) {

    /** One group of settlements. {@code brand} is empty for eLTAX channels. */
    public record Line(String account, String revenueCode, String channel, String brand, String kind, long count,
                       long amount) {
    }

    public record Total(long count, long amount) {
    }

    /** An acquirer's statement beside what shuno recorded for that day and brand. */
    public record StatementCheck(String statementId, String acquirer, String brand, long statementCount,
                                 long statementGross, long recordedCount, long recordedGross, long fee,
                                 long netDeposit, LocalDate depositDate, boolean matches) {
    }

    public record OpenException(String exceptionId, ExceptionReason reason, SuggestedAction suggestedAction,
                                long amount, String invoiceId, String paymentRef, String detail) {
    }
}
