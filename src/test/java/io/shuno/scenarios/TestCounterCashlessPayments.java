package io.shuno.scenarios;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.shuno.intake.SchemaCatalog;
import io.shuno.testsupport.ApiClient;
import io.shuno.testsupport.ElQrPayloads;
import io.shuno.testsupport.Messages;
import io.shuno.testsupport.ShunoUnderTest;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A day at the counter (2026-06-20, Chiyoda): certificate orders paid by card, a slip paid by scanning its eL-QR, a
 * sale voided, the acquirer's statement, and the 日計表 that closes the day.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class TestCounterCashlessPayments {

    @RegisterExtension
    static final ShunoUnderTest shuno = new ShunoUnderTest().running(1);

    private static final String SLIP_EL = Messages.newElNumber();
    private static final String DAY = "/api/v1/daily-close?municipality=131016&date=2026-06-20";
    private static final ApiClient api = new ApiClient(shuno);

    @Test
    @Order(1)
    void aSalePaysTheListedOrdersInOrderAndBooksWhatIsLeftAsOverpayment() {
        issue(Messages.counterOrder("ORD-1", 300));
        issue(Messages.counterOrder("ORD-2", 450));
        send("terminal-transactions", Messages.sale("T-1", "CREDIT", 1_000)
                .set("invoiceIds", Messages.JSON.valueToTree(List.of("ORD-1", "ORD-2"))));

        List<JsonNode> settlements = published("settlements", "settlement", "terminal:T-1", 3);
        assertThat(settlements).extracting(s -> s.get("kind").asText() + ":" + s.path("invoiceId").asText() + ":"
                + s.get("amount").asLong()).containsExactly("REVENUE:ORD-1:300", "REVENUE:ORD-2:450",
                "OVERPAYMENT:ORD-2:250");
        assertThat(settlements).allSatisfy(s -> {
            assertThat(s.get("channel").asText()).isEqualTo("COUNTER_CREDIT");
            assertThat(s.at("/entries/0/ledgerAccount").asText()).isEqualTo("RECEIPTS_IN_TRANSIT:ACQUIRER");
        });
        assertThat(published("exceptions", "exception", "terminal:T-1", 1).get(0).get("reason").asText())
                .isEqualTo("OVERPAYMENT");
    }

    @Test
    @Order(2)
    void aScannedSlipSettlesLikeAnEltaxPaymentAndABadCrcIsDeadLettered() {
        issue(Messages.issued("SLIP-1", SLIP_EL, 39_500));
        String payload = ElQrPayloads.slipFor(SLIP_EL, 39_500);
        send("terminal-transactions", Messages.sale("T-2", "QR", 39_500).put("elQr", payload));
        String broken = payload.substring(0, 254) + (payload.charAt(254) == '0' ? '1' : '0');
        send("terminal-transactions", Messages.sale("T-BAD", "QR", 39_500).put("elQr", broken));

        assertThat(published("settlements", "settlement", "terminal:T-2", 1)).singleElement().satisfies(s -> {
            assertThat(s.get("kind").asText()).isEqualTo("REVENUE");
            assertThat(s.get("invoiceId").asText()).isEqualTo("SLIP-1");
            assertThat(s.get("channel").asText()).isEqualTo("COUNTER_QR");
        });
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(shuno.database().queryForMap(
                "select error_class, reason from dead_letters where record_key = 'T-BAD'::bytea"))
                .containsEntry("error_class", "INVALID_PAYLOAD")
                .hasEntrySatisfying("reason", reason -> assertThat((String) reason).contains("CRC mismatch")));
    }

    @Test
    @Order(3)
    void aVoidReversesEverythingItsSaleBookedAndReopensTheOrdersButNeverTwice() {
        send("terminal-transactions", Messages.voiding("V-1", "T-1", 1_000, "ORD-1", "ORD-2"));

        List<JsonNode> settlements = published("settlements", "settlement", "terminal:T-1", 6);
        assertThat(settlements.subList(3, 6)).extracting(s -> s.get("kind").asText() + ":" + s.get("amount").asLong())
                .containsExactly("REVERSAL:300", "REVERSAL:450", "REVERSAL:250");
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(shuno.database().queryForList(
                "select status, settled_revenue from invoices where invoice_id in ('ORD-1', 'ORD-2')"))
                .allSatisfy(row -> assertThat(row).containsEntry("status", "OPEN").containsEntry("settled_revenue", 0L)));

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(shuno.database().queryForMap(
                "select status, resolved_by from staff_exceptions where payment_ref = 'terminal:T-1'"))
                .containsEntry("status", "RESOLVED").containsEntry("resolved_by", "terminal-transaction:V-1"));

        send("terminal-transactions", Messages.voiding("V-2", "T-1", 1_000, "ORD-1", "ORD-2"));
        send("terminal-transactions", Messages.voiding("V-3", "T-UNKNOWN", 500, "ORD-9"));

        assertThat(published("exceptions", "exception", "terminal:V-2", 1).get(0).get("detail").asText())
                .contains("既に取り消されています");
        assertThat(published("exceptions", "exception", "terminal:V-3", 1).get(0).get("reason").asText())
                .isEqualTo("VOID_UNKNOWN_SALE");
        assertThat(published("settlements", "settlement", "terminal:T-1", 6)).hasSize(6);
    }

    @Test
    @Order(4)
    void theAcquirersStatementIsComparedWithTheDaysSalesAndItsFeeIsBookedAsAnExpense() {
        // Recorded for 2026-06-20: QR T-2 (39,500); CREDIT T-1 was voided, so CREDIT has no sale left.
        send("acquirer-statements", statement("ST-QR", "QR", 39_500, 1, 1_185));
        send("acquirer-statements", statement("ST-CREDIT", "CREDIT", 1_000, 1, 30));

        JsonNode fee = published("settlements", "settlement", "acquirer:ST-QR", 1).get(0);
        assertThat(fee.get("kind").asText()).isEqualTo("FEE");
        assertThat(fee.get("amount").asLong()).isEqualTo(1_185);
        assertThat(fee.at("/entries/0/side").asText() + " " + fee.at("/entries/0/ledgerAccount").asText())
                .isEqualTo("DEBIT ACQUIRER_FEE_EXPENSE");
        assertThat(fee.at("/entries/1/ledgerAccount").asText()).isEqualTo("RECEIPTS_IN_TRANSIT:ACQUIRER");
        assertThat(published("exceptions", "exception", "acquirer:ST-QR", 0)).isEmpty();
        JsonNode mismatch = published("exceptions", "exception", "acquirer:ST-CREDIT", 1).get(0);
        assertThat(mismatch.get("reason").asText()).isEqualTo("STATEMENT_MISMATCH");
        assertThat(mismatch.get("detail").asText()).contains("+1 件").contains("+1,000円");
    }

    @Test
    @Order(5)
    void theDailyCloseAddsUpAndOpensInExcel() {
        ApiClient.Response json = api.get("viewer", DAY, "application/json");

        assertThat(json.status()).isEqualTo(200);
        JsonNode report = json.json();
        assertThat(report.get("linesAddUpToTotals").asBoolean()).isTrue();
        assertThat(report.at("/totalsByKind/REVENUE/amount").asLong()).isEqualTo(300 + 450 + 39_500);
        assertThat(report.at("/totalsByKind/REVERSAL/amount").asLong()).isEqualTo(1_000);
        assertThat(report.at("/totalsByKind/FEE/amount").asLong()).isEqualTo(1_185 + 30);
        assertThat(report.get("netReceived").asLong()).isEqualTo(39_500);
        assertThat(report.get("acquirerStatements")).extracting(s -> s.get("brand").asText() + ":"
                + s.get("matches").asBoolean()).containsExactlyInAnyOrder("QR:true", "CREDIT:false");
        // Open exceptions about payments of the day: T-1's overpayment was resolved by its VOID, and the VOID of an
        // unknown sale booked nothing on 06-20 and was raised today, so it belongs to today's close.
        assertThat(report.get("openExceptions")).extracting(e -> e.get("reason").asText())
                .containsExactly("STATEMENT_MISMATCH");
        assertThat(report.get("lines")).anySatisfy(line -> {
            assertThat(line.get("channel").asText()).isEqualTo("COUNTER_QR");
            assertThat(line.get("brand").asText()).isEqualTo("QR");
            assertThat(line.get("revenueCode").asText()).isEqualTo("01-01-01-01");
        });

        ApiClient.Response csv = api.get("viewer", DAY, "text/csv");
        assertThat(csv.status()).isEqualTo(200);
        assertThat(csv.contentType()).contains("text/csv");
        assertThat(csv.bytes()).startsWith(0xEF, 0xBB, 0xBF);
        assertThat(csv.body()).contains("区分,会計,款項目節,経路,ブランド,種別,件数,金額,備考").contains("差引収納額")
                .contains("明細と合計は一致").contains("未処理例外");
    }

    @Test
    @Order(6)
    void theDailyCloseIsForSignedInStaffOfThatMunicipalityAndExplainsBadInput() {
        assertThat(api.anonymousGet(DAY).status()).isEqualTo(401);
        assertThat(api.get("treasurer-oita", DAY).status()).isEqualTo(403);

        ApiClient.Response invalid = api.get("viewer", "/api/v1/daily-close?municipality=131017&date=2026-06-20",
                "application/json");
        assertThat(invalid.status()).isEqualTo(400);
        assertThat(invalid.contentType()).isEqualTo("application/problem+json");
        assertThat(invalid.json().get("detail").asText()).contains("check digit");
        assertThat(api.get("viewer", "/api/v1/daily-close?municipality=131016&date=2026-02-30").status())
                .isEqualTo(400);
    }

    @Test
    @Order(7)
    void aVoidNamingOnlyItsSaleReversesItSoPayingTheOrderAgainIsNoDoublePayment() {
        issue(Messages.counterOrder("ORD-V", 2_000));
        send("terminal-transactions", nextDay(Messages.sale("T-V1", "CREDIT", 2_000))
                .set("invoiceIds", Messages.JSON.valueToTree(List.of("ORD-V"))));
        published("settlements", "settlement", "terminal:T-V1", 1);

        send("terminal-transactions", nextDay(Messages.sale("V-V1", "CREDIT", 2_000)).put("type", "VOID")
                .put("originalTransactionId", "T-V1"));

        assertThat(published("settlements", "settlement", "terminal:T-V1", 2)).extracting(s -> s.get("kind").asText()
                + ":" + s.get("amount").asLong()).containsExactly("REVENUE:2000", "REVERSAL:2000");
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(shuno.database().queryForMap(
                "select status, settled_revenue from invoices where invoice_id = 'ORD-V'"))
                .containsEntry("status", "OPEN").containsEntry("settled_revenue", 0L));

        send("terminal-transactions", nextDay(Messages.sale("T-V2", "CREDIT", 2_000))
                .set("invoiceIds", Messages.JSON.valueToTree(List.of("ORD-V"))));

        assertThat(published("settlements", "settlement", "terminal:T-V2", 1)).extracting(s -> s.get("kind").asText()
                + ":" + s.path("invoiceId").asText()).containsExactly("REVENUE:ORD-V");
        assertThat(published("exceptions", "exception", "terminal:T-V2", 0)).isEmpty();
        assertThat(shuno.database().queryForObject("select count(*) from dead_letters where record_key = 'V-V1'::bytea",
                Long.class)).isZero();
    }

    @Test
    @Order(8)
    void aVoidRepeatingOrdersItsSaleDidNotPayReversesNothing() {
        send("terminal-transactions", nextDay(Messages.voiding("V-V3", "T-V2", 2_000, "ORD-1")));

        JsonNode refused = published("exceptions", "exception", "terminal:V-V3", 1).get(0);
        assertThat(refused.get("reason").asText()).isEqualTo("VOID_UNKNOWN_SALE");
        assertThat(refused.get("detail").asText()).contains("窓口注文 ORD-V").contains("窓口注文 ORD-1");
        assertThat(published("settlements", "settlement", "terminal:T-V2", 1)).hasSize(1);
    }

    /** The counter's next day, so that the 日計表 of 2026-06-20 above stays as it was. */
    private static ObjectNode nextDay(ObjectNode transaction) {
        return transaction.put("occurredAt", "2026-06-21T10:30:00+09:00");
    }

    private static ObjectNode statement(String id, String brand, long gross, long count, long fee) {
        ObjectNode node = Messages.JSON.createObjectNode();
        node.put("statementId", id).put("acquirer", "ACQ-1").put("municipalityCode", "131016")
                .put("businessDate", "2026-06-20").put("brand", brand).put("grossSales", gross).put("count", count)
                .put("fee", fee).put("netDeposit", gross - fee).put("depositDate", "2026-06-25");
        return node;
    }

    private static void issue(ObjectNode event) {
        send("invoice-events", event);
        shuno.awaitInvoice(event.get("invoiceId").asText());
    }

    private static void send(String topic, ObjectNode message) {
        String key = message.has("transactionId") ? message.get("transactionId").asText()
                : message.has("statementId") ? message.get("statementId").asText() : message.get("invoiceId").asText();
        shuno.kafka().send(shuno.topic(topic), key, message.toString());
    }

    private static List<JsonNode> published(String topic, String schema, String paymentRef, int expected) {
        List<ConsumerRecord<String, byte[]>> records = shuno.kafka().readAll(shuno.topic(topic),
                record -> Messages.parse(record.value()).path("paymentRef").asText().equals(paymentRef),
                expected, Duration.ofSeconds(expected == 0 ? 3 : 30), Duration.ofMillis(500));
        List<JsonNode> messages = records.stream().map(record -> Messages.parse(record.value())).toList();
        SchemaCatalog schemas = shuno.instance().getBean(SchemaCatalog.class);
        messages.forEach(message -> assertThat(schemas.violations(schema, message)).as(message.toString()).isEmpty());
        assertThat(messages).as(topic + " of " + paymentRef).hasSize(expected);
        return messages;
    }

}
