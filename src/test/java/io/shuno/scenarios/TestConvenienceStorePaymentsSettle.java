package io.shuno.scenarios;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.shuno.intake.SchemaCatalog;
import io.shuno.reconciliation.ConvenienceBarcode;
import io.shuno.testsupport.ApiClient;
import io.shuno.testsupport.ConvenienceStoreNoticeFiles;
import io.shuno.testsupport.Messages;
import io.shuno.testsupport.ShunoUnderTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The collection agency's 速報 / 確報 / 速報取消 files, dropped into the folder of a running shuno: a 速報 books
 * nothing, its 確報 books the revenue once — on the day the payer paid, channel CONVENIENCE_STORE, with the chain
 * and the agency's transfer date — even when the 確報 file repeats the 速報 row; a 確報 alone confirms; a 速報取消
 * withdraws; payments on two slips of one invoice are a double payment.
 */
class TestConvenienceStorePaymentsSettle {

    @RegisterExtension
    static final ShunoUnderTest shuno = new ShunoUnderTest()
            .with("shuno.files.poll-ms", 200).with("shuno.files.settle-ms", 200)
            .with("shuno.files.convenience-store.clients.13101", Messages.CHIYODA)
            .running(1);

    private static final ApiClient api = new ApiClient(shuno);

    private final Path folder = shuno.dropDir().resolve("convenience-store");

    @Test
    void aPreliminaryThenItsConfirmationBooksOnceWithTheChainAndTransferDate() {
        String barcode = slip("CV-1", "0000000000910001", 4_200);
        String preliminary = row("01", barcode, 4_200, "0");
        drop("SOKUHO-CV1.csv", preliminary);
        String payment = awaitPayment(barcode, "PRELIMINARY");
        assertThat(shuno.bookedFor(payment)).as("a 速報 books nothing").isZero();

        drop("KAKUHO-CV1.csv", preliminary, row("02", barcode, 4_200, "20260624"));

        JsonNode revenue = shuno.settlementsOf(payment, 1).get(0);
        assertThat(shuno.instance().getBean(SchemaCatalog.class).violations("settlement", revenue)).isEmpty();
        assertThat(revenue.get("kind").asText()).isEqualTo("REVENUE");
        assertThat(revenue.get("channel").asText()).isEqualTo("CONVENIENCE_STORE");
        assertThat(revenue.get("invoiceId").asText()).isEqualTo("CV-1");
        assertThat(revenue.get("receivedOn").asText()).as("the day the payer paid").isEqualTo("2026-06-14");
        assertThat(revenue.get("convenienceStoreChain").asText()).isEqualTo("010");
        assertThat(revenue.get("transferDate").asText()).isEqualTo("2026-06-24");
        TestEltaxPaymentSettlement.assertBalanced(revenue, 4_200);
        assertThat(shuno.bookedFor(payment)).isEqualTo(1);
        assertThat(shuno.invoiceState("CV-1")).containsEntry("status", "PAID").containsEntry("settled_revenue", 4_200L);
        assertThat(shuno.database().queryForObject("select count(*) from staff_exceptions where payment_ref = ?",
                Long.class, payment)).as("the repeated 速報 row is a redelivery").isZero();

        JsonNode found = api.get("treasurer", "/api/v1/search?barcode=" + barcode).json();
        assertThat(found.at("/invoice/invoiceId").asText()).as("search by barcode").isEqualTo("CV-1");
        assertThat(found.at("/payments/0/key").asText()).isEqualTo(barcode);
        assertThat(found.at("/settlements/0/channel").asText()).isEqualTo("CONVENIENCE_STORE");
        assertThat(api.get("treasurer", "/api/v1/daily-close?municipality=" + Messages.CHIYODA + "&date=2026-06-14")
                .json().get("lines")).as("the daily close of the day the payer paid").anySatisfy(line ->
                assertThat(line.get("channel").asText() + ":" + line.get("kind").asText())
                        .isEqualTo("CONVENIENCE_STORE:REVENUE"));
    }

