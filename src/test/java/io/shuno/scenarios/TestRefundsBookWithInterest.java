package io.shuno.scenarios;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.shuno.testsupport.ApiClient;
import io.shuno.testsupport.DashboardSession;
import io.shuno.testsupport.Messages;
import io.shuno.testsupport.ShunoUnderTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.StreamSupport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * 還付 as a ledger act, over HTTP and Kafka on 2026-11-30: staff preview the refund with its computed 還付加算金,
 * confirm the figure they saw, and the ledger receives the liability paid out and the interest; partial refunds
 * keep their remainder, repeats book once, lapsed claims are refused, and the day's payout list goes to the payment
 * system.
 */
class TestRefundsBookWithInterest {

    @RegisterExtension
    static final ShunoUnderTest shuno = new ShunoUnderTest()
            .withClockAt(OffsetDateTime.parse("2026-11-30T10:00:00+09:00")).running(1);
    private static final ApiClient api = new ApiClient(shuno);

    @Test
    void aDoublePaymentIsRefundedInTwoPartsWithTheInterestStaffSawAndBookedOnce() {
        String exceptionId = paidTwice("RI", 480_000, "2026-06-20");
        String path = "/api/v1/exceptions/" + exceptionId;

        // 誤納 paid 2026-06-20: interest from 2026-07-21 through today, 133 days at 1.3 %.
        JsonNode preview = api.get("viewer", path + "/refund-preview").json();
        assertThat(preview.get("amount").asLong()).isEqualTo(480_000);
        assertThat(preview.at("/interest/amount").asLong()).isEqualTo(2_200);   // 2,273.75 → 2,200
        assertThat(preview.at("/interest/from").asText()).isEqualTo("2026-07-21");
        assertThat(preview.at("/interest/to").asText()).isEqualTo("2026-11-30");
        assertThat(preview.at("/interest/segments/0/days").asLong()).isEqualTo(133);
        assertThat(preview.get("refundLapsesOn").asText()).isEqualTo("2028-06-20");
        assertThat(api.get("viewer", path).json().at("/exception/refundLapsesOn").asText()).isEqualTo("2028-06-20");

        ApiClient.Response otherFigure = api.post("treasurer", path + "/refund",
                "{\"refundReference\": \"KANPU-1\", \"interest\": 2300, \"comment\": \"口座振込\"}");
        assertThat(otherFigure.status()).isEqualTo(409);
        assertThat(otherFigure.json().get("detail").asText()).contains("2200");

        // 200,000 first: 947.39 yen of interest is under ¥1,000, so nothing.
        JsonNode partialPreview = api.get("viewer", path + "/refund-preview?amount=200000").json();
        assertThat(partialPreview.at("/interest/amount").asLong()).isZero();
        assertThat(partialPreview.at("/interest/basis").asText()).isEqualTo("INTEREST_UNDER_MINIMUM");
        ApiClient.Response partial = api.post("treasurer", path + "/refund",
                "{\"refundReference\": \"KANPU-1\", \"amount\": 200000, \"interest\": 0, \"comment\": \"一部を口座振込\"}");
        assertThat(partial.status()).isEqualTo(200);
        assertThat(partial.json().at("/exception/status").asText()).isEqualTo("OPEN");
        assertThat(partial.json().at("/exception/outstanding").asLong()).isEqualTo(280_000);
        assertThat(api.post("treasurer", path + "/refund",
                "{\"refundReference\": \"KANPU-2\", \"amount\": 280001, \"comment\": \"口座振込\"}").status()).isEqualTo(422);

        // The rest: 280,000 × 1.3 % × 133 / 365 = 1,326.30 → 1,300.
        String rest = "{\"refundReference\": \"KANPU-2\", \"interest\": 1300, \"comment\": \"口座振込\"}";
        ApiClient.Response refunded = api.post("treasurer", path + "/refund", rest, "refund-rest");
        ApiClient.Response again = api.post("treasurer", path + "/refund", rest, "refund-rest");
        assertThat(refunded.status()).isEqualTo(200);
        assertThat(refunded.json().at("/exception/status").asText()).isEqualTo("RESOLVED");
        assertThat(refunded.json().at("/resolution/interest").asLong()).isEqualTo(1_300);
        assertThat(refunded.json().at("/resolution/interestFrom").asText()).isEqualTo("2026-07-21");
        assertThat(again.json().get("repeated").asBoolean()).isTrue();
        assertThat(again.json().get("settlementIds")).isEqualTo(refunded.json().get("settlementIds"));
        assertThat(api.post("treasurer", path + "/appropriate", "{\"targets\": [\"RI-INV\"]}").status())
                .isEqualTo(409);

        List<JsonNode> settlements = shuno.settlementsOf("eltax:RI-PAY2", 4);
        assertThat(settlements).extracting(s -> s.get("kind").asText() + ":" + s.get("amount").asLong())
                .containsExactly("OVERPAYMENT:480000", "REFUND:200000", "REFUND:280000", "REFUND_INTEREST:1300");
        String overpaymentId = settlements.get(0).get("settlementId").asText();
        assertThat(settlements.subList(1, 3)).allSatisfy(refund -> {
            assertThat(refund.get("clears").asText()).isEqualTo(overpaymentId);
            assertThat(lines(refund)).containsExactly("DEBIT:OVERPAYMENT_LIABILITY:" + refund.get("amount"),
                    "CREDIT:REFUNDS_PAYABLE:" + refund.get("amount"));
        });
        assertThat(lines(settlements.get(3))).containsExactly("DEBIT:REFUND_INTEREST_EXPENSE:1300",
                "CREDIT:REFUNDS_PAYABLE:1300");
        assertThat(settlements.subList(1, 4)).allSatisfy(settlement -> {
            assertThat(settlement.get("receivedOn").asText()).isEqualTo("2026-11-30");
            assertThat(settlement.get("invoiceId").asText()).isEqualTo("RI-INV");
            assertThat(settlement.get("fiscalYear").asInt()).isEqualTo(2026);
        });

        JsonNode close = api.get("viewer", "/api/v1/daily-close?municipality=131016&date=2026-11-30").json();
        assertThat(close.at("/totalsByKind/REFUND/amount").asLong()).isGreaterThanOrEqualTo(480_000);
        assertThat(close.at("/totalsByKind/REFUND_INTEREST/amount").asLong()).isGreaterThanOrEqualTo(1_300);

        ApiClient.Response payoutList = api.get("treasurer",
                "/api/v1/refunds/payout-list?municipality=131016&date=2026-11-30", "text/csv");
        assertThat(payoutList.status()).isEqualTo(200);
        assertThat(payoutList.bytes()).startsWith((byte) 0xEF, (byte) 0xBB, (byte) 0xBF);
        String csv = new String(payoutList.bytes(), StandardCharsets.UTF_8);
        assertThat(csv).contains("納付者番号,還付金額,還付加算金")
                .contains(",還付,P-RI-INV,200000,0,200000,KANPU-1,eltax:RI-PAY2,RI-INV,")
                .contains(",還付,P-RI-INV,280000,1300,281300,KANPU-2,eltax:RI-PAY2,RI-INV,");
        assertThat(api.get("viewer", "/api/v1/refunds/payout-list?municipality=131016&date=2026-11-30", "text/csv")
                .status()).isEqualTo(403);
        assertThat(api.get("treasurer-oita", "/api/v1/refunds/payout-list?municipality=131016&date=2026-11-30",
                "text/csv").status()).isEqualTo(403);
        JsonNode audit = api.get("viewer", "/api/v1/audit?action=REFUND_PAYOUT_LIST_EXPORTED").json();
        assertThat(audit.get("items")).isNotEmpty();
    }

