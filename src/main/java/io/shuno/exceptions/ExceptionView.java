package io.shuno.exceptions;

import com.fasterxml.jackson.annotation.JsonIgnore;
import io.shuno.platform.ExplanationTexts;
import io.shuno.reconciliation.ExceptionReason;
import io.shuno.reconciliation.ExcessAdvice;
import io.shuno.reconciliation.ExcessCause;
import io.shuno.reconciliation.Explanation;
import io.shuno.reconciliation.ExplanationCode;
import io.shuno.reconciliation.InvoiceId;
import io.shuno.reconciliation.RefundClaim;
import io.shuno.reconciliation.SuggestedAction;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * An exception as staff see it, with {@code outstanding}: the money still to decide — of an open exception, the part
 * of its amount no appropriation or refund has settled yet; of a resolved one (by staff, a later message or a VOID),
 * nothing. For 過誤納金, how it arose ({@code excessCause}) and {@code refundLapsesOn}, the last day a refund may be
 * decided before the claim lapses. {@code detail} is the {@code explanation} in Japanese unless rendered
 * {@link #in another language}.
 */
public record ExceptionView(String exceptionId, ExceptionReason reason, ExceptionStatus status,
                            String municipalityCode, String paymentRef, String invoiceId, long amount, long outstanding,
                            SuggestedAction suggestedAction, List<String> appropriationCandidates, String detail,
                            OffsetDateTime raisedAt, OffsetDateTime resolvedAt, String resolvedBy,
                            ExcessCause excessCause, LocalDate refundLapsesOn, @JsonIgnore Explanation explanation) {

    /** What the audit log keeps of an exception before and after a decision. */
    public record State(ExceptionStatus status, long outstanding) {
    }

    public State state() {
        return new State(status, outstanding);
    }

    public boolean open() {
        return status == ExceptionStatus.OPEN;
    }

    /** The same exception with 充当 advice given again: other candidates, suggested action and explanation. */
    public ExceptionView advised(ExcessAdvice today) {
        Explanation restated = explanation.code() == ExplanationCode.RECORDED
                ? withAdviceReplaced(today.candidates()) : today.explanation();
        return new ExceptionView(exceptionId, reason, status, municipalityCode, paymentRef, invoiceId, amount,
                outstanding, today.action(), today.candidates().stream().map(InvoiceId::value).toList(),
                ExplanationTexts.japanese(restated), raisedAt, resolvedAt, resolvedBy, excessCause, refundLapsesOn,
                restated);
    }

    /**
     * An explanation stored as Japanese text, before explanations had codes, ends with the advice given then: that
     * sentence is replaced by today's.
     */
    private Explanation withAdviceReplaced(List<InvoiceId> candidatesToday) {
        String earlier = ExplanationTexts.japanese(ExcessAdvice.on(appropriationCandidates.stream()
                .map(InvoiceId::new).toList()));
        String facts = detail.endsWith(earlier) ? detail.substring(0, detail.length() - earlier.length()) : detail;
        return Explanation.recorded(facts + ExplanationTexts.japanese(ExcessAdvice.on(candidatesToday)));
    }

    /** The same exception with its detail in {@code locale}'s language (Japanese where the bundles have none). */
    public ExceptionView in(Locale locale) {
        return new ExceptionView(exceptionId, reason, status, municipalityCode, paymentRef, invoiceId, amount,
                outstanding, suggestedAction, appropriationCandidates, ExplanationTexts.render(explanation, locale),
                raisedAt, resolvedAt, resolvedBy, excessCause, refundLapsesOn, explanation);
    }

    /** The payer's refund claim, on 過誤納金 exceptions. */
    public Optional<RefundClaim> refundClaim() {
        return Optional.ofNullable(excessCause).map(cause -> new RefundClaim(cause, refundLapsesOn));
    }
}
