package io.shuno.operations;

import io.shuno.matching.StaffDecisions;
import io.shuno.reconciliation.Decision;
import io.shuno.reconciliation.ExceptionReason;
import io.shuno.reconciliation.ExceptionResolution;
import io.shuno.reconciliation.Invoice;
import io.shuno.reconciliation.InvoiceId;
import io.shuno.reconciliation.InvalidIdentifierException;
import io.shuno.reconciliation.PaymentRef;
import io.shuno.reconciliation.Reconciler;
import io.shuno.reconciliation.ResolutionAction;
import io.shuno.reconciliation.Settlement;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * Staff resolve exceptions: 充当, 還付 (recorded), manual match of suspense, or close after investigation. Each request
 * is named by a deterministic resolution id (exception, action, idempotency key or request content), so a double
 * click or a resent request returns the first result and applies nothing twice. Each runs under the matching locks,
 * books through the settlement journal and outbox, and is audited — all in one transaction.
 *
 * <p>A refund is paid by the treasury outside shuno: the 過誤納金 liability shuno booked stays as it is until the
 * ledger clears it with that payment, so marking a refund books no settlement (the contract has no kind for it); it
 * records the refund reference and resolves the exception.
 */
@Component
public class ExceptionResolutions {

    private final ExceptionStore exceptions;
    private final StaffDecisions decisions;
    private final Reconciler reconciler;
    private final AuditLog audit;
    private final JdbcTemplate jdbc;
    private final Clock clock;