    @Test
    void aClaimCloseToLapsingIsListedFirstAndALapsedOneCannotBeRefunded() {
        String lapsed = paidTwice("LO", 3_000, "2024-06-20");
        String soon = paidTwice("LS", 3_000, "2024-12-20");

        JsonNode within90 = api.get("viewer", "/api/v1/exceptions/lapsing").json();
        assertThat(ids(within90)).containsSubsequence(lapsed, soon).doesNotContain(
                shuno.database().queryForList("select exception_id::text from staff_exceptions"
                        + " where refund_lapses_on > '2027-02-28'", String.class).toArray(String[]::new));
        assertThat(api.get("viewer", "/api/v1/exceptions/" + soon).json().at("/exception/refundLapsesOn").asText())
                .isEqualTo("2026-12-20");
        assertThat(ids(api.get("viewer", "/api/v1/exceptions/lapsing?withinDays=10").json()))
                .contains(lapsed).doesNotContain(soon);

        ApiClient.Response refused = api.post("treasurer", "/api/v1/exceptions/" + lapsed + "/refund",
                "{\"refundReference\": \"KANPU-9\", \"comment\": \"口座振込\"}");
        assertThat(refused.status()).isEqualTo(422);
        assertThat(refused.contentType()).startsWith("application/problem+json");
        assertThat(refused.json().get("detail").asText()).contains("lapsed").contains("2026-06-20");
        assertThat(api.get("viewer", "/api/v1/exceptions/" + lapsed + "/refund-preview").json()
                .get("lapsed").asBoolean()).isTrue();
        ApiClient.Response notAppropriated = api.post("treasurer", "/api/v1/exceptions/" + lapsed + "/appropriate",
                "{\"targets\": [\"LS-INV\"], \"comment\": \"時効後の充当\"}");
        assertThat(notAppropriated.status()).isEqualTo(422);
        assertThat(notAppropriated.json().get("detail").asText()).contains("lapsed").contains("2026-06-20");
        assertThat(shuno.database().queryForObject("select count(*) from settlements where payment_ref = 'eltax:LO-PAY2'"
                + " and kind <> 'OVERPAYMENT'", Long.class)).isZero();
        assertThat(api.post("treasurer", "/api/v1/exceptions/" + soon + "/refund",
                "{\"refundReference\": \"KANPU-10\", \"comment\": \"口座振込\"}").status()).isEqualTo(200);
    }

