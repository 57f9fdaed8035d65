package io.shuno.exceptions;

import io.shuno.platform.MunicipalityScope;
import io.shuno.platform.SqlFilter;
import io.shuno.platform.StoredExplanations;
import io.shuno.reconciliation.ExceptionReason;
import io.shuno.reconciliation.ExcessCause;
import io.shuno.reconciliation.ResolutionAction;
import io.shuno.reconciliation.SuggestedAction;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * What the exceptions (table staff_exceptions) and staff's resolutions of them (exception_resolutions) say, for the
 * operations API, the dashboard and the daily close. Lists come a page at a time ({@code limit}, {@code offset}), each
 * with a count of all that match.
 */
@Component
public class ExceptionQueries {

    private static final String COLUMNS = """
            e.exception_id, e.reason, e.status, e.municipality_code, e.payment_ref, e.invoice_id, e.amount,
            case when e.status = 'OPEN'
                 then e.amount - coalesce((select sum(r.amount) from exception_resolutions r
                                           where r.exception_id = e.exception_id), 0)
                 else 0 end as outstanding,
            e.suggested_action, e.appropriation_candidates, e.detail, e.raised_at, e.resolved_at, e.resolved_by,
            e.excess_cause, e.refund_lapses_on, e.explanation""";
    private static final String RESOLUTION_COLUMNS = """
            resolution_id, exception_id, action, amount, targets, refund_reference, comment, resolved_by,
            resolved_at, decided_on, interest, interest_from, interest_to""";
    private static final String ABOUT = " from staff_exceptions e where e.invoice_id = ? or e.payment_ref = any(?)";

    /**
     * A refund decided on a day, or an appropriation whose 還付加算金 is to be paid: what the payout list shows of it.
     * {@code refund} is nothing for an appropriation.
     */
    public record Payout(LocalDate decidedOn, ResolutionAction action, long refund, long interest,
                         String refundReference, String paymentRef, String invoiceId, String resolutionId) {
    }

    private final JdbcTemplate jdbc;

