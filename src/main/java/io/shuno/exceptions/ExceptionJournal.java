package io.shuno.exceptions;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.shuno.ledger.Outbox;
import io.shuno.ledger.OutboxMessage;
import io.shuno.platform.Columns;
import io.shuno.platform.ExplanationTexts;
import io.shuno.platform.ShunoProperties;
import io.shuno.platform.StoredExplanations;
import io.shuno.reconciliation.Amount;
import io.shuno.reconciliation.ExceptionReason;
import io.shuno.reconciliation.ExcessCause;
import io.shuno.reconciliation.ExceptionResolution;
import io.shuno.reconciliation.InvoiceId;
import io.shuno.reconciliation.MunicipalityCode;
import io.shuno.reconciliation.PaymentRef;
import io.shuno.reconciliation.RefundClaim;
import io.shuno.reconciliation.StaffException;
import io.shuno.reconciliation.SuggestedAction;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * Stores exceptions for staff (open until resolved) and announces each on the exceptions topic — when raised, and
 * again when resolved, with what resolved it.
 */
@Component
public class ExceptionJournal {

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

    /** One exception as staff see it: what it says, and where it stands. */
    private record Entry(StaffException exception, ExceptionStatus status, OffsetDateTime raisedAt,
                         Optional<String> resolvedBy, Optional<OffsetDateTime> resolvedAt) {
    }

    public void raise(List<StaffException> exceptions) {
        if (exceptions.isEmpty()) {
            return;
        }
        OffsetDateTime now = OffsetDateTime.now(clock);
        // Rendered once, for the row and for its message alike.
        Map<String, String> details = new HashMap<>();
        exceptions.forEach(e -> details.put(e.exceptionId(), ExplanationTexts.japanese(e.explanation())));
        // One statement for the batch; each row's candidates travel as a JSON array, since unnest cannot keep an
        // array per row. An exception raised before (same deterministic id) is not raised or announced again.
        Set<String> inserted = new HashSet<>(jdbc.queryForList("""
                insert into staff_exceptions (exception_id, reason, municipality_code, payment_ref, invoice_id, amount,
                    suggested_action, appropriation_candidates, detail, raised_at, excess_cause, refund_lapses_on,
                    explanation)
                select exception_id, reason, municipality_code, payment_ref, invoice_id, amount, suggested_action,
                    array(select jsonb_array_elements_text(candidates)), detail, raised_at, excess_cause,
                    refund_lapses_on, explanation
                from unnest(?::uuid[], ?::text[], ?::bpchar[], ?::text[], ?::text[], ?::bigint[], ?::text[],
                    ?::jsonb[], ?::text[], ?::timestamptz[], ?::text[], ?::date[], ?::jsonb[])
                    as e(exception_id, reason, municipality_code, payment_ref, invoice_id, amount, suggested_action,
                        candidates, detail, raised_at, excess_cause, refund_lapses_on, explanation)
                on conflict (exception_id) do nothing
                returning exception_id::text""", String.class, Columns.of(exceptions)
                .text(StaffException::exceptionId).text(StaffException::reason).text(StaffException::municipality)
                .text(e -> e.paymentRef().orElse(null)).text(e -> e.invoiceId().orElse(null))
                .bigint(e -> e.amount().yen()).text(StaffException::suggestedAction)
                .text(e -> candidatesJson(e.appropriationCandidates()))
                .text(e -> details.get(e.exceptionId()))
                .text(e -> now).text(e -> e.refundClaim().map(RefundClaim::cause).orElse(null))
                .text(e -> e.refundClaim().map(RefundClaim::lastDayToRefund).orElse(null))
                .text(e -> StoredExplanations.write(e.explanation())).parameters()));
        outbox.append(exceptions.stream().filter(e -> inserted.contains(e.exceptionId()))
                .map(e -> message(new Entry(e, ExceptionStatus.OPEN, now, Optional.empty(), Optional.empty()),
                        details.get(e.exceptionId()))).toList());
    }

    private String candidatesJson(List<InvoiceId> candidates) {
        ArrayNode array = json.createArrayNode();
        candidates.forEach(id -> array.add(id.value()));
        return array.toString();
    }

