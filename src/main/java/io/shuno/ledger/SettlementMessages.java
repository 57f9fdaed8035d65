package io.shuno.ledger;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.shuno.reconciliation.Settlement;
import io.shuno.reconciliation.SettlementKind;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.OffsetDateTime;
import java.util.List;

/**
 * The settlement message of the v1 contract (schemas/settlement.schema.json). Written field by field to the bytes,
 * without a tree of nodes in between: the relay renders one per settlement.
 */
final class SettlementMessages {

    /** About what a settlement message takes, so that its buffer seldom grows. */
    private static final int TYPICAL_SIZE = 640;

    private SettlementMessages() {
    }

    static byte[] toJson(ObjectMapper json, Settlement settlement, List<LedgerEntry> entries, OffsetDateTime recordedAt) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(TYPICAL_SIZE);
        try (JsonGenerator out = json.getFactory().createGenerator(bytes)) {
            out.writeStartObject();
            out.writeStringField("settlementId", settlement.settlementId());
            out.writeStringField("kind", settlement.kind().name());
            if (settlement.reverses().isPresent()) {
                out.writeStringField(settlement.kind() == SettlementKind.REFUND ? "clears" : "reverses",
                        settlement.reverses().get());
            }
            out.writeStringField("municipalityCode", settlement.municipality().value());
            out.writeStringField("paymentRef", settlement.paymentRef().value());
            if (settlement.invoiceId().isPresent()) {
                out.writeStringField("invoiceId", settlement.invoiceId().get().value());
            }
            out.writeNumberField("amount", settlement.amount().yen());
            out.writeStringField("account", settlement.account().name());
            if (settlement.revenueCode().isPresent()) {
                out.writeStringField("revenueCode", settlement.revenueCode().get());
            }
            out.writeNumberField("fiscalYear", settlement.bookingYear().fiscalYear().year());
            out.writeStringField("yearClass", settlement.bookingYear().yearClass().name());
            out.writeStringField("receivedOn", settlement.receivedOn().toString());
            out.writeStringField("channel", settlement.channel().name());
            if (settlement.store().isPresent()) {
                out.writeStringField("convenienceStoreChain", settlement.store().get().chainCode());
                if (settlement.store().get().transferDate().isPresent()) {
                    out.writeStringField("transferDate", settlement.store().get().transferDate().get().toString());
                }
            }
            out.writeArrayFieldStart("entries");
            for (LedgerEntry entry : entries) {
                out.writeStartObject();
                out.writeStringField("side", entry.side().name());
                out.writeStringField("ledgerAccount", entry.ledgerAccount());
                out.writeNumberField("amount", entry.amount());
                out.writeEndObject();
            }
            out.writeEndArray();
            out.writeStringField("cause", settlement.cause());
            out.writeStringField("occurredAt", recordedAt.toString());
            out.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException("writing to memory does not fail", e);
        }
        return bytes.toByteArray();
    }
}
