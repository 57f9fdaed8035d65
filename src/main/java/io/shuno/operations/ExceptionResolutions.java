package io.shuno.operations;

import io.shuno.exceptions.ExceptionView;
import io.shuno.exceptions.ResolutionJournal;
import io.shuno.exceptions.ResolutionView;
import io.shuno.ledger.SettlementQueries;
import io.shuno.matching.StaffDecisions;
import io.shuno.reconciliation.Amount;
import io.shuno.reconciliation.Decision;
import io.shuno.reconciliation.ExceptionResolution;
import io.shuno.reconciliation.HeldOverpayment;
import io.shuno.reconciliation.Invoice;
import io.shuno.reconciliation.InvoiceId;
import io.shuno.reconciliation.InvoiceTerms;
import io.shuno.reconciliation.InvalidIdentifierException;
import io.shuno.reconciliation.PaymentRef;
import io.shuno.reconciliation.Reconciler;
import io.shuno.reconciliation.RefundClaim;
import io.shuno.reconciliation.RefundInterest;
import io.shuno.reconciliation.Refunds;
import io.shuno.reconciliation.ResolutionAction;
import io.shuno.reconciliation.Settlement;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Staff resolve exceptions: 充当, 還付, manual match of suspense, or close after investigation. Each request is named
 * by a deterministic resolution id (exception, action, idempotency key or request content), so a double click or a
 * resent request returns the first result and applies nothing twice. Each runs under the matching locks, books
 * through the settlement journal and outbox, and is audited — all in one transaction.
 *
 * <p>A refund clears the 過誤納金 into refunds payable (the treasury pays it from the payout list), with its
 * 還付加算金; an appropriation books its 還付加算金 too. Both are decided today (Asia/Tokyo) and take no more than the
 * exception still has outstanding — read under the locks, so a refund and an appropriation of the same money cannot
 * both happen. Staff confirm the interest they were shown: a request naming another figure is refused.
 */
@Component
public class ExceptionResolutions {

    private final ExceptionStore exceptions;
    private final StaffDecisions decisions;
    private final Reconciler reconciler;
    private final Refunds refunds;
    private final ResolutionJournal resolutions;
    private final SettlementQueries settlements;
    private final AuditLog audit;
    private final Clock clock;

    ExceptionResolutions(ExceptionStore exceptions, StaffDecisions decisions, Reconciler reconciler, Refunds refunds,
                         ResolutionJournal resolutions, SettlementQueries settlements, AuditLog audit, Clock clock) {
        this.exceptions = exceptions;
        this.decisions = decisions;
        this.reconciler = reconciler;
        this.refunds = refunds;
        this.resolutions = resolutions;
        this.settlements = settlements;
        this.audit = audit;
        this.clock = clock;
    }

    /** What one action decides on {@code today}, given the exception and the invoices locked for it. */
    private interface Decide {
        Decision decide(ExceptionView exception, Map<InvoiceId, Invoice> locked, String cause, LocalDate today);
    }

    /**
     * 充当 to {@code targets}, in order, with the 還付加算金 on what they take up to today. {@code previewedInterest},
     * when given, is the interest staff were shown: the appropriation is refused if it is now another figure.
     */
    @Transactional
    public ResolutionResult appropriate(String exceptionId, List<String> targets, Optional<Long> previewedInterest,
                                        String comment, String requestKey, Actor actor) {
        if (targets == null || targets.isEmpty()) {
            throw OperationFailure.invalid("targets: choose at least one open invoice of the same payer");
        }
        List<InvoiceId> targetIds = invoiceIds(targets);
        return resolve(exceptionId, ResolutionAction.APPROPRIATE, requestKey, actor, comment, null, targets,
                targetIds, (exception, locked, cause, today) -> {
                    // A lapsed claim is refused before the targets are looked at: nothing of it can be appropriated.
                    Refunds.mustNotHaveLapsed(claimOf(exception), today, "appropriation");
                    InvoiceTerms overpaid = existing(locked, new InvoiceId(exception.invoiceId())).terms();
                    List<HeldOverpayment> held = heldOf(exception);
                    Decision appropriation = reconciler.appropriate(overpaid, held, exception.outstanding(),
                            targetIds.stream().map(id -> existing(locked, id)).toList(), cause,
                            decisions.payerInvoices(locked));
                    return asPreviewed(refunds.withInterest(appropriation, overpaid, claimOf(exception), held,
                            today, cause), previewedInterest);
                });
    }

