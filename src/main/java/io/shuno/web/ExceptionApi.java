package io.shuno.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.shuno.exceptions.ExceptionStatus;
import io.shuno.operations.ExceptionDetail;
import io.shuno.exceptions.ExceptionFilter;
import io.shuno.operations.ExceptionResolutions;
import io.shuno.operations.ExceptionStore;
import io.shuno.exceptions.ExceptionView;
import io.shuno.operations.Page;
import io.shuno.operations.PageRequest;
import io.shuno.operations.RefundPreview;
import io.shuno.operations.ResolutionResult;
import io.shuno.reconciliation.ExceptionReason;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpHeaders;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * Exceptions and their resolution. A resolution request is recognised when sent again — by its Idempotency-Key
 * header, or without one by its content — and then returns the first result without applying anything twice.
 */
@RestController
@RequestMapping("/api/v1/exceptions")
@Tag(name = "Exceptions")
class ExceptionApi {

    private static final String IDEMPOTENCY_KEY = "Idempotency-Key";
    /** The statuses an exception can be in, as the list filters accept them. */
    static final List<String> STATUSES = InvalidParameter.names(ExceptionStatus.class);
    static final List<String> REASONS = InvalidParameter.names(ExceptionReason.class);

    /** {@code interest}: the 還付加算金 staff were shown for what the targets take; absent: whatever it is now. */
    record AppropriateRequest(List<String> targets, Long interest, String comment) {
    }

    /**
     * {@code amount}: the yen to refund, all that is outstanding when absent; {@code interest}: the 還付加算金 of the
     * preview staff confirm — the refund is refused if it is no longer that figure (absent: whatever it is now).
     */
    record RefundRequest(String refundReference, Long amount, Long interest, String comment) {
    }

    record MatchRequest(String invoiceId, String comment) {
    }

    record CloseRequest(String comment) {
    }

    private final ExceptionStore store;
    private final ExceptionResolutions resolutions;
    private final ApiUserDirectory users;
    private final ObjectMapper json;
    private final Clock clock;

    ExceptionApi(ExceptionStore store, ExceptionResolutions resolutions, ApiUserDirectory users, ObjectMapper json,
                 Clock clock) {
        this.store = store;
        this.resolutions = resolutions;
        this.users = users;
        this.json = json;
        this.clock = clock;
    }

    @GetMapping
    @Operation(summary = "List exceptions, filtered by reason, status (OPEN or RESOLVED, any case), municipality and "
            + "the date raised (yyyy-MM-dd, both ends inclusive)")
    Page<ExceptionView> list(@RequestParam Optional<String> reason, @RequestParam Optional<String> status,
                             @RequestParam Optional<String> municipality,
                             @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) Optional<LocalDate> from,
                             @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) Optional<LocalDate> to,
                             @RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "50") int size,
                             @RequestHeader(HttpHeaders.ACCEPT_LANGUAGE) Optional<String> language,
                             Authentication caller) {
        return ExplanationLanguage.in(store.find(new ExceptionFilter(InvalidParameter.choice("reason", reason,
                REASONS), InvalidParameter.choice("status", status, STATUSES), municipality, from, to),
                users.actor(caller), new PageRequest(page, size)), ExplanationLanguage.of(language));
    }

    @GetMapping("/{id}")
    @Operation(summary = "One exception with its invoice, payments, settlements and resolutions")
    ExceptionDetail get(@PathVariable String id,
                        @RequestHeader(HttpHeaders.ACCEPT_LANGUAGE) Optional<String> language, Authentication caller) {
        return store.get(id, users.actor(caller)).in(ExplanationLanguage.of(language));
    }

    @PostMapping("/{id}/appropriate")
    @Operation(summary = "充当: apply the 過誤納金 to open invoices of the same payer, in the order given, with the "
            + "還付加算金 on what they take up to today (409 if interest is given and no longer that figure)")
    ResolutionResult appropriate(@PathVariable String id, @RequestBody AppropriateRequest request,
                                 @RequestHeader(IDEMPOTENCY_KEY) Optional<String> key, Authentication caller) {
        return resolutions.appropriate(id, request.targets(), Optional.ofNullable(request.interest()),
                request.comment(), requestKey(key, request), users.actor(caller));
    }

    @PostMapping("/{id}/refund")
    @Operation(summary = "還付: refund the 過誤納金 (all outstanding, or amount) with its 還付加算金, decided today; "
            + "books REFUND and REFUND_INTEREST settlements; refused once the claim has lapsed")
    ResolutionResult refund(@PathVariable String id, @RequestBody RefundRequest request,
                            @RequestHeader(IDEMPOTENCY_KEY) Optional<String> key, Authentication caller) {
        return resolutions.refund(id, request.refundReference(), Optional.ofNullable(request.amount()),
                Optional.ofNullable(request.interest()), request.comment(), requestKey(key, request),
                users.actor(caller));
    }

    @GetMapping("/{id}/refund-preview")
    @Operation(summary = "What a refund decided today would pay: the amount, its 還付加算金 and the period it ran, "
            + "and the last day the claim may be refunded")
    RefundPreview refundPreview(@PathVariable String id, @RequestParam Optional<Long> amount, Authentication caller) {
        return resolutions.previewRefund(id, amount, users.actor(caller));
    }

    @GetMapping("/lapsing")
    @Operation(summary = "Open 過誤納金 whose refund claim lapses within the given days (default 90), soonest first; "
            + "claims already lapsed come first")
    Page<ExceptionView> lapsing(@RequestParam(defaultValue = "90") int withinDays,
                                @RequestParam(defaultValue = "0") int page,
                                @RequestParam(defaultValue = "50") int size,
                                @RequestHeader(HttpHeaders.ACCEPT_LANGUAGE) Optional<String> language,
                                Authentication caller) {
        return ExplanationLanguage.in(store.lapsing(LocalDate.now(clock), withinDays, users.actor(caller),
                new PageRequest(page, size)), ExplanationLanguage.of(language));
    }

    @PostMapping("/{id}/match")
    @Operation(summary = "手動消込: book a payment held in suspense against the invoice it was meant for")
    ResolutionResult match(@PathVariable String id, @RequestBody MatchRequest request,
                           @RequestHeader(IDEMPOTENCY_KEY) Optional<String> key, Authentication caller) {
        return resolutions.match(id, request.invoiceId(), request.comment(), requestKey(key, request),
                users.actor(caller));
    }

    @PostMapping("/{id}/close")
    @Operation(summary = "Close after investigation: nothing to settle; the comment is mandatory")
    ResolutionResult close(@PathVariable String id, @RequestBody CloseRequest request,
                           @RequestHeader(IDEMPOTENCY_KEY) Optional<String> key, Authentication caller) {
        return resolutions.close(id, request.comment(), requestKey(key, request), users.actor(caller));
    }

    /** A request named by the client (the API's Idempotency-Key, the dashboard's form key). */
    static String clientKey(String key) {
        return "key:" + key;
    }

    /** The client's idempotency key, or else the request's content: the same click sends the same content. */
    private String requestKey(Optional<String> key, Object request) {
        if (key.isPresent()) {
            return clientKey(key.get());
        }
        try {
            return "content:" + json.writeValueAsString(request);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a request record always serialises", e);
        }
    }
}
