package io.shuno.scenarios;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.shuno.ledger.HeldTotal;
import io.shuno.operations.Actor;
import io.shuno.operations.TreasuryOverview;
import io.shuno.operations.TreasuryOverviews;
import io.shuno.reconciliation.FiscalYear;
import io.shuno.testsupport.ApiClient;
import io.shuno.testsupport.Messages;
import io.shuno.testsupport.ShunoUnderTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A day of Chiyoda's money as the overview and the 日計表 show it: ¥22,000 received — ¥15,000 against a ¥10,000
 * invoice, its 過誤納金 partly appropriated (充当) to the payer's next invoice and the rest refunded (還付), and ¥7,000
 * held in suspense until its invoice arrived and took it. Money that moved is counted once and money refunded is no
 * longer held, so the overview agrees with the daily close to the yen; exceptions that were resolved leave nothing
 * outstanding.
 */
class TestOverviewAgreesWithTheDailyClose {

    @RegisterExtension
    static final ShunoUnderTest shuno = new ShunoUnderTest().running(1);
    private static final ApiClient api = new ApiClient(shuno);
    private static final LocalDate TODAY = LocalDate.now(FiscalYear.TOKYO);

    @Test
    void anAppropriatedAndRefundedOverpaymentAndARematchedSuspenseAreCountedOnceAndLeaveNothingOutstanding() {
        String paidEl = Messages.newElNumber();
        String lateEl = Messages.newElNumber();
        issue(invoice("TT-PAID", paidEl, 10_000));
        issue(invoice("TT-NEXT", null, 3_000));
        pay("TT-N1", "TT-PAY1", paidEl, 15_000);
        String overpayment = awaitException("eltax:TT-PAY1", "OVERPAYMENT");
        assertThat(api.post("treasurer", "/api/v1/exceptions/" + overpayment + "/appropriate",
                "{\"targets\": [\"TT-NEXT\"], \"comment\": \"翌期分へ充当\"}").status()).isEqualTo(200);
        assertThat(outstanding(overpayment)).isEqualTo(2_000);
        // The rest is refunded today: no 還付加算金 runs before a month has passed, so a REFUND alone.
        assertThat(api.post("treasurer", "/api/v1/exceptions/" + overpayment + "/refund",
                "{\"refundReference\": \"KANPU-TT\", \"comment\": \"残額を口座振込\"}").status()).isEqualTo(200);
        pay("TT-N2", "TT-PAY2", lateEl, 7_000);
        String unmatched = awaitException("eltax:TT-PAY2", "UNMATCHED");
        issue(invoice("TT-LATE", lateEl, 7_000));
        awaitSettlements(8);

        long dailyNet = api.get("viewer", "/api/v1/daily-close?municipality=131016&date=" + TODAY,
                "application/json").json().get("netReceived").asLong();
        TreasuryOverview overview = shuno.instance().getBean(TreasuryOverviews.class)
                .of(new Actor("clerk", Set.of(Messages.CHIYODA), false));

        assertThat(dailyNet).isEqualTo(15_000 + 7_000 - 2_000);
        for (List<HeldTotal> totals : List.of(overview.todayTotals(), overview.fiscalYearTotals())) {
            assertThat(totals.stream().mapToLong(HeldTotal::amount).sum()).isEqualTo(dailyNet);
            assertThat(byKind(totals)).isEqualTo(Map.of("REVENUE", 10_000L + 3_000 + 7_000));
        }
        assertThat(outstanding(overpayment)).isZero();
        assertThat(exception(overpayment).get("status").asText()).isEqualTo("RESOLVED");
        assertThat(outstanding(unmatched)).isZero();
        assertThat(exception(unmatched).get("status").asText()).isEqualTo("RESOLVED");
    }