    /**
     * 還付 of {@code amount} yen (all that is left to refund when empty), decided today. {@code previewedInterest}, when
     * given, is the 還付加算金 staff were shown: the refund is refused if the interest is now another figure.
     */
    @Transactional
    public ResolutionResult refund(String exceptionId, String refundReference, Optional<Long> amount,
                                   Optional<Long> previewedInterest, String comment, String requestKey, Actor actor) {
        if (refundReference == null || refundReference.isBlank()) {
            throw OperationFailure.invalid("refundReference: the reference of the refund (還付) is required");
        }
        if (comment == null || comment.isBlank()) {
            throw OperationFailure.invalid("comment: say why the money is refunded rather than appropriated");
        }
        return resolve(exceptionId, ResolutionAction.REFUND, requestKey, actor, comment, refundReference, List.of(),
                List.of(), (exception, locked, cause, today) -> asPreviewed(refunds.refund(
                        existing(locked, new InvoiceId(exception.invoiceId())).terms(), claimOf(exception),
                        heldOf(exception), exception.outstanding(), amount, today, cause),
                        previewedInterest));
    }

    /** The decision, if its 還付加算金 is the figure staff were shown (when they name one). */
    private static Decision asPreviewed(Decision decision, Optional<Long> previewedInterest) {
        long interest = decision.interest().orElseThrow().amount();
        if (previewedInterest.filter(shown -> shown != interest).isPresent()) {
            throw OperationFailure.conflict("the 還付加算金 is now " + interest + " yen, not the "
                    + previewedInterest.get() + " yen shown: preview again before confirming");
        }
        return decision;
    }

    /**
     * What a refund of {@code amount} yen (all that is left when empty) decided today would pay; the interest is also
     * what an appropriation of that amount today adds.
     */
    @Transactional(readOnly = true)
    public RefundPreview previewRefund(String exceptionId, Optional<Long> amount, Actor actor) {
        ExceptionView exception = exceptions.visible(exceptionId, actor);
        List<HeldOverpayment> held = heldOf(exception);
        long available = availableFor(ResolutionAction.REFUND, exception, held);
        long refunded = amount.orElse(available);
        if (refunded < 1 || refunded > available) {
            throw OperationFailure.invalid("amount: a refund is between 1 and the " + available + " yen left");
        }
        return preview(exception, held, available, refunded, unlocked(exception.invoiceId()));
    }

    /**
     * What a 充当 to {@code targets} today would take (as {@code amount}) and the 還付加算金 it adds: the figure staff
     * confirm as {@code interest} when they appropriate to the same targets.
     */
    @Transactional(readOnly = true)
    public RefundPreview previewAppropriation(String exceptionId, List<String> targets, Actor actor) {
        if (targets == null || targets.isEmpty()) {
            throw OperationFailure.invalid("targets: choose at least one open invoice of the same payer");
        }
        ExceptionView exception = exceptions.visible(exceptionId, actor);
        List<HeldOverpayment> held = heldOf(exception);
        long available = availableFor(ResolutionAction.APPROPRIATE, exception, held);
        List<InvoiceId> targetIds = invoiceIds(targets);
        Set<InvoiceId> wanted = new HashSet<>(targetIds);
        wanted.add(new InvoiceId(exception.invoiceId()));
        Map<InvoiceId, Invoice> read = decisions.invoices(wanted);
        Invoice overpaid = Optional.ofNullable(read.get(new InvoiceId(exception.invoiceId())))
                .orElseThrow(() -> OperationFailure.notFound("invoice " + exception.invoiceId()));
        Decision appropriation = reconciler.appropriate(overpaid.terms(), held, exception.outstanding(),
                targetIds.stream().map(id -> existing(read, id)).toList(),
                ResolutionAction.cause(exception.exceptionId()), decisions.payerInvoices(read));
        return preview(exception, held, available, appropriation.settledAmount().yen(), overpaid);
    }

    /** What of the exception's 過誤納金 is left for {@code action}; refused when it does not apply or nothing is left. */
    private static long availableFor(ResolutionAction action, ExceptionView exception, List<HeldOverpayment> held) {
        if (!action.appliesTo(exception.reason())) {
            throw OperationFailure.invalid("a " + exception.reason() + " exception is not resolved by " + action.name());
        }
        long available = Refunds.available(held, exception.outstanding());
        if (available == 0) {
            throw OperationFailure.conflict("nothing of this overpayment is left to refund");
        }
        return available;
    }

