package io.shuno.operations;

import io.shuno.exceptions.ExceptionFilter;
import io.shuno.exceptions.ExceptionQueries;
import io.shuno.exceptions.ExceptionView;
import io.shuno.exceptions.ResolutionView;
import io.shuno.matching.StaffDecisions;
import io.shuno.reconciliation.ExcessAdvice;
import io.shuno.reconciliation.InvoiceId;
import io.shuno.reconciliation.Reconciler;
import io.shuno.reconciliation.ResolutionAction;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The exceptions matching raised and the resolutions staff recorded for them, as an actor may see them; an open
 * exception about 過誤納金 is shown with 充当 advice as of today.
 */
@Component
public class ExceptionStore {

    private final ExceptionQueries queries;
    private final InvoiceStories stories;
    private final StaffDecisions decisions;
    private final Reconciler reconciler;
    private final Clock clock;

    ExceptionStore(ExceptionQueries queries, InvoiceStories stories, StaffDecisions decisions, Reconciler reconciler,
                   Clock clock) {
        this.queries = queries;
        this.stories = stories;
        this.decisions = decisions;
        this.reconciler = reconciler;
        this.clock = clock;
    }

    public Page<ExceptionView> find(ExceptionFilter filter, Actor actor, PageRequest page) {
        List<ExceptionView> exceptions = queries.find(filter, actor.scope(), page.size(), page.offset()).stream()
                .map(this::advisedToday).toList();
        return new Page<>(exceptions, page.page(), page.size(), queries.count(filter, actor.scope()));
    }

    /**
     * The open 過誤納金 whose refund claim lapses within {@code withinDays} days of {@code today} (or has lapsed
     * already), soonest first.
     */
    public Page<ExceptionView> lapsing(LocalDate today, int withinDays, Actor actor, PageRequest page) {
        if (withinDays < 0 || withinDays > 3_660) {
            throw OperationFailure.invalid("withinDays: a number of days from 0 to 3660");
        }
        LocalDate lapsesBy = today.plusDays(withinDays);
        return new Page<>(queries.lapsing(lapsesBy, actor.scope(), page.size(), page.offset()), page.page(),
                page.size(), queries.countLapsing(lapsesBy, actor.scope()));
    }

    public ExceptionDetail get(String exceptionId, Actor actor) {
        ExceptionView exception = advisedToday(visible(exceptionId, actor));
        InvoiceStory story = exception.invoiceId() != null
                ? stories.ofInvoice(exception.invoiceId(), actor)
                : stories.ofPayment(exception.paymentRef(), actor);
        return new ExceptionDetail(exception, story);
    }

    /**
     * An open exception about 過誤納金 with its 充当 advice (candidates, suggested action, the detail's last sentence)
     * given again from the payer's invoices as they are today: the advice stored when it was raised goes stale as
     * the payer's invoices are issued, fall due and get paid.
     */
    private ExceptionView advisedToday(ExceptionView exception) {
        if (!exception.open() || exception.invoiceId() == null
                || !ResolutionAction.APPROPRIATE.appliesTo(exception.reason())) {
            return exception;
        }
        InvoiceId overpaid = new InvoiceId(exception.invoiceId());
        return decisions.invoice(overpaid).map(invoice -> {
            ExcessAdvice today = reconciler.adviseOnExcess(invoice.terms(), exception.explanation(),
                    decisions.payerInvoices(Map.of(overpaid, invoice)), LocalDate.now(clock));
            return exception.advised(today);
        }).orElse(exception);
    }

    /** The exception, if it exists and the actor acts for its municipality. */
    ExceptionView visible(String exceptionId, Actor actor) {
        ExceptionView exception = read(exceptionId)
                .orElseThrow(() -> OperationFailure.notFound("exception " + exceptionId));
        actor.mustCover(Optional.of(exception.municipalityCode()));
        return exception;
    }

    Optional<ExceptionView> read(String exceptionId) {
        return queries.read(exceptionId);
    }

    Optional<ResolutionView> resolution(String resolutionId) {
        return queries.resolution(resolutionId);
    }
}
