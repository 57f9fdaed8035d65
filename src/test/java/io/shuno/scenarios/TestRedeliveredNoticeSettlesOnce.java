package io.shuno.scenarios;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.shuno.reconciliation.Amount;
import io.shuno.reconciliation.Channel;
import io.shuno.reconciliation.ElNumber;
import io.shuno.reconciliation.EltaxNotice;
import io.shuno.reconciliation.NoticeStage;
import io.shuno.reconciliation.PaymentRef;
import io.shuno.testsupport.Messages;
import io.shuno.testsupport.ShunoUnderTest;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.jdbc.core.JdbcTemplate;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** At-least-once delivery made exactly-once in effect: redeliveries settle nothing new, conflicts are refused. */
class TestRedeliveredNoticeSettlesOnce {

    @RegisterExtension
    static final ShunoUnderTest shuno = new ShunoUnderTest().running(1);

    @Test
    void theSameNoticeDeliveredTwiceSettlesOnce() {
        String el = Messages.newElNumber();
        String issued = Messages.issued("RD-1", el, 12_000).toString();
        shuno.kafka().send(shuno.topic("invoice-events"), "RD-1", issued);
        shuno.awaitInvoice("RD-1");
        String notice = Messages.confirmed("N-RD-1", "PAY-RD-1", el, 12_000).toString();
        shuno.kafka().send(shuno.topic("eltax-notices"), "PAY-RD-1", notice);
        shuno.kafka().send(shuno.topic("eltax-notices"), "PAY-RD-1", notice);
        // Redelivered on another partition too (a producer retry with a different key), and the invoice again.
        shuno.kafka().send(shuno.topic("eltax-notices"), "another-key", notice);
        shuno.kafka().send(shuno.topic("invoice-events"), "RD-1", issued);

        List<ConsumerRecord<String, byte[]>> settlements = shuno.kafka().readAll(shuno.topic("settlements"),
                record -> "eltax:PAY-RD-1".equals(record.key()), 1, Duration.ofSeconds(30), Duration.ofSeconds(3));

        assertThat(settlements).hasSize(1);
        assertThat(Messages.parse(settlements.get(0).value()).get("kind").asText()).isEqualTo("REVENUE");
        assertThat(shuno.database().queryForObject(
                "select count(*) from settlements where payment_ref = 'eltax:PAY-RD-1'", Long.class)).isEqualTo(1);
        assertThat(shuno.database().queryForObject(
                "select settled_revenue from invoices where invoice_id = 'RD-1'", Long.class)).isEqualTo(12_000);
        assertThat(shuno.database().queryForObject(
                "select count(*) from staff_exceptions where invoice_id = 'RD-1'", Long.class)).isZero();
    }

    @Test
    void theSameNoticeIdWithDifferentContentIsRefusedAsAConflictAndTheFirstVersionStands() {
        String el = Messages.newElNumber();
        shuno.kafka().send(shuno.topic("invoice-events"), "RD-2", Messages.issued("RD-2", el, 8_000).toString());
        shuno.awaitInvoice("RD-2");
        shuno.kafka().send(shuno.topic("eltax-notices"), "PAY-RD-2",
                Messages.confirmed("N-RD-2", "PAY-RD-2", el, 8_000).toString());
        shuno.kafka().send(shuno.topic("eltax-notices"), "PAY-RD-2",
                Messages.confirmed("N-RD-2", "PAY-RD-2", el, 80_000).toString());

        List<ConsumerRecord<String, byte[]>> exceptions = shuno.kafka().readAll(shuno.topic("exceptions"),
                record -> Messages.parse(record.value()).path("paymentRef").asText().equals("eltax:PAY-RD-2"),
                1, Duration.ofSeconds(30), Duration.ofSeconds(2));

        assertThat(exceptions).hasSize(1);
        JsonNode exception = Messages.parse(exceptions.get(0).value());
        assertThat(exception.get("reason").asText()).isEqualTo("CONFLICTING_DUPLICATE");
        assertThat(exception.get("suggestedAction").asText()).isEqualTo("INVESTIGATE");
        assertThat(exception.get("detail").asText()).contains("N-RD-2").contains("80,000円");
        assertThat(shuno.database().queryForList(
                "select kind, amount from settlements where payment_ref = 'eltax:PAY-RD-2'"))
                .singleElement().satisfies(row -> assertThat(row).containsEntry("kind", "REVENUE")
                        .containsEntry("amount", 8_000L));
    }

    @Test
    void aNoticeHandledBeforeContentIdentityIsRecognisedWhenRedeliveredAndAChangedOneIsStillAConflict()
            throws Exception {
        String el = Messages.newElNumber();
        shuno.kafka().send(shuno.topic("invoice-events"), "RD-3", Messages.issued("RD-3", el, 12_000).toString());
        shuno.awaitInvoice("RD-3");
        ObjectNode notice = Messages.confirmed("N-RD-3", "PAY-RD-3", el, 12_000);
        shuno.kafka().send(shuno.topic("eltax-notices"), "PAY-RD-3", notice.toString());
        JdbcTemplate database = shuno.database();
        await().atMost(Duration.ofSeconds(30)).until(() -> database.queryForObject(
                "select count(*) from settlements where payment_ref = 'eltax:PAY-RD-3'", Long.class) == 1);
        // Make the notice's inbox row what the release before content identity wrote: SHA-256 of the text of the
        // record the notice was read into, under fingerprint version 1.
        EltaxNotice asReadThen = new EltaxNotice("N-RD-3", PaymentRef.eltax("PAY-RD-3"), NoticeStage.CONFIRMED,
                new ElNumber(el), Amount.of(12_000), OffsetDateTime.parse(notice.get("paidAt").asText()),
                Channel.SMARTPHONE_APP, Optional.empty());
        String digestThen = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                .digest(asReadThen.toString().getBytes(StandardCharsets.UTF_8)));
        assertThat(database.update("update inbox set fingerprint = ?, fingerprint_version = 1 where message_id = ?",
                digestThen, "N-RD-3")).isEqualTo(1);

        shuno.kafka().send(shuno.topic("eltax-notices"), "PAY-RD-3", notice.toString());
        shuno.kafka().send(shuno.topic("eltax-notices"), "PAY-RD-3",
                Messages.confirmed("N-RD-3", "PAY-RD-3", el, 90_000).toString());

        List<ConsumerRecord<String, byte[]>> exceptions = shuno.kafka().readAll(shuno.topic("exceptions"),
                record -> Messages.parse(record.value()).path("paymentRef").asText().equals("eltax:PAY-RD-3"),
                1, Duration.ofSeconds(30), Duration.ofSeconds(3));
        assertThat(exceptions).as("only the changed notice is a conflict").singleElement()
                .satisfies(exception -> assertThat(Messages.parse(exception.value()).get("detail").asText())
                        .contains("90,000円"));
        assertThat(database.queryForObject(
                "select count(*) from settlements where payment_ref = 'eltax:PAY-RD-3'", Long.class)).isEqualTo(1);
    }
}
