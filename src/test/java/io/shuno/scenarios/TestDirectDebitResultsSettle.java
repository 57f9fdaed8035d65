package io.shuno.scenarios;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.shuno.intake.SchemaCatalog;
import io.shuno.reconciliation.Amount;
import io.shuno.reconciliation.DirectDebitResult;
import io.shuno.reconciliation.MunicipalityCode;
import io.shuno.testsupport.ApiClient;
import io.shuno.testsupport.DirectDebitResultFiles;
import io.shuno.testsupport.DirectDebitResultFiles.Debit;
import io.shuno.testsupport.Messages;
import io.shuno.testsupport.ShunoUnderTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;

import static io.shuno.testsupport.DirectDebitResultFiles.customerNumber;
import static io.shuno.testsupport.DirectDebitResultFiles.soundFile;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The bank's 口座振替 result file, dropped into the folder of a running shuno, settles like any payment: a debited
 * row is revenue of the invoice whose billing system listed that 顧客番号 and 引落日, received on the debit date,
 * channel DIRECT_DEBIT; a row the bank could not debit books nothing and tells staff why in a clerk's words; a debit
 * of a key no invoice has waits in suspense until its invoice arrives; the same file dropped twice books once.
 */
class TestDirectDebitResultsSettle {

    private static final MunicipalityCode CHIYODA = new MunicipalityCode(Messages.CHIYODA);

    @RegisterExtension
    static final ShunoUnderTest shuno = new ShunoUnderTest()
            .with("shuno.files.poll-ms", 200).with("shuno.files.settle-ms", 200)
            .with("shuno.files.direct-debit.consignors.1234567890", Messages.CHIYODA)
            .running(1);
    private static final ApiClient api = new ApiClient(shuno);

    /** The debit date of a file arriving now: the header's MMDD is today's, so its year is this year. */
    private static final LocalDate DEBIT_DATE = LocalDate.now(ZoneId.of("Asia/Tokyo"));
    private static final String MMDD = DEBIT_DATE.format(DateTimeFormatter.ofPattern("MMdd"));

    private final Path folder = shuno.dropDir().resolve("direct-debit");

    @Test
    void debitedRowsSettleOnTheDebitDateFailedRowsTellStaffWhyAndTheSameFileDroppedTwiceBooksOnce() throws Exception {
        issue("DD-1", customerNumber(810001), 3_100);
        issue("DD-2", customerNumber(810002), 1_280);
        List<Debit> debits = List.of(Debit.of(customerNumber(810001), 3_100, '0'),
                Debit.of(customerNumber(810002), 1_280, '1'));
        DirectDebitResultFiles.write(folder.resolve("KF-A.txt"), true, soundFile("1234567890", MMDD, debits));

        String debited = paymentRef(customerNumber(810001), 3_100, '0');
        JsonNode revenue = shuno.settlementsOf(debited, 1).get(0);
        assertThat(shuno.instance().getBean(SchemaCatalog.class).violations("settlement", revenue)).isEmpty();
        assertThat(revenue.get("kind").asText()).isEqualTo("REVENUE");
        assertThat(revenue.get("channel").asText()).isEqualTo("DIRECT_DEBIT");
        assertThat(revenue.get("invoiceId").asText()).isEqualTo("DD-1");
        assertThat(revenue.get("receivedOn").asText()).isEqualTo(DEBIT_DATE.toString());
        assertThat(revenue.get("amount").asLong()).isEqualTo(3_100);
        assertThat(revenue.has("convenienceStoreChain")).isFalse();
        TestEltaxPaymentSettlement.assertBalanced(revenue, 3_100);
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(shuno.invoiceState("DD-1"))
                .containsEntry("status", "PAID").containsEntry("settled_revenue", 3_100L));

        JsonNode found = api.get("treasurer", "/api/v1/search?customerNumber=" + customerNumber(810001)).json();
        assertThat(found.at("/invoice/invoiceId").asText()).as("search by 顧客番号").isEqualTo("DD-1");
        assertThat(found.at("/payments/0/keyType").asText()).isEqualTo("DIRECT_DEBIT");
        assertThat(found.at("/payments/0/paymentRef").asText()).isEqualTo(debited);

