package io.shuno.operations;

import io.shuno.platform.ExcelCsv;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import java.nio.charset.StandardCharsets;
import java.sql.Date;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The payout list (還付支払一覧) of one municipality and day, for the payment system: each refund decided that day,
 * and each appropriation whose 還付加算金 is to be paid — payer, amount, interest, refund reference, original payment.
 * It names payers, so every export is audited. Refunds recorded before shuno booked them (no {@code decided_on}: paid
 * outside shuno) are on no list.
 */
@Component
public class RefundPayouts {

    /** One payment to a payer: the refunded 過誤納金 (nothing for an appropriation) and the interest on it. */
    public record Payout(LocalDate decidedOn, String action, String payerId, long refund, long interest,
                         String refundReference, String paymentRef, String invoiceId, String resolutionId) {

        public long total() {
            return refund + interest;
        }
    }

    private static final String HEADER = "決定日,種別,納付者番号,還付金額,還付加算金,支払額,還付番号,元の納付,請求,決定ID";

    private final JdbcTemplate jdbc;
    private final AuditLog audit;

    RefundPayouts(JdbcTemplate jdbc, AuditLog audit) {
        this.jdbc = jdbc;
        this.audit = audit;
    }

    @Transactional
    public byte[] csv(String municipality, LocalDate day, Actor actor) {
        if (municipality == null || !municipality.matches("[0-9]{6}")) {
            throw OperationFailure.invalid("municipality: the 6-digit 団体コード is required");
        }
        actor.mustCover(Optional.of(municipality));
        List<Payout> payouts = jdbc.query("""
                select r.decided_on, r.action, i.payer_id, r.amount, r.interest, r.refund_reference, e.payment_ref,
                       e.invoice_id, r.resolution_id::text
                from exception_resolutions r
                join staff_exceptions e on e.exception_id = r.exception_id
                left join invoices i on i.invoice_id = e.invoice_id
                where e.municipality_code = ? and r.decided_on = ?
                  and (r.action = 'REFUND' or (r.action = 'APPROPRIATE' and r.interest > 0))
                  -- The payment was voided at the terminal after the refund was decided: the card got the money
                  -- back, and VOID_AFTER_REFUND asks staff to stop this payout, so the list no longer instructs it.
                  and not exists (select 1 from staff_exceptions stopped
                                  where stopped.reason = 'VOID_AFTER_REFUND' and stopped.payment_ref = e.payment_ref)
                order by r.resolved_at, r.resolution_id""", (row, n) -> new Payout(
                row.getDate(1).toLocalDate(), row.getString(2), row.getString(3),
                row.getString(2).equals("REFUND") ? row.getLong(4) : 0, row.getLong(5), row.getString(6),
                row.getString(7), row.getString(8), row.getString(9)), municipality, Date.valueOf(day));
        audit.record(actor, "REFUND_PAYOUT_LIST_EXPORTED", "PAYOUT_LIST", municipality + ":" + day,
                Optional.of(municipality), Map.of(), Map.of("payouts", payouts.size(),
                        "total", payouts.stream().mapToLong(Payout::total).sum()), "");
        ExcelCsv csv = new ExcelCsv(HEADER);
        for (Payout payout : payouts) {
            csv.row(payout.decidedOn(), payout.action().equals("REFUND") ? "還付" : "充当加算金",
                    Optional.ofNullable(payout.payerId()).orElse(""), payout.refund(), payout.interest(),
                    payout.total(), Optional.ofNullable(payout.refundReference()).orElse(""), payout.paymentRef(),
                    payout.invoiceId(), payout.resolutionId());
        }
        return csv.toString().getBytes(StandardCharsets.UTF_8);
    }
}