    @Test
    void anAppropriationBooksItsInterestUpToTheAppropriationDateAndThePayoutListCarriesIt() {
        String exceptionId = overpaidWithAnOverdueInvoice("AI", 600_000);

        // 誤納 paid 2026-06-20, appropriated today: 500,000 × 1.3 % × 133 / 365 = 2,368.49 → 2,300.
        String path = "/api/v1/exceptions/" + exceptionId + "/appropriate";
        assertThat(api.get("viewer", "/api/v1/exceptions/" + exceptionId + "/refund-preview").json()
                .at("/interest/amount").asLong()).isEqualTo(2_300);
        assertThat(api.post("treasurer", path, "{\"targets\": [\"AI-OLD\"], \"interest\": 2400}").status())
                .isEqualTo(409);
        ApiClient.Response appropriated = api.post("treasurer", path,
                "{\"targets\": [\"AI-OLD\"], \"interest\": 2300, \"comment\": \"4月分へ充当\"}");

        assertThat(appropriated.status()).isEqualTo(200);
        assertThat(appropriated.json().at("/resolution/interest").asLong()).isEqualTo(2_300);
        assertThat(shuno.settlementsOf("eltax:AI-PAY", 5)).extracting(s -> s.get("kind").asText() + ":"
                + s.get("amount").asLong() + ":" + s.get("invoiceId").asText() + ":" + s.get("receivedOn").asText())
                .containsExactly("REVENUE:100000:AI-INV:2026-06-20", "OVERPAYMENT:500000:AI-INV:2026-06-20",
                        "REVERSAL:500000:AI-INV:2026-06-20", "REVENUE:500000:AI-OLD:2026-06-20",
                        "REFUND_INTEREST:2300:AI-INV:2026-11-30");
        String csv = new String(api.get("treasurer", "/api/v1/refunds/payout-list?municipality=131016"
                + "&date=2026-11-30", "text/csv").bytes(), StandardCharsets.UTF_8);
        assertThat(csv).contains(",充当加算金,P-AI,0,2300,2300,,eltax:AI-PAY,AI-INV,");
    }