    public void resolve(List<ExceptionResolution> resolutions) {
        if (resolutions.isEmpty()) {
            return;
        }
        OffsetDateTime now = OffsetDateTime.now(clock);
        // One statement for all; the messages in the order the resolutions were listed.
        SortedMap<Long, OutboxMessage> messages = new TreeMap<>();
        Object[] listed = Columns.of(resolutions).text(ExceptionResolution::exceptionId)
                .text(ExceptionResolution::resolvedBy).parameters();
        jdbc.query("""
                update staff_exceptions e set status = 'RESOLVED', resolved_at = ?, resolved_by = r.resolved_by
                from unnest(?::text[], ?::text[]) with ordinality as r(exception_id, resolved_by, listed)
                where e.exception_id = r.exception_id::uuid and e.status = 'OPEN'
                returning e.exception_id, e.reason, e.municipality_code, e.payment_ref, e.invoice_id, e.amount,
                          e.suggested_action, e.appropriation_candidates, e.detail, e.raised_at, e.excess_cause,
                          e.refund_lapses_on, e.explanation, r.resolved_by, r.listed""",
                row -> {
                    StaffException resolved = map(row);
                    messages.put(row.getLong("listed"), message(new Entry(resolved, ExceptionStatus.RESOLVED,
                            row.getObject("raised_at", OffsetDateTime.class),
                            Optional.of(row.getString("resolved_by")), Optional.of(now)),
                            ExplanationTexts.japanese(resolved.explanation())));
                }, now, listed[0], listed[1]);
        outbox.append(List.copyOf(messages.values()));
    }

    /** The open exceptions about the given payments, by payment, e.g. to resolve them when a VOID cancels the sale. */
    public Map<PaymentRef, List<String>> openOf(Collection<PaymentRef> payments) {
        Map<PaymentRef, List<String>> found = new HashMap<>();
        jdbc.query("select payment_ref, exception_id::text as exception_id from staff_exceptions "
                + "where status = 'OPEN' and payment_ref = any(?)", row -> {
            found.computeIfAbsent(new PaymentRef(row.getString("payment_ref")), ref -> new ArrayList<>())
                    .add(row.getString("exception_id"));
        }, (Object) payments.stream().map(PaymentRef::value).toArray(String[]::new));
        return found;
    }

    private static StaffException map(ResultSet row) throws SQLException {
        String excessCause = row.getString("excess_cause");
        Optional<RefundClaim> refundClaim = excessCause == null ? Optional.empty() : Optional.of(new RefundClaim(
                ExcessCause.valueOf(excessCause), row.getDate("refund_lapses_on").toLocalDate()));
        return new StaffException(row.getString("exception_id"), ExceptionReason.valueOf(row.getString("reason")),
                new MunicipalityCode(row.getString("municipality_code")),
                Optional.ofNullable(row.getString("payment_ref")).map(PaymentRef::new),
                Optional.ofNullable(row.getString("invoice_id")).map(InvoiceId::new),
                Amount.of(row.getLong("amount")),
                SuggestedAction.valueOf(row.getString("suggested_action")),
                Arrays.stream((String[]) row.getArray("appropriation_candidates").getArray()).map(InvoiceId::new).toList(),
                StoredExplanations.orRecorded(row.getString("explanation"), row.getString("detail")), refundClaim);
    }

    /** {@code detail} is the explanation in Japanese, as the contract publishes it. */
    private OutboxMessage message(Entry entry, String detail) {
        StaffException e = entry.exception();
        ObjectNode node = json.createObjectNode();
        node.put("exceptionId", e.exceptionId());
        node.put("reason", e.reason().name());
        node.put("municipalityCode", e.municipality().value());
        e.paymentRef().ifPresent(ref -> node.put("paymentRef", ref.value()));
        e.invoiceId().ifPresent(id -> node.put("invoiceId", id.value()));
        node.put("amount", e.amount().yen());
        if (e.reason() == ExceptionReason.LATE_CHARGE_DUE) {
            node.put("lateCharge", e.amount().yen());
        }
        node.put("suggestedAction", e.suggestedAction().name());
        if (!e.appropriationCandidates().isEmpty()) {
            e.appropriationCandidates().forEach(id -> node.withArray("appropriationCandidates").add(id.value()));
        }
        node.put("detail", detail);
        e.refundClaim().ifPresent(claim -> node.put("refundLapsesOn", claim.lastDayToRefund().toString()));
        node.put("status", entry.status().name());
        node.put("raisedAt", entry.raisedAt().toString());
        entry.resolvedBy().ifPresent(by -> node.put("resolvedBy", by));
        entry.resolvedAt().ifPresent(at -> node.put("resolvedAt", at.toString()));
        try {
            return new OutboxMessage(topic, e.exceptionId(), json.writeValueAsBytes(node), Map.of());
        } catch (JsonProcessingException ex) {
            throw new IllegalStateException("a tree of plain values always serialises", ex);
        }
    }
}
