package io.shuno.scenarios;

import io.shuno.testsupport.Messages;
import io.shuno.testsupport.ShunoUnderTest;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Anything invalid goes to the dead-letter topic byte for byte, with its source and reason, and is kept in
 * PostgreSQL for replay — and the valid records behind it on the same partition are still settled.
 */
class TestInvalidRecordsAreDeadLettered {

    @RegisterExtension
    static final ShunoUnderTest shuno = new ShunoUnderTest().with("shuno.kafka.partitions", 1).running(1);



    @Test
    void everyKindOfInvalidRecordIsDeadLetteredWithItsReasonAndTheValidOnesBehindItSettle() {
        String el = Messages.newElNumber();
        shuno.kafka().send(shuno.topic("invoice-events"), "DL-INV", Messages.issued("DL-INV", el, 5_000).toString());
        shuno.awaitInvoice("DL-INV");

        Map<String, String> invalid = new HashMap<>();
        invalid.put("not-json", "{\"noticeId\": \"N-broken\", ");
        invalid.put("wrong-type", Messages.with(Messages.confirmed("N-T", "P-T", el, 1), "amount", "1000").toString());
        invalid.put("fraction", Messages.confirmed("N-F", "P-F", el, 1).put("amount", 1000.0).toString());
        invalid.put("missing-field", removed(Messages.confirmed("N-M", "P-M", el, 1000), "paidAt"));
        invalid.put("no-offset", Messages.with(Messages.confirmed("N-O", "P-O", el, 1000), "paidAt",
                "2026-06-20T10:15:00").toString());
        invalid.put("impossible-date", Messages.with(Messages.confirmed("N-D", "P-D", el, 1000), "transferDate",
                "2026-02-30").toString());
        for (Map.Entry<String, String> record : invalid.entrySet()) {
            shuno.kafka().send(shuno.topic("eltax-notices"), record.getKey(), record.getValue());
        }
        // A 団体コード with a wrong check digit (131017 instead of 131016) on the invoice topic.
        String badMunicipality = Messages.with(Messages.with(Messages.issued("DL-BAD", null, 300),
                "municipalityCode", "131017"), "eventId", "E-BAD").toString();
        shuno.kafka().send(shuno.topic("invoice-events"), "bad-check-digit", badMunicipality);
        // An eL番号 of another municipality than the invoice's.
        String foreignEl = Messages.with(Messages.issued("DL-FOREIGN", "44201" + el.substring(5), 300),
                "eventId", "E-FOREIGN").toString();
        shuno.kafka().send(shuno.topic("invoice-events"), "foreign-el", foreignEl);
        // A コンビニ slip's barcode whose check digit is wrong (…3 is right).
        String badBarcode = Messages.with(Messages.with(Messages.issued("DL-BARCODE", null, 300), "convenienceBarcode",
                "91912345012345678901234567890101033101230004"), "eventId", "E-BARCODE").toString();
        shuno.kafka().send(shuno.topic("invoice-events"), "bad-barcode", badBarcode);
        // Behind all of them on the same (single) partition: a valid payment.
        shuno.kafka().send(shuno.topic("eltax-notices"), "valid", Messages.confirmed("N-OK", "P-OK", el, 5_000).toString());

        List<ConsumerRecord<String, byte[]>> deadLetters = shuno.kafka().readAll(shuno.topic("dead-letters"),
                invalid.size() + 3, Duration.ofSeconds(30), Duration.ofSeconds(1));
        assertThat(deadLetters).hasSize(invalid.size() + 3);
        Map<String, ConsumerRecord<String, byte[]>> byKey = new HashMap<>();
        deadLetters.forEach(record -> byKey.put(record.key(), record));

        for (Map.Entry<String, String> record : invalid.entrySet()) {
            ConsumerRecord<String, byte[]> letter = byKey.get(record.getKey());
            assertThat(letter).as(record.getKey()).isNotNull();
            assertThat(new String(letter.value(), StandardCharsets.UTF_8)).isEqualTo(record.getValue());
            assertThat(header(letter, "shuno.dlt.source-topic")).isEqualTo(shuno.topic("eltax-notices"));
            assertThat(header(letter, "shuno.dlt.source-partition")).isEqualTo("0");
            assertThat(header(letter, "shuno.dlt.source-offset")).matches("\\d+");
            assertThat(header(letter, "shuno.dlt.reason")).isNotBlank();
        }
        assertThat(header(byKey.get("not-json"), "shuno.dlt.error-class")).isEqualTo("NOT_JSON");
        assertThat(header(byKey.get("wrong-type"), "shuno.dlt.error-class")).isEqualTo("SCHEMA_VIOLATION");
        assertThat(header(byKey.get("wrong-type"), "shuno.dlt.reason")).contains("amount");
        assertThat(header(byKey.get("fraction"), "shuno.dlt.reason")).contains("whole number of yen");
        assertThat(header(byKey.get("missing-field"), "shuno.dlt.reason")).contains("paidAt");
        assertThat(header(byKey.get("no-offset"), "shuno.dlt.error-class")).isEqualTo("SCHEMA_VIOLATION");
        assertThat(header(byKey.get("impossible-date"), "shuno.dlt.reason")).contains("transferDate");
        assertThat(header(byKey.get("bad-check-digit"), "shuno.dlt.error-class")).isEqualTo("INVALID_IDENTIFIER");
        assertThat(header(byKey.get("bad-check-digit"), "shuno.dlt.reason")).contains("check digit");
        assertThat(header(byKey.get("foreign-el"), "shuno.dlt.error-class")).isEqualTo("INVALID_IDENTIFIER");
        assertThat(header(byKey.get("foreign-el"), "shuno.dlt.source-topic")).isEqualTo(shuno.topic("invoice-events"));
        assertThat(header(byKey.get("bad-barcode"), "shuno.dlt.error-class")).isEqualTo("INVALID_IDENTIFIER");
        assertThat(header(byKey.get("bad-barcode"), "shuno.dlt.reason")).containsIgnoringCase("check digit");

        assertThat(shuno.database().queryForObject("select count(*) from dead_letters", Long.class))
                .isEqualTo(invalid.size() + 3L);
        assertThat(shuno.database().queryForObject(
                "select convert_from(payload, 'UTF8') from dead_letters where record_key = 'not-json'::bytea",
                String.class)).isEqualTo(invalid.get("not-json"));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(shuno.database().queryForObject(
                "select status from invoices where invoice_id = 'DL-INV'", String.class)).isEqualTo("PAID"));
    }

    private static String removed(com.fasterxml.jackson.databind.node.ObjectNode node, String field) {
        node.remove(field);
        return node.toString();
    }

    private static String header(ConsumerRecord<String, byte[]> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }
}
