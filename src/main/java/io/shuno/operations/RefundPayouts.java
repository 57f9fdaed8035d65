package io.shuno.operations;

import io.shuno.exceptions.ExceptionQueries;
import io.shuno.matching.MatchingQueries;
import io.shuno.platform.ExcelCsv;
import io.shuno.reconciliation.ResolutionAction;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The payout list (還付支払一覧) of one municipality and day, for the payment system: each refund decided that day,
 * and each appropriation whose 還付加算金 is to be paid — payer, amount, interest, refund reference, original payment.
 * It names payers, so every export is audited. Refunds recorded before shuno booked them (no {@code decided_on}: paid
 * outside shuno) are on no list.
 */
@Component
public class RefundPayouts {

    /** One payment to a payer: the refunded 過誤納金 (nothing for an appropriation) and the interest on it. */
    public record Payout(LocalDate decidedOn, ResolutionAction action, String payerId, long refund, long interest,
                         String refundReference, String paymentRef, String invoiceId, String resolutionId) {

        public long total() {
            return refund + interest;
        }
    }

    private static final String HEADER = "決定日,種別,納付者番号,還付金額,還付加算金,支払額,還付番号,元の納付,請求,決定ID";

    private final ExceptionQueries exceptions;
    private final MatchingQueries records;
    private final AuditLog audit;

    RefundPayouts(ExceptionQueries exceptions, MatchingQueries records, AuditLog audit) {
        this.exceptions = exceptions;
        this.records = records;
        this.audit = audit;
    }

    @Transactional
    public byte[] csv(String municipality, LocalDate day, Actor actor) {
        if (municipality == null || !municipality.matches("[0-9]{6}")) {
            throw OperationFailure.invalid("municipality: the 6-digit 団体コード is required");
        }
        actor.mustCover(Optional.of(municipality));
        List<ExceptionQueries.Payout> decided = exceptions.payoutsDecided(municipality, day);
        Map<String, String> payers = records.payersOf(decided.stream().map(ExceptionQueries.Payout::invoiceId)
                .filter(Objects::nonNull).collect(Collectors.toSet()));
        List<Payout> payouts = decided.stream().map(payout -> new Payout(payout.decidedOn(), payout.action(),
                payers.get(payout.invoiceId()), payout.refund(), payout.interest(), payout.refundReference(),
                payout.paymentRef(), payout.invoiceId(), payout.resolutionId())).toList();
        audit.record(actor, "REFUND_PAYOUT_LIST_EXPORTED", "PAYOUT_LIST", municipality + ":" + day,
                Optional.of(municipality), Map.of(), Map.of("payouts", payouts.size(),
                        "total", payouts.stream().mapToLong(Payout::total).sum()), "");
        ExcelCsv csv = new ExcelCsv(HEADER);
        for (Payout payout : payouts) {
            csv.row(payout.decidedOn(), payout.action() == ResolutionAction.REFUND ? "還付" : "充当加算金",
                    Optional.ofNullable(payout.payerId()).orElse(""), payout.refund(), payout.interest(),
                    payout.total(), Optional.ofNullable(payout.refundReference()).orElse(""), payout.paymentRef(),
                    payout.invoiceId(), payout.resolutionId());
        }
        return csv.toString().getBytes(StandardCharsets.UTF_8);
    }
}