    private RefundPreview preview(ExceptionView exception, List<HeldOverpayment> held, long available, long amount,
                                  Invoice overpaid) {
        LocalDate today = LocalDate.now(clock);
        RefundClaim claim = claimOf(exception);
        return new RefundPreview(exception.exceptionId(), amount, available,
                refunds.interest(overpaid.terms(), claim, held, amount, today), today, claim.lastDayToRefund(),
                today.isAfter(claim.lastDayToRefund()));
    }

    /** An invoice as it stands, read without locks: previews decide nothing. */
    private Invoice unlocked(String invoiceId) {
        return decisions.invoice(new InvoiceId(invoiceId))
                .orElseThrow(() -> OperationFailure.notFound("invoice " + invoiceId));
    }

    @Transactional
    public ResolutionResult match(String exceptionId, String invoiceId, String comment, String requestKey,
                                  Actor actor) {
        if (invoiceId == null || invoiceId.isBlank()) {
            throw OperationFailure.invalid("invoiceId: the invoice the payment was meant for is required");
        }
        List<InvoiceId> target = invoiceIds(List.of(invoiceId));
        return resolve(exceptionId, ResolutionAction.MATCH, requestKey, actor, comment, null, List.of(invoiceId),
                target, (exception, locked, cause, today) -> {
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
                (exception, locked, cause, today) -> Decision.recordOnly(Amount.ZERO));
    }

    private List<HeldOverpayment> heldOf(ExceptionView exception) {
        return decisions.heldOverpayments(new PaymentRef(exception.paymentRef()), new InvoiceId(exception.invoiceId()));
    }

    private static RefundClaim claimOf(ExceptionView exception) {
        return exception.refundClaim().orElseThrow(() -> new IllegalStateException("過誤納金 exception "
                + exception.exceptionId() + " carries no refund claim"));
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
        if (!exception.open()) {
            throw OperationFailure.conflict("exception " + exceptionId + " is already resolved");
        }
        if (!action.appliesTo(exception.reason())) {
            throw OperationFailure.invalid("a " + exception.reason() + " exception cannot be resolved by "
                    + action.name());
        }
        // One reading of the clock per decision: its settlements' date and the recorded decision date agree.
        OffsetDateTime now = OffsetDateTime.now(clock);
        Decision decision = decide.decide(exception, locked, ResolutionAction.cause(resolutionId), now.toLocalDate());
        // 充当 and 還付 resolve the exception once nothing of its 過誤納金 is left to refund or appropriate.
        boolean resolvesIt = switch (action) {
            case MATCH, CLOSE -> true;
            case APPROPRIATE, REFUND -> Refunds.leavesNothing(heldOf(exception), exception.outstanding(),
                    decision.settledAmount().yen());
        };
        decisions.record(decision, resolvesIt
                ? Optional.of(new ExceptionResolution(exception.exceptionId(), actor.id())) : Optional.empty());
        Optional<RefundInterest> interest = decision.interest();
        resolutions.record(new ResolutionView(resolutionId, exception.exceptionId(), action,
                decision.settledAmount().yen(), targets, refundReference, comment, actor.id(), now, now.toLocalDate(),
                interest.map(RefundInterest::amount).orElse(0L), interest.flatMap(RefundInterest::from).orElse(null),
                interest.flatMap(RefundInterest::to).orElse(null)));
        ExceptionView after = exceptions.read(exception.exceptionId()).orElseThrow();
        List<String> booked = decision.settlements().stream().map(Settlement::settlementId).toList();
        audit.record(actor, "EXCEPTION_" + action.name(), "EXCEPTION", exception.exceptionId(),
                Optional.of(exception.municipalityCode()), exception.state(),
                Map.of("state", after.state(), "resolutionId", resolutionId, "settlements", booked,
                        "targets", targets, "refundReference", Optional.ofNullable(refundReference).orElse(""),
                        "interest", interest.map(RefundInterest::amount).orElse(0L)),
                comment);
        return new ResolutionResult(exceptions.resolution(resolutionId).orElseThrow(), booked, after, false);
    }

    /** The settlements a resolution booked: their cause names it. */
    private List<String> settlementIds(String resolutionId) {
        return settlements.causedBy(ResolutionAction.cause(resolutionId));
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
