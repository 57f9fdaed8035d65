package io.shuno.testsupport;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/** Builds contract-valid messages (schemas/) for tests; each call can be adjusted with {@link #with}. */
public final class Messages {

    public static final String CHIYODA = "131016";
    public static final ObjectMapper JSON = new ObjectMapper();
    private static final AtomicLong CASE_KEYS = new AtomicLong(System.nanoTime() % 1_000_000_000L);

    private Messages() {
    }

    /** A fresh eL番号 of Chiyoda for an NHI premium slip. */
    public static String newElNumber() {
        return CHIYODA.substring(0, 5) + String.format("%020d", CASE_KEYS.incrementAndGet()) + "778284" + "127";
    }

    public static ObjectNode issued(String invoiceId, String elNumber, long amount) {
        ObjectNode node = JSON.createObjectNode();
        node.put("eventId", "E-" + invoiceId + "-ISSUED");
        node.put("type", "ISSUED");
        node.put("invoiceId", invoiceId);
        node.put("municipalityCode", CHIYODA);
        node.put("item", "NHI_PREMIUM");
        node.put("account", "NHI");
        node.put("revenueCode", "01-01-01-01");
        node.put("fiscalYear", 2026);
        node.put("amount", amount);
        node.put("dueDate", "2026-06-30");
        node.put("payerId", "P-" + invoiceId);
        node.put("issuedAt", "2026-06-01T09:00:00+09:00");
        if (elNumber != null) {
            node.put("elNumber", elNumber);
        }
        return node;
    }

    public static ObjectNode confirmed(String noticeId, String paymentId, String elNumber, long amount) {
        return notice(noticeId, paymentId, "CONFIRMED", elNumber, amount);
    }

    public static ObjectNode notice(String noticeId, String paymentId, String stage, String elNumber, long amount) {
        ObjectNode node = JSON.createObjectNode();
        node.put("noticeId", noticeId);
        node.put("paymentId", paymentId);
        node.put("stage", stage);
        node.put("elNumber", elNumber);
        node.put("amount", amount);
        node.put("paidAt", "2026-06-20T10:15:00+09:00");
        node.put("channel", "SMARTPHONE_APP");
        return node;
    }

    /** A counter order (窓口注文) for a certificate: no eL番号, general account. */
    public static ObjectNode counterOrder(String invoiceId, long amount) {
        ObjectNode node = issued(invoiceId, null, amount);
        node.put("item", "CERTIFICATE_FEE").put("account", "GENERAL").put("revenueCode", "14-01-01-02");
        return node;
    }

    public static ObjectNode sale(String transactionId, String brand, long amount) {
        ObjectNode node = JSON.createObjectNode();
        node.put("transactionId", transactionId);
        node.put("type", "SALE");
        node.put("terminalId", "TERM-01");
        node.put("municipalityCode", CHIYODA);
        node.put("brand", brand);
        node.put("amount", amount);
        node.put("occurredAt", "2026-06-20T10:30:00+09:00");
        return node;
    }

    /** A VOID repeats what its SALE paid for, as terminals send it, and names the SALE. */
    public static ObjectNode voiding(String transactionId, String originalTransactionId, long amount,
                                     String... invoiceIds) {
        ObjectNode node = sale(transactionId, "CREDIT", amount).put("type", "VOID")
                .put("originalTransactionId", originalTransactionId);
        node.set("invoiceIds", JSON.valueToTree(List.of(invoiceIds)));
        return node;
    }

    public static ObjectNode with(ObjectNode node, String field, Object value) {
        node.set(field, JSON.valueToTree(value));
        return node;
    }

    public static JsonNode parse(byte[] value) {
        try {
            return JSON.readTree(value);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