    ExceptionResolutions(ExceptionStore exceptions, StaffDecisions decisions, Reconciler reconciler, AuditLog audit,
                         JdbcTemplate jdbc, Clock clock) {
        this.exceptions = exceptions;
        this.decisions = decisions;
        this.reconciler = reconciler;
        this.audit = audit;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** What one action decides, given the exception and the invoices locked for it. */
    private interface Decide {
        Decision decide(ExceptionView exception, Map<InvoiceId, Invoice> locked, String cause);
    }

    @Transactional
    public ResolutionResult appropriate(String exceptionId, List<String> targets, String comment, String requestKey,
                                        Actor actor) {
        if (targets == null || targets.isEmpty()) {
            throw OperationFailure.invalid("targets: choose at least one open invoice of the same payer");
        }
        List<InvoiceId> targetIds = invoiceIds(targets);
        return resolve(exceptionId, ResolutionAction.APPROPRIATE, requestKey, actor, comment, null, targets,
                targetIds, (exception, locked, cause) -> {
                    InvoiceId overpaid = new InvoiceId(exception.invoiceId());
                    return reconciler.appropriate(existing(locked, overpaid).terms(),
                            decisions.heldOverpayments(new PaymentRef(exception.paymentRef()), overpaid),
                            exception.outstanding(), targetIds.stream().map(id -> existing(locked, id)).toList(),
                            cause, decisions.payerInvoices(locked));
                });
    }

    @Transactional
    public ResolutionResult refund(String exceptionId, String refundReference, String comment, String requestKey,
                                   Actor actor) {
        if (refundReference == null || refundReference.isBlank()) {
            throw OperationFailure.invalid("refundReference: the reference of the refund (還付) is required");
        }
        if (comment == null || comment.isBlank()) {
            throw OperationFailure.invalid("comment: say why the money is refunded rather than appropriated");
        }
        return resolve(exceptionId, ResolutionAction.REFUND, requestKey, actor, comment, refundReference, List.of(),
                List.of(), (exception, locked, cause) -> Decision.recordOnly(exception.outstanding()));
    }

    @Transactional
    public ResolutionResult match(String exceptionId, String invoiceId, String comment, String requestKey,
                                  Actor actor) {
        if (invoiceId == null || invoiceId.isBlank()) {
            throw OperationFailure.invalid("invoiceId: the invoice the payment was meant for is required");
        }
        List<InvoiceId> target = invoiceIds(List.of(invoiceId));
        return resolve(exceptionId, ResolutionAction.MATCH, requestKey, actor, comment, null, List.of(invoiceId),
                target, (exception, locked, cause) -> {
                    Settlement suspense = decisions.suspenseOf(new PaymentRef(exception.paymentRef()))
                            .orElseThrow(() -> OperationFailure.conflict("the payment is no longer held in suspense"));
                    Invoice invoice = existing(locked, target.get(0));
                    actor.mustCover(Optional.of(invoice.terms().municipality().value()));
                    return reconciler.matchSuspense(suspense, invoice, cause, decisions.payerInvoices(locked));
                });
    }

    @Transactional
    public ResolutionResult close(String exceptionId, String comment, String requestKey, Actor actor) {
        if (comment == null || comment.isBlank()) {
            throw OperationFailure.invalid("comment: say what was investigated and why nothing is to be settled");
        }
        return resolve(exceptionId, ResolutionAction.CLOSE, requestKey, actor, comment, null, List.of(), List.of(),
                (exception, locked, cause) -> Decision.recordOnly(0));
    }

    private ResolutionResult resolve(String exceptionId, ResolutionAction action, String requestKey, Actor actor,
                                     String comment, String refundReference, List<String> targets,
                                     List<InvoiceId> targetIds, Decide decide) {
        ExceptionView before = exceptions.visible(exceptionId, actor);
        String resolutionId = action.resolutionId(before.exceptionId(), requestKey);
        Set<InvoiceId> toLock = new HashSet<>(targetIds);
        Optional.ofNullable(before.invoiceId()).map(InvoiceId::new).ifPresent(toLock::add);
        Map<InvoiceId, Invoice> locked = decisions.lock(before.exceptionId(), toLock,
                Optional.ofNullable(before.paymentRef()).map(PaymentRef::new));

        Optional<ResolutionView> earlier = exceptions.resolution(resolutionId);
        if (earlier.isPresent()) {
            return new ResolutionResult(earlier.get(), settlementIds(resolutionId),
                    exceptions.read(before.exceptionId()).orElseThrow(), true);
        }
        ExceptionView exception = exceptions.read(before.exceptionId()).orElseThrow();
        if (!exception.status().equals("OPEN")) {
            throw OperationFailure.conflict("exception " + exceptionId + " is already resolved");
        }
        if (!action.appliesTo(ExceptionReason.valueOf(exception.reason()))) {
            throw OperationFailure.invalid("a " + exception.reason() + " exception cannot be resolved by "
                    + action.name());
        }
        Decision decision = decide.decide(exception, locked, ResolutionAction.cause(resolutionId));
        boolean resolvesIt = action == ResolutionAction.MATCH || action == ResolutionAction.CLOSE
                || decision.settledAmount() == exception.outstanding();
        decisions.record(decision, resolvesIt
                ? Optional.of(new ExceptionResolution(exception.exceptionId(), actor.id())) : Optional.empty());
        jdbc.update("""
                insert into exception_resolutions (resolution_id, exception_id, action, amount, targets,
                    refund_reference, comment, resolved_by, resolved_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?)""",
                UUID.fromString(resolutionId), UUID.fromString(exception.exceptionId()), action.name(),
                decision.settledAmount(), targets.toArray(String[]::new), refundReference, comment, actor.id(),
                OffsetDateTime.now(clock));
        ExceptionView after = exceptions.read(exception.exceptionId()).orElseThrow();
        List<String> booked = decision.settlements().stream().map(Settlement::settlementId).toList();
        audit.record(actor, "EXCEPTION_" + action.name(), "EXCEPTION", exception.exceptionId(),
                Optional.of(exception.municipalityCode()), exception.state(),
                Map.of("state", after.state(), "resolutionId", resolutionId, "settlements", booked,
                        "targets", targets, "refundReference", Optional.ofNullable(refundReference).orElse("")),
                comment);
        return new ResolutionResult(exceptions.resolution(resolutionId).orElseThrow(), booked, after, false);
    }

    /** The settlements a resolution booked: their cause names it. */
    private List<String> settlementIds(String resolutionId) {
        return jdbc.queryForList("select settlement_id::text from settlements where cause like ? order by booked_seq",
                String.class, ResolutionAction.cause(resolutionId) + "%");
    }

    private static List<InvoiceId> invoiceIds(List<String> ids) {
        try {
            return ids.stream().map(InvoiceId::new).toList();
        } catch (InvalidIdentifierException e) {
            throw OperationFailure.invalid(e.getMessage());
        }
    }

    private static Invoice existing(Map<InvoiceId, Invoice> locked, InvoiceId id) {
        Invoice invoice = locked.get(id);
        if (invoice == null) {
            throw OperationFailure.invalid("invoice " + id + " does not exist");
        }
        return invoice;
    }
}
