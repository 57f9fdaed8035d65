package io.shuno.dailyclose;

import io.shuno.exceptions.ExceptionQueries;
import io.shuno.ledger.SettlementQueries;
import io.shuno.matching.MatchingQueries;
import io.shuno.reconciliation.MunicipalityCode;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Isolation;
import org.springframework.transaction.annotation.Transactional;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Builds the 日計表 from what shuno booked, read in one snapshot so its parts agree with each other. */
@Component
public class DailyClose {

    private final SettlementQueries settlements;
    private final MatchingQueries records;
    private final ExceptionQueries exceptions;

    DailyClose(SettlementQueries settlements, MatchingQueries records, ExceptionQueries exceptions) {
        this.settlements = settlements;
        this.records = records;
        this.exceptions = exceptions;
    }

    @Transactional(readOnly = true, isolation = Isolation.REPEATABLE_READ)
    public DailyCloseReport of(MunicipalityCode municipality, LocalDate businessDate) {
        String code = municipality.value();
        List<DailyCloseReport.Line> lines = settlements.daySums(code, businessDate).stream()
                .map(sum -> new DailyCloseReport.Line(sum.account(), sum.revenueCode(), sum.channel(),
                        brandOf(sum.channel()), sum.kind(), sum.count(), sum.amount())).toList();
        Map<String, DailyCloseReport.Total> totals = new LinkedHashMap<>();
        settlements.kindSums(code, businessDate).forEach(sum ->
                totals.put(sum.kind(), new DailyCloseReport.Total(sum.count(), sum.amount())));
        // 収入 less 戻出 and 還付: a refund pays 過誤納金 back out; its 還付加算金, like a fee, is an expense.
        long net = amount(totals, "REVENUE") + amount(totals, "OVERPAYMENT") + amount(totals, "SUSPENSE")
                - amount(totals, "REVERSAL") - amount(totals, "REFUND");
        List<DailyCloseReport.StatementCheck> statements = records.statementsAgainstSales(code, businessDate)
                .stream().map(s -> new DailyCloseReport.StatementCheck(s.statementId(), s.acquirer(), s.brand(),
                        s.salesCount(), s.grossSales(), s.recordedCount(), s.recordedGross(), s.fee(),
                        s.netDeposit(), s.depositDate(),
                        s.salesCount() == s.recordedCount() && s.grossSales() == s.recordedGross())).toList();
        List<DailyCloseReport.OpenException> open = exceptions.openOnDay(code, businessDate,
                settlements.paymentsReceivedOn(code, businessDate)).stream()
                .map(e -> new DailyCloseReport.OpenException(e.exceptionId(), e.reason(),
                        e.suggestedAction(), e.amount(), e.invoiceId(), e.paymentRef(), e.detail())).toList();
        return new DailyCloseReport(code, businessDate, lines, totals, net, addUp(lines, totals), statements, open);
    }

    /** The control: the lines, summed per kind, give the totals taken on their own. */
    private static boolean addUp(List<DailyCloseReport.Line> lines, Map<String, DailyCloseReport.Total> totals) {
        Map<String, DailyCloseReport.Total> summed = new LinkedHashMap<>();
        for (DailyCloseReport.Line line : lines) {
            summed.merge(line.kind(), new DailyCloseReport.Total(line.count(), line.amount()),
                    (a, b) -> new DailyCloseReport.Total(a.count() + b.count(), a.amount() + b.amount()));
        }
        return summed.equals(totals);
    }

    private static long amount(Map<String, DailyCloseReport.Total> totals, String kind) {
        DailyCloseReport.Total total = totals.get(kind);
        return total == null ? 0 : total.amount();
    }

    private static String brandOf(String channel) {
        return channel.startsWith("COUNTER_") ? channel.substring("COUNTER_".length()) : "";
    }
}