    @Test
    void aConfirmationWithoutPreliminaryConfirmsByItself() {
        String barcode = slip("CV-2", "0000000000910002", 1_500);
        drop("KAKUHO-CV2.csv", row("02", barcode, 1_500, "20260624"));

        String payment = awaitPayment(barcode, "CONFIRMED");
        assertThat(shuno.settlementsOf(payment, 1)).extracting(s -> s.get("kind").asText()).containsExactly("REVENUE");
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(shuno.invoiceState("CV-2"))
                .containsEntry("status", "PAID"));
    }

    @Test
    void aWithdrawnPreliminaryLeavesTheInvoiceOpenAndBooksNothing() {
        String barcode = slip("CV-3", "0000000000910003", 2_000);
        drop("SOKUHO-CV3.csv", row("01", barcode, 2_000, "0"));
        String payment = awaitPayment(barcode, "PRELIMINARY");
        drop("TORIKESHI-CV3.csv", row("03", barcode, 2_000, "0"));

        awaitPayment(barcode, "CANCELLED");
        assertThat(shuno.bookedFor(payment)).isZero();
        assertThat(shuno.invoiceState("CV-3")).containsEntry("status", "OPEN").containsEntry("settled_revenue", 0L);
    }

    @Test
    void paymentsOnTwoSlipsOfOneInvoiceAreADoublePayment() {
        String first = ConvenienceStoreNoticeFiles.barcode("0000000000910004", 3_000).value();
        String reissued = ConvenienceStoreNoticeFiles.barcode("0000000000910005", 3_000).value();
        ObjectNode event = Messages.issued("CV-4", null, 3_000);
        event.putArray("paymentKeys").add(Messages.JSON.createObjectNode().put("type", "CONVENIENCE_BARCODE")
                        .put("barcode", first).put("usableUntil", "2026-06-30"))
                .add(Messages.JSON.createObjectNode().put("type", "CONVENIENCE_BARCODE").put("barcode", reissued));
        issue("CV-4", event);

        drop("KAKUHO-CV4.csv", row("02", first, 3_000, "20260624"), row("02", reissued, 3_000, "20260624"));

        // The two slips' rows may be keyed to different partitions: either may be decided first.
        List<String> payments = List.of(awaitPayment(first, "CONFIRMED"), awaitPayment(reissued, "CONFIRMED"));
        await().atMost(Duration.ofSeconds(30)).until(() -> shuno.database().queryForObject("""
                select count(*) from staff_exceptions where invoice_id = 'CV-4' and reason = 'DOUBLE_PAYMENT'
                  and payment_ref = any(?)""", Long.class, (Object) payments.toArray(String[]::new)) == 1);
        assertThat(shuno.database().queryForList("""
                select kind || ':' || amount from settlements where payment_ref = any(?) order by kind""",
                String.class, (Object) payments.toArray(String[]::new)))
                .containsExactly("OVERPAYMENT:3000", "REVENUE:3000");
        assertThat(shuno.invoiceState("CV-4")).containsEntry("status", "PAID").containsEntry("settled_revenue", 3_000L);
    }

    /** Issues invoice {@code invoiceId} with a コンビニ slip of the biller key, and gives the slip's barcode. */
    private static String slip(String invoiceId, String billerKey16, long amount) {
        String barcode = ConvenienceStoreNoticeFiles.barcode(billerKey16, amount).value();
        issue(invoiceId, Messages.with(Messages.issued(invoiceId, null, amount), "convenienceBarcode", barcode));
        return barcode;
    }

    private static void issue(String invoiceId, ObjectNode event) {
        shuno.kafka().send(shuno.topic("invoice-events"), invoiceId, event.toString());
        shuno.awaitInvoice(invoiceId);
    }

    /** A row of 7-Eleven store 123456 for a payment on 14 June 2026 at 19:42, written on 22 June. */
    private static String row(String kind, String barcode, long amount, String transferDate) {
        return ConvenienceStoreNoticeFiles.row(kind, "20260614", "1942", barcode, amount, "010", "セブン-イレブン",
                "123456", transferDate, "20260622");
    }

    private void drop(String name, String... rows) {
        ConvenienceStoreNoticeFiles.write(folder.resolve(name), List.of(rows));
        await().atMost(Duration.ofSeconds(30)).until(() -> Files.exists(folder.resolve(".done").resolve(name)));
    }

    /** Waits until the payment of the barcode has reached the stage, and gives its reference. */
    private static String awaitPayment(String barcode, String stage) {
        String sql = "select payment_ref from payments where key_type = 'CONVENIENCE_BARCODE' and key_value = ? "
                + "and stage = ?";
        await().atMost(Duration.ofSeconds(30)).until(() ->
                shuno.database().queryForList(sql, String.class, barcode, stage).size() == 1);
        return shuno.database().queryForObject(sql, String.class, barcode, stage);
    }
}
