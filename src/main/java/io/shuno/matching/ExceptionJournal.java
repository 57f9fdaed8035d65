package io.shuno.matching;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.shuno.ledger.Outbox;
import io.shuno.ledger.OutboxMessage;
import io.shuno.platform.ShunoProperties;
import io.shuno.reconciliation.StaffException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Stores exceptions for staff (open until resolved) and announces each on the exceptions topic. */
@Component
class ExceptionJournal {

    private final JdbcTemplate jdbc;
    private final Outbox outbox;
    private final ObjectMapper json;
    private final Clock clock;
    private final String topic;

    ExceptionJournal(JdbcTemplate jdbc, Outbox outbox, ObjectMapper json, Clock clock, ShunoProperties properties) {
        this.jdbc = jdbc;
        this.outbox = outbox;
        this.json = json;
        this.clock = clock;
        this.topic = properties.topics().exceptions();
    }

    void raise(List<StaffException> exceptions) {
        if (exceptions.isEmpty()) {
            return;
        }
        OffsetDateTime now = OffsetDateTime.now(clock);
        int[][] inserted = jdbc.batchUpdate("""
                insert into staff_exceptions (exception_id, reason, municipality_code, payment_ref, invoice_id, amount,
                    suggested_action, detail, raised_at)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?) on conflict (exception_id) do nothing""",
                exceptions, exceptions.size(), (ps, e) -> {
                    ps.setObject(1, UUID.fromString(e.exceptionId()));
                    ps.setString(2, e.reason().name());
                    ps.setString(3, e.municipality().value());
                    ps.setString(4, e.paymentRef().map(Object::toString).orElse(null));
                    ps.setString(5, e.invoiceId().map(Object::toString).orElse(null));
                    ps.setLong(6, e.amount());
                    ps.setString(7, e.suggestedAction().name());
                    ps.setString(8, e.detail());
                    ps.setObject(9, now);
                });
        List<OutboxMessage> messages = new ArrayList<>();
        for (int i = 0; i < exceptions.size(); i++) {
            if (inserted[0][i] != 0) {
                StaffException e = exceptions.get(i);
                messages.add(new OutboxMessage(topic, e.exceptionId(), toJson(e, now), Map.of()));
            }
        }
        outbox.append(messages);
    }

    private byte[] toJson(StaffException e, OffsetDateTime raisedAt) {
        ObjectNode node = json.createObjectNode();
        node.put("exceptionId", e.exceptionId());
        node.put("reason", e.reason().name());
        node.put("municipalityCode", e.municipality().value());
        e.paymentRef().ifPresent(ref -> node.put("paymentRef", ref.value()));
        e.invoiceId().ifPresent(id -> node.put("invoiceId", id.value()));
        node.put("amount", e.amount());
        node.put("suggestedAction", e.suggestedAction().name());
        if (!e.appropriationCandidates().isEmpty()) {
            e.appropriationCandidates().forEach(id -> node.withArray("appropriationCandidates").add(id.value()));
        }
        node.put("detail", e.detail());
        node.put("status", "OPEN");
        node.put("raisedAt", raisedAt.toString());
        try {
            return json.writeValueAsBytes(node);
        } catch (JsonProcessingException ex) {
            throw new IllegalStateException("a tree of plain values always serialises", ex);
        }
    }
}