        JsonNode dailyClose = api.get("treasurer", "/api/v1/daily-close?municipality=" + Messages.CHIYODA + "&date="
                + DEBIT_DATE).json();
        assertThat(dailyClose.get("lines")).as("the daily close of the debit date").anySatisfy(line -> {
            assertThat(line.get("channel").asText()).isEqualTo("DIRECT_DEBIT");
            assertThat(line.get("kind").asText()).isEqualTo("REVENUE");
        });

        String failed = paymentRef(customerNumber(810002), 1_280, '1');
        String exceptionId = shuno.awaitException(failed, "DIRECT_DEBIT_FAILED");
        JsonNode exception = api.get("treasurer", "/api/v1/exceptions/" + exceptionId).json().get("exception");
        assertThat(exception.get("invoiceId").asText()).isEqualTo("DD-2");
        assertThat(exception.get("suggestedAction").asText()).isEqualTo("SEND_PAYMENT_SLIP");
        assertThat(exception.get("detail").asText()).as("the result in a clerk's words").contains("資金不足");
        assertThat(api.getInLanguage("treasurer", "/api/v1/exceptions/" + exceptionId, "en").json()
                .at("/exception/detail").asText()).containsIgnoringCase("insufficient");
        assertThat(shuno.bookedFor(failed)).as("a failed debit books nothing").isZero();
        assertThat(shuno.invoiceState("DD-2")).containsEntry("settled_revenue", 0L);

        // The bank's file comes again: once under the same name (taken before), once renamed (same rows).
        DirectDebitResultFiles.write(folder.resolve("KF-A.txt"), true, soundFile("1234567890", MMDD, debits));
        DirectDebitResultFiles.write(folder.resolve("KF-A-resent.txt"), true, soundFile("1234567890", MMDD, debits));
        await().atMost(Duration.ofSeconds(30)).until(() -> Files.exists(folder.resolve(".done/KF-A-resent.txt")));
        await().atMost(Duration.ofSeconds(30)).until(() -> !Files.exists(folder.resolve("KF-A.txt")));

        assertThat(shuno.settlementsOf(debited, 1)).as("published once").hasSize(1);
        assertThat(shuno.bookedFor(debited)).isEqualTo(1);
        assertThat(shuno.database().queryForObject("""
                select count(*) from staff_exceptions where payment_ref = ? and reason <> 'DIRECT_DEBIT_FAILED'""",
                Long.class, debited)).as("a resent row is a redelivery, not a conflicting duplicate").isZero();
    }

    @Test
    void aDebitOfAKeyNoInvoiceHasWaitsInSuspenseAndSettlesWhenItsInvoiceArrives() {
        DirectDebitResultFiles.write(folder.resolve("KF-B.txt"), true, soundFile("1234567890", MMDD,
                List.of(Debit.of(customerNumber(820001), 5_000, '0'))));
        String debit = paymentRef(customerNumber(820001), 5_000, '0');
        assertThat(shuno.settlementsOf(debit, 1)).extracting(s -> s.get("kind").asText()).containsExactly("SUSPENSE");

        issue("DD-3", customerNumber(820001), 5_000);

        List<JsonNode> settlements = shuno.settlementsOf(debit, 3);
        assertThat(settlements).extracting(s -> s.get("kind").asText())
                .containsExactly("SUSPENSE", "REVERSAL", "REVENUE");
        assertThat(settlements.get(2).get("channel").asText()).isEqualTo("DIRECT_DEBIT");
        assertThat(settlements.get(2).get("invoiceId").asText()).isEqualTo("DD-3");
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(shuno.invoiceState("DD-3"))
                .containsEntry("status", "PAID").containsEntry("settled_revenue", 5_000L));
    }

    /** An invoice whose billing system asked the bank to debit {@code customerNumber} on the debit date. */
    private static void issue(String invoiceId, String customerNumber, long amount) {
        ObjectNode event = Messages.with(Messages.issued(invoiceId, null, amount), "dueDate", DEBIT_DATE.toString());
        event.putObject("directDebit").put("customerNumber", customerNumber).put("debitDate", DEBIT_DATE.toString());
        shuno.kafka().send(shuno.topic("invoice-events"), invoiceId, event.toString());
        shuno.awaitInvoice(invoiceId);
    }

    private static String paymentRef(String customerNumber, long amount, char result) {
        return new DirectDebitResult(CHIYODA, customerNumber, DEBIT_DATE, Amount.of(amount), result).paymentRef()
                .value();
    }
}