    @Test
    void aClosedConflictingDuplicateLeavesNothingOutstanding() {
        issue(invoice("TT-DUP", null, 1_000));
        shuno.kafka().send(shuno.topic("invoice-events"), "TT-DUP", invoice("TT-DUP", null, 39_000).toString());
        String sql = "select exception_id::text from staff_exceptions where invoice_id = 'TT-DUP'";
        await().atMost(Duration.ofSeconds(30)).until(() -> shuno.database().queryForList(sql, String.class).size() == 1);
        String duplicate = shuno.database().queryForObject(sql, String.class);
        assertThat(exception(duplicate).get("reason").asText()).isEqualTo("CONFLICTING_DUPLICATE");
        assertThat(outstanding(duplicate)).isEqualTo(39_000);

        assertThat(api.post("treasurer", "/api/v1/exceptions/" + duplicate + "/close",
                "{\"comment\": \"送信元の誤送信を確認\"}").status()).isEqualTo(200);

        assertThat(outstanding(duplicate)).isZero();
        assertThat(api.get("viewer", "/api/v1/exceptions?reason=CONFLICTING_DUPLICATE&status=RESOLVED").json()
                .get("items")).allSatisfy(item -> assertThat(item.get("outstanding").asLong()).isZero());
    }

    @Test
    void anAssessedLateChargeLeavesNothingOutstandingOnceClosed() {
        String el = Messages.newElNumber();
        // Due 2025-10-31, paid 2026-03-31: 延滞金 of ¥21,000 on 1,000,000 (see TestPaymentOutcomes); a past year's
        // payment, so today's and this year's totals above stay as they are.
        issue(Messages.with(Messages.with(Messages.issued("TL-INV", el, 1_000_000), "dueDate", "2025-10-31"),
                "fiscalYear", 2025));
        shuno.kafka().send(shuno.topic("eltax-notices"), "TL-PAY", Messages.with(
                Messages.confirmed("TL-N", "TL-PAY", el, 1_000_000), "paidAt", "2026-03-31T12:00:00+09:00").toString());
        String lateCharge = awaitException("eltax:TL-PAY", "LATE_CHARGE_DUE");
        assertThat(outstanding(lateCharge)).isEqualTo(21_000);

        assertThat(api.post("treasurer", "/api/v1/exceptions/" + lateCharge + "/close",
                "{\"comment\": \"延滞金を調定済み\"}").status()).isEqualTo(200);

        assertThat(outstanding(lateCharge)).isZero();
    }

    /** An invoice of this fiscal year, due in a month, so that paying it today is neither late nor of another year. */
    private static ObjectNode invoice(String invoiceId, String elNumber, long amount) {
        ObjectNode invoice = Messages.issued(invoiceId, elNumber, amount);
        invoice.put("payerId", "P-TT").put("fiscalYear", FiscalYear.containing(TODAY).year())
                .put("dueDate", TODAY.plusMonths(1).toString());
        return invoice;
    }

    private static void issue(ObjectNode event) {
        shuno.kafka().send(shuno.topic("invoice-events"), event.get("invoiceId").asText(), event.toString());
        shuno.awaitInvoice(event.get("invoiceId").asText());
    }

    private static void pay(String noticeId, String paymentId, String el, long amount) {
        ObjectNode notice = Messages.confirmed(noticeId, paymentId, el, amount);
        notice.put("paidAt", TODAY + "T00:00:00+09:00");
        shuno.kafka().send(shuno.topic("eltax-notices"), paymentId, notice.toString());
    }

    private static String awaitException(String paymentRef, String reason) {
        String sql = "select exception_id::text from staff_exceptions where payment_ref = ? and reason = ?";
        await().atMost(Duration.ofSeconds(30)).until(() ->
                shuno.database().queryForList(sql, String.class, paymentRef, reason).size() == 1);
        return shuno.database().queryForObject(sql, String.class, paymentRef, reason);
    }

    private static void awaitSettlements(long expected) {
        await().atMost(Duration.ofSeconds(30)).until(() -> shuno.database().queryForObject(
                "select count(*) from settlements where payment_ref like 'eltax:TT-%'", Long.class) == expected);
    }

    private static Map<String, Long> byKind(List<HeldTotal> totals) {
        return totals.stream().collect(Collectors.groupingBy(HeldTotal::kind,
                Collectors.summingLong(HeldTotal::amount)));
    }

    private static JsonNode exception(String exceptionId) {
        return api.get("viewer", "/api/v1/exceptions/" + exceptionId).json().get("exception");
    }

    private static long outstanding(String exceptionId) {
        return exception(exceptionId).get("outstanding").asLong();
    }
}