    ExceptionQueries(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public List<ExceptionView> find(ExceptionFilter filter, MunicipalityScope scope, int limit, long offset) {
        SqlFilter where = filter.where(scope);
        return jdbc.query("select " + COLUMNS + " from staff_exceptions e" + where.where()
                + " order by e.raised_at, e.exception_id limit ? offset ?", (row, n) -> map(row),
                where.parameters(limit, offset));
    }

    public long count(ExceptionFilter filter, MunicipalityScope scope) {
        return count(filter.where(scope));
    }

    /** The open 過誤納金 whose refund claim lapses on {@code lapsesBy} or before, soonest first. */
    public List<ExceptionView> lapsing(LocalDate lapsesBy, MunicipalityScope scope, int limit, long offset) {
        SqlFilter where = lapsingBy(lapsesBy, scope);
        return jdbc.query("select " + COLUMNS + " from staff_exceptions e" + where.where()
                + " order by e.refund_lapses_on, e.raised_at, e.exception_id limit ? offset ?", (row, n) -> map(row),
                where.parameters(limit, offset));
    }

    public long countLapsing(LocalDate lapsesBy, MunicipalityScope scope) {
        return count(lapsingBy(lapsesBy, scope));
    }

    private static SqlFilter lapsingBy(LocalDate lapsesBy, MunicipalityScope scope) {
        return new SqlFilter().within(scope, "e.municipality_code").when(Optional.of(Date.valueOf(lapsesBy)),
                "e.status = 'OPEN' and e.refund_lapses_on <= ?");
    }

    private long count(SqlFilter where) {
        return jdbc.queryForObject("select count(*) from staff_exceptions e" + where.where(), Long.class,
                where.parameters());
    }

    /** The exception; none for an id that is not one. */
    public Optional<ExceptionView> read(String exceptionId) {
        UUID id;
        try {
            id = UUID.fromString(exceptionId);
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
        return jdbc.query("select " + COLUMNS + " from staff_exceptions e where e.exception_id = ?",
                (row, n) -> map(row), id).stream().findFirst();
    }

    public Optional<ResolutionView> resolution(String resolutionId) {
        return jdbc.query("select " + RESOLUTION_COLUMNS + " from exception_resolutions where resolution_id = ?",
                (row, n) -> mapResolution(row), UUID.fromString(resolutionId)).stream().findFirst();
    }

    /** The exceptions about an invoice (when given) or any of the payments, oldest first. */
    public List<ExceptionView> about(Optional<String> invoiceId, Collection<String> paymentRefs) {
        return jdbc.query("select " + COLUMNS + ABOUT + " order by e.raised_at, e.exception_id",
                (row, n) -> map(row), invoiceId.orElse(null), paymentRefs.toArray(String[]::new));
    }

    /** Staff's resolutions of the exceptions {@link #about} finds, in the order they were decided. */
    public List<ResolutionView> resolutionsAbout(Optional<String> invoiceId, Collection<String> paymentRefs) {
        return jdbc.query("select " + RESOLUTION_COLUMNS + " from exception_resolutions where exception_id in "
                + "(select e.exception_id" + ABOUT + ") order by resolved_at", (row, n) -> mapResolution(row),
                invoiceId.orElse(null), paymentRefs.toArray(String[]::new));
    }

    /** How many exceptions are open, per reason, in the order of the reasons' names. */
    public Map<ExceptionReason, Long> openByReason(MunicipalityScope scope) {
        SqlFilter where = new SqlFilter().within(scope, "municipality_code")
                .when(Optional.of(ExceptionStatus.OPEN.name()), "status = ?");
        Map<ExceptionReason, Long> counts = new LinkedHashMap<>();
        jdbc.query("select reason, count(*) as open from staff_exceptions" + where.where()
                + " group by reason order by reason", row -> {
            counts.put(ExceptionReason.valueOf(row.getString("reason")), row.getLong("open"));
        }, where.parameters());
        return counts;
    }

    /**
     * The municipality's exceptions still open that were raised on {@code day} (Tokyo) or are about one of the
     * {@code paymentRefs}, oldest first.
     */
    public List<ExceptionView> openOnDay(String municipality, LocalDate day, Collection<String> paymentRefs) {
        return jdbc.query("select " + COLUMNS + """
                 from staff_exceptions e
                where e.municipality_code = ? and e.status = 'OPEN'
                  and ((e.raised_at at time zone 'Asia/Tokyo')::date = ? or e.payment_ref = any(?))
                order by e.raised_at, e.exception_id""", (row, n) -> map(row), municipality, Date.valueOf(day),
                paymentRefs.toArray(String[]::new));
    }

    /**
     * The payouts decided for the municipality's exceptions on {@code day}: each refund, and each appropriation
     * with 還付加算金, in the order they were decided. A payment voided at the terminal after its refund was decided
     * is left out: the card got the money back, and VOID_AFTER_REFUND asks staff to stop that payout.
     */
    public List<Payout> payoutsDecided(String municipality, LocalDate day) {
        return jdbc.query("""
                select r.decided_on, r.action, r.amount, r.interest, r.refund_reference, e.payment_ref, e.invoice_id,
                       r.resolution_id::text as resolution_id
                from exception_resolutions r
                join staff_exceptions e on e.exception_id = r.exception_id
                where e.municipality_code = ? and r.decided_on = ?
                  and (r.action = 'REFUND' or (r.action = 'APPROPRIATE' and r.interest > 0))
                  and not exists (select 1 from staff_exceptions stopped
                                  where stopped.reason = 'VOID_AFTER_REFUND' and stopped.payment_ref = e.payment_ref)
                order by r.resolved_at, r.resolution_id""", (row, n) -> {
            ResolutionAction action = ResolutionAction.valueOf(row.getString("action"));
            return new Payout(row.getObject("decided_on", LocalDate.class), action,
                    action == ResolutionAction.REFUND ? row.getLong("amount") : 0, row.getLong("interest"),
                    row.getString("refund_reference"), row.getString("payment_ref"), row.getString("invoice_id"),
                    row.getString("resolution_id"));
        }, municipality, Date.valueOf(day));
    }

    private static ExceptionView map(ResultSet row) throws SQLException {
        return new ExceptionView(row.getString("exception_id"), ExceptionReason.valueOf(row.getString("reason")),
                ExceptionStatus.valueOf(row.getString("status")), row.getString("municipality_code"),
                row.getString("payment_ref"), row.getString("invoice_id"), row.getLong("amount"),
                row.getLong("outstanding"), SuggestedAction.valueOf(row.getString("suggested_action")),
                Arrays.asList((String[]) row.getArray("appropriation_candidates").getArray()),
                row.getString("detail"), row.getObject("raised_at", OffsetDateTime.class),
                row.getObject("resolved_at", OffsetDateTime.class), row.getString("resolved_by"),
                Optional.ofNullable(row.getString("excess_cause")).map(ExcessCause::valueOf).orElse(null),
                row.getObject("refund_lapses_on", LocalDate.class),
                StoredExplanations.orRecorded(row.getString("explanation"), row.getString("detail")));
    }

    private static ResolutionView mapResolution(ResultSet row) throws SQLException {
        return new ResolutionView(row.getString("resolution_id"), row.getString("exception_id"),
                ResolutionAction.valueOf(row.getString("action")), row.getLong("amount"),
                Arrays.asList((String[]) row.getArray("targets").getArray()), row.getString("refund_reference"),
                row.getString("comment"), row.getString("resolved_by"),
                row.getObject("resolved_at", OffsetDateTime.class), row.getObject("decided_on", LocalDate.class),
                row.getLong("interest"), row.getObject("interest_from", LocalDate.class),
                row.getObject("interest_to", LocalDate.class));
    }
}