    @Test
    void aRefundAndAnAppropriationOfTheSameMoneyRacedOnlyOneHappens() throws Exception {
        String exceptionId = overpaidWithAnOverdueInvoice("RC", 600_000);
        String path = "/api/v1/exceptions/" + exceptionId;

        ExecutorService both = Executors.newFixedThreadPool(2);
        Future<ApiClient.Response> refund = both.submit(() -> api.post("treasurer", path + "/refund",
                "{\"refundReference\": \"KANPU-RC\", \"comment\": \"口座振込\"}"));
        Future<ApiClient.Response> appropriation = both.submit(() -> api.post("treasurer", path + "/appropriate",
                "{\"targets\": [\"RC-OLD\"]}"));
        List<Integer> statuses = List.of(refund.get().status(), appropriation.get().status());
        both.shutdown();

        assertThat(statuses).containsExactlyInAnyOrder(200, 409);
        Long paidOut = shuno.database().queryForObject("select coalesce(sum(amount), 0) from settlements"
                + " where payment_ref = 'eltax:RC-PAY' and kind in ('REFUND', 'REVERSAL')", Long.class);
        assertThat(paidOut).isEqualTo(500_000);
        assertThat(api.get("viewer", path).json().at("/exception/outstanding").asLong()).isZero();
    }

    @Test
    void onTheDashboardStaffSeeTheInterestAndItsPeriodAndTheFigureShownIsBooked() {
        String exceptionId = paidTwice("DR", 480_000, "2026-06-20");
        paidTwice("DL", 3_000, "2024-12-20");
        DashboardSession treasurer = DashboardSession.logIn(shuno, "treasurer");

        String page = treasurer.page("/dashboard/exceptions/" + exceptionId);

        assertThat(page).contains("還付加算金", "¥2,200", "2026-07-21 – 2026-11-30", "(2026年 133日 年1.3%)",
                "¥482,200", "2028-06-20");
        assertThat(treasurer.hidden("interest")).isEqualTo("2200");
        String after = treasurer.submit("/dashboard/exceptions/" + exceptionId + "/refund",
                Map.of("refundReference", "KANPU-DR", "comment", "画面で確認した加算金で還付"));
        assertThat(after).contains("例外を処理しました");
        assertThat(shuno.settlementsOf("eltax:DR-PAY2", 3)).extracting(s -> s.get("kind").asText() + ":"
                + s.get("amount").asLong()).containsExactly("OVERPAYMENT:480000", "REFUND:480000",
                "REFUND_INTEREST:2200");

        String lapsedPage = treasurer.page("/dashboard/exceptions/" + paidTwice("DX", 3_000, "2024-06-20"));
        assertThat(lapsedPage).contains("還付請求権は2026-06-20に時効を迎えています", "充当もできません")
                .doesNotContain("name=\"refundReference\"", "name=\"targets\"");

        String lapsing = treasurer.page("/dashboard/exceptions/lapsing");
        assertThat(lapsing).contains("時効が近い過誤納金", "DL-INV", "2026-12-20", "時効済み").doesNotContain("DR-INV");
        assertThat(lapsing.indexOf("DX-INV")).isLessThan(lapsing.indexOf("DL-INV"));
        assertThat(treasurer.page("/dashboard/exceptions/lapsing?days=10")).doesNotContain("DL-INV");
    }

