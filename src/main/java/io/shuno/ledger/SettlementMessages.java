package io.shuno.ledger;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.shuno.reconciliation.Settlement;
import io.shuno.reconciliation.SettlementKind;

import java.time.OffsetDateTime;
import java.util.List;

/** The settlement message of the v1 contract (schemas/settlement.schema.json). */
final class SettlementMessages {

    private SettlementMessages() {
    }

    static byte[] toJson(ObjectMapper json, Settlement settlement, List<LedgerEntry> entries, OffsetDateTime recordedAt) {
        ObjectNode node = json.createObjectNode();
        node.put("settlementId", settlement.settlementId());
        node.put("kind", settlement.kind().name());
        settlement.reverses().ifPresent(id -> node.put(
                settlement.kind() == SettlementKind.REFUND ? "clears" : "reverses", id));
        node.put("municipalityCode", settlement.municipality().value());
        node.put("paymentRef", settlement.paymentRef().value());
        settlement.invoiceId().ifPresent(id -> node.put("invoiceId", id.value()));
        node.put("amount", settlement.amount().yen());
        node.put("account", settlement.account().name());
        settlement.revenueCode().ifPresent(code -> node.put("revenueCode", code));
        node.put("fiscalYear", settlement.bookingYear().fiscalYear().year());
        node.put("yearClass", settlement.bookingYear().yearClass().name());
        node.put("receivedOn", settlement.receivedOn().toString());
        node.put("channel", settlement.channel().name());
        settlement.store().ifPresent(store -> {
            node.put("convenienceStoreChain", store.chainCode());
            store.transferDate().ifPresent(date -> node.put("transferDate", date.toString()));
        });
        ArrayNode lines = node.putArray("entries");
        for (LedgerEntry entry : entries) {
            lines.addObject().put("side", entry.side().name()).put("ledgerAccount", entry.ledgerAccount())
                    .put("amount", entry.amount());
        }
        node.put("cause", settlement.cause());
        node.put("occurredAt", recordedAt.toString());
        try {
            return json.writeValueAsBytes(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a tree of plain values always serialises", e);
        }
    }
}
