package io.shuno.operations;

import io.shuno.matching.StaffDecisions;
import io.shuno.platform.StoredExplanations;
import io.shuno.reconciliation.ExceptionReason;
import io.shuno.reconciliation.ExcessAdvice;
import io.shuno.reconciliation.InvoiceId;
import io.shuno.reconciliation.Reconciler;
import io.shuno.reconciliation.ResolutionAction;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Reads the exceptions matching raised (table staff_exceptions) and the resolutions staff recorded for them; an open
 * exception about 過誤納金 is shown with 充当 advice as of today.
 */
@Component
public class ExceptionStore {

    static final String COLUMNS = """
            e.exception_id, e.reason, e.status, e.municipality_code, e.payment_ref, e.invoice_id, e.amount,
            case when e.status = 'OPEN'
                 then e.amount - coalesce((select sum(r.amount) from exception_resolutions r
                                           where r.exception_id = e.exception_id), 0)
                 else 0 end as outstanding,
            e.suggested_action, e.appropriation_candidates, e.detail, e.raised_at, e.resolved_at, e.resolved_by,
            e.excess_cause, e.refund_lapses_on, e.explanation""";
    static final String RESOLUTION_COLUMNS = """
            resolution_id, exception_id, action, amount, targets, refund_reference, comment, resolved_by,
            resolved_at, decided_on, interest, interest_from, interest_to""";

    private final JdbcTemplate jdbc;
    private final InvoiceStories stories;
    private final StaffDecisions decisions;
    private final Reconciler reconciler;
    private final Clock clock;

    ExceptionStore(JdbcTemplate jdbc, InvoiceStories stories, StaffDecisions decisions, Reconciler reconciler,
                   Clock clock) {
        this.jdbc = jdbc;
        this.stories = stories;
        this.decisions = decisions;
        this.reconciler = reconciler;
        this.clock = clock;
    }

    public Page<ExceptionView> find(ExceptionFilter filter, Actor actor, PageRequest page) {
        SqlFilter where = filter.where(actor);
        List<ExceptionView> exceptions = jdbc.query("select " + COLUMNS + " from staff_exceptions e" + where.where()
                + " order by e.raised_at, e.exception_id limit ? offset ?", (row, n) -> map(row),
                where.parameters(page)).stream().map(this::advisedToday).toList();
        Long total = jdbc.queryForObject("select count(*) from staff_exceptions e" + where.where(), Long.class,
                where.parameters());
        return new Page<>(exceptions, page.page(), page.size(), total);
    }

    /**
     * The open 過誤納金 whose refund claim lapses within {@code withinDays} days of {@code today} (or has lapsed
     * already), soonest first.
     */
    public Page<ExceptionView> lapsing(LocalDate today, int withinDays, Actor actor, PageRequest page) {
        if (withinDays < 0 || withinDays > 3_660) {
            throw OperationFailure.invalid("withinDays: a number of days from 0 to 3660");
        }
        SqlFilter where = new SqlFilter().within(actor, "e.municipality_code").when(
                Optional.of(java.sql.Date.valueOf(today.plusDays(withinDays))),
                "e.status = 'OPEN' and e.refund_lapses_on <= ?");
        List<ExceptionView> exceptions = jdbc.query("select " + COLUMNS + " from staff_exceptions e" + where.where()
                + " order by e.refund_lapses_on, e.raised_at, e.exception_id limit ? offset ?", (row, n) -> map(row),
                where.parameters(page));
        Long total = jdbc.queryForObject("select count(*) from staff_exceptions e" + where.where(), Long.class,
                where.parameters());
        return new Page<>(exceptions, page.page(), page.size(), total);
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
        if (!exception.status().equals("OPEN") || exception.invoiceId() == null
                || !ResolutionAction.APPROPRIATE.appliesTo(ExceptionReason.valueOf(exception.reason()))) {
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
        UUID id;
        try {
            id = UUID.fromString(exceptionId);
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
        return jdbc.query("select " + COLUMNS + " from staff_exceptions e where e.exception_id = ?",
                (row, n) -> map(row), id).stream().findFirst();
    }

    Optional<ResolutionView> resolution(String resolutionId) {
        return jdbc.query("select " + RESOLUTION_COLUMNS + " from exception_resolutions where resolution_id = ?",
                (row, n) -> mapResolution(row), UUID.fromString(resolutionId)).stream().findFirst();
    }

    static ExceptionView map(ResultSet row) throws SQLException {
        return new ExceptionView(row.getString("exception_id"), row.getString("reason"), row.getString("status"),
                row.getString("municipality_code"), row.getString("payment_ref"), row.getString("invoice_id"),
                row.getLong("amount"), row.getLong("outstanding"), row.getString("suggested_action"),
                Arrays.asList((String[]) row.getArray("appropriation_candidates").getArray()),
                row.getString("detail"), row.getObject("raised_at", OffsetDateTime.class),
                row.getObject("resolved_at", OffsetDateTime.class), row.getString("resolved_by"),
                row.getString("excess_cause"), row.getObject("refund_lapses_on", LocalDate.class),
                StoredExplanations.orRecorded(row.getString("explanation"), row.getString("detail")));
    }

    static ResolutionView mapResolution(ResultSet row) throws SQLException {
        return new ResolutionView(row.getString("resolution_id"), row.getString("exception_id"),
                row.getString("action"), row.getLong("amount"),
                Arrays.asList((String[]) row.getArray("targets").getArray()), row.getString("refund_reference"),
                row.getString("comment"), row.getString("resolved_by"),
                row.getObject("resolved_at", OffsetDateTime.class), row.getObject("decided_on", LocalDate.class),
                row.getLong("interest"), row.getObject("interest_from", LocalDate.class),
                row.getObject("interest_to", LocalDate.class));
    }
}