    @Test
    void onTheDashboardAnAppropriationConfirmsTheInterestOnWhatTheChosenInvoicesTake() {
        String exceptionId = overpaidWithAnOverdueInvoice("DP", 1_100_000);
        DashboardSession treasurer = DashboardSession.logIn(shuno, "treasurer");

        // 1,000,000 held; DP-OLD takes 500,000: × 1.3 % × 133 / 365 = 2,368.49 → 2,300 (all of it would add 4,700).
        assertThat(treasurer.page("/dashboard/exceptions/" + exceptionId))
                .contains("本日 DP-OLD へ ¥500,000 を充当すると ¥2,300", "加算金を計算");
        assertThat(treasurer.hidden("interest")).isEqualTo("2300");
        // Computed again for the invoices chosen (as the form's 加算金を計算 asks), the same figure goes back.
        assertThat(treasurer.page("/dashboard/exceptions/" + exceptionId + "?targets=DP-OLD&targets="))
                .contains("本日 DP-OLD へ ¥500,000 を充当すると ¥2,300");
        String after = treasurer.submit("/dashboard/exceptions/" + exceptionId + "/appropriate",
                Map.of("targets", "DP-OLD", "comment", "画面で確認した加算金で充当"));

        assertThat(after).contains("例外を処理しました");
        assertThat(shuno.settlementsOf("eltax:DP-PAY", 5)).extracting(s -> s.get("kind").asText() + ":"
                + s.get("amount").asLong()).endsWith("REFUND_INTEREST:2300");
    }

    /**
     * {@code prefix}-INV, an NHI premium of {@code amount}, paid in full twice on {@code paidOn} (payments
     * {@code prefix}-PAY1 and -PAY2): the DOUBLE_PAYMENT exception of the second.
     */
    private static String paidTwice(String prefix, long amount, String paidOn) {
        String el = Messages.newElNumber();
        issue(Messages.issued(prefix + "-INV", el, amount));
        for (int payment = 1; payment <= 2; payment++) {
            pay(prefix + "-N" + payment, prefix + "-PAY" + payment, el, amount, paidOn + "T10:15:00+09:00");
            shuno.awaitBooked("eltax:" + prefix + "-PAY" + payment);
        }
        return shuno.awaitException("eltax:" + prefix + "-PAY2", "DOUBLE_PAYMENT");
    }

    /**
     * {@code prefix}-INV (¥100,000) paid {@code amount} yen on 2026-06-20 by a payer who owes {@code prefix}-OLD
     * (¥500,000).
     */
    private static String overpaidWithAnOverdueInvoice(String prefix, long amount) {
        String el = Messages.newElNumber();
        ObjectNode overdue = Messages.with(Messages.issued(prefix + "-OLD", null, 500_000), "dueDate", "2026-04-30");
        ObjectNode paid = Messages.issued(prefix + "-INV", el, 100_000);
        overdue.put("payerId", "P-" + prefix);
        paid.put("payerId", "P-" + prefix);
        issue(overdue);
        issue(paid);
        pay(prefix + "-N", prefix + "-PAY", el, amount, "2026-06-20T10:15:00+09:00");
        return shuno.awaitException("eltax:" + prefix + "-PAY", "OVERPAYMENT");
    }

    private static List<String> ids(JsonNode page) {
        return StreamSupport.stream(page.get("items").spliterator(), false)
                .map(item -> item.get("exceptionId").asText()).toList();
    }

    private static List<String> lines(JsonNode settlement) {
        return StreamSupport.stream(settlement.get("entries").spliterator(), false)
                .map(e -> e.get("side").asText() + ":" + e.get("ledgerAccount").asText() + ":" + e.get("amount"))
                .toList();
    }

    private static void issue(ObjectNode event) {
        shuno.kafka().send(shuno.topic("invoice-events"), event.get("invoiceId").asText(), event.toString());
        shuno.awaitInvoice(event.get("invoiceId").asText());
    }

    private static void pay(String noticeId, String paymentId, String el, long amount, String paidAt) {
        shuno.kafka().send(shuno.topic("eltax-notices"), paymentId,
                Messages.with(Messages.confirmed(noticeId, paymentId, el, amount), "paidAt", paidAt).toString());
    }

}
