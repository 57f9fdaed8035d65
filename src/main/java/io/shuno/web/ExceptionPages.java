package io.shuno.web;

import io.shuno.operations.ExceptionDetail;
import io.shuno.exceptions.ExceptionFilter;
import io.shuno.operations.ExceptionResolutions;
import io.shuno.operations.ExceptionStore;
import io.shuno.exceptions.ExceptionView;
import io.shuno.operations.Page;
import io.shuno.operations.OperationFailure;
import io.shuno.operations.PageRequest;
import io.shuno.operations.ResolutionResult;
import io.shuno.reconciliation.ExceptionReason;
import io.shuno.reconciliation.RefusedDecision;
import io.shuno.reconciliation.ResolutionAction;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

/**
 * The exception queue: filter, open one with its invoice story, resolve it. Resolutions go through the same
 * {@link ExceptionResolutions} as the API — same rules, audit and idempotency: each rendered form carries its own
 * key, so a double-submitted form applies once.
 */
@Controller
@DashboardPage
@RequestMapping("/dashboard/exceptions")
class ExceptionPages {

    private static final int PAGE_SIZE = 50;

    private final ExceptionStore store;
    private final ExceptionResolutions resolutions;
    private final ApiUserDirectory users;
    private final Clock clock;

    ExceptionPages(ExceptionStore store, ExceptionResolutions resolutions, ApiUserDirectory users, Clock clock) {
        this.store = store;
        this.resolutions = resolutions;
        this.users = users;
        this.clock = clock;
    }

    @GetMapping
    String list(@RequestParam Optional<String> reason, @RequestParam Optional<String> status,
                @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) Optional<LocalDate> from,
                @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) Optional<LocalDate> to,
                @RequestParam(defaultValue = "0") int page, Authentication caller, HttpServletRequest request,
                Model model) {
        Optional<String> chosenReason = InvalidParameter.choice("reason", reason, ExceptionApi.REASONS);
        Optional<String> chosenStatus = InvalidParameter.choice("status", status, ExceptionApi.STATUSES);
        Page<ExceptionView> exceptions = store.find(new ExceptionFilter(chosenReason, chosenStatus, Optional.empty(),
                from, to), users.actor(caller), new PageRequest(page, PAGE_SIZE));
        model.addAttribute("exceptions", exceptions);
        model.addAttribute("pages", PageLinks.of(exceptions, request));
        model.addAttribute("reason", chosenReason.orElse(""));
        model.addAttribute("status", chosenStatus.orElse(""));
        model.addAttribute("from", from.orElse(null));
        model.addAttribute("to", to.orElse(null));
        model.addAttribute("reasons", List.of(ExceptionReason.values()));
        model.addAttribute("statuses", ExceptionApi.STATUSES);
        return "dashboard/exceptions";
    }

    /**
     * One exception. {@code targets}, when the 充当 form asks for its interest again, are the invoices chosen there;
     * otherwise the suggested candidates.
     */
    @GetMapping("/{id}")
    String show(@PathVariable String id, @RequestParam Optional<List<String>> targets, Authentication caller,
                Locale locale, Model model) {
        ExceptionDetail detail = store.get(id, users.actor(caller)).in(locale);
        model.addAttribute("detail", detail);
        // Only the decisions the rules allow for this reason get a form; the service refuses the others anyway.
        ExceptionReason reason = detail.exception().reason();
        model.addAttribute("actions", Arrays.stream(ResolutionAction.values())
                .filter(action -> action.appliesTo(reason)).map(Enum::name).toList());
        model.addAttribute("formKey", UUID.randomUUID().toString());
        // 時効 extinguishes the claim: neither 還付 nor 充当 is offered for it any more.
        model.addAttribute("claimLapsed", Optional.ofNullable(detail.exception().refundLapsesOn())
                .filter(LocalDate.now(clock)::isAfter).isPresent());
        List<String> chosen = targets.map(List::stream).orElseGet(() -> detail.exception().appropriationCandidates()
                .stream()).filter(target -> !target.isBlank()).distinct().toList();
        model.addAttribute("chosenTargets", chosen);
        model.addAttribute("otherTargets", chosen.stream()
                .filter(target -> !detail.exception().appropriationCandidates().contains(target)).toList());
        if (detail.exception().open() && ResolutionAction.REFUND.appliesTo(reason)) {
            // Staff see the 還付加算金 and its period before they confirm: each form sends back the figure shown —
            // for 充当, the interest on what the chosen invoices take.
            try {
                model.addAttribute("refundPreview", resolutions.previewRefund(id, Optional.empty(), users.actor(caller)));
            } catch (OperationFailure | RefusedDecision cannotRefund) {
                model.addAttribute("refundUnavailable", cannotRefund.getMessage());
            }
            if (!chosen.isEmpty()) {
                try {
                    model.addAttribute("appropriationPreview",
                            resolutions.previewAppropriation(id, chosen, users.actor(caller)));
                } catch (OperationFailure | RefusedDecision cannotAppropriate) {
                    model.addAttribute("appropriationUnavailable", cannotAppropriate.getMessage());
                }
            }
        }
        return "dashboard/exception";
    }

    /** The open 過誤納金 whose refund claim lapses within {@code days} days, soonest first (lapsed ones on top). */
    @GetMapping("/lapsing")
    String lapsing(@RequestParam(defaultValue = "90") int days, @RequestParam(defaultValue = "0") int page,
                   Authentication caller, Model model) {
        LocalDate today = LocalDate.now(clock);
        model.addAttribute("exceptions", store.lapsing(today, days, users.actor(caller), new PageRequest(page, 50)));
        model.addAttribute("days", days);
        model.addAttribute("today", today);
        return "dashboard/lapsing";
    }

    @PostMapping("/{id}/appropriate")
    String appropriate(@PathVariable String id, @RequestParam(defaultValue = "") List<String> targets,
                       @RequestParam long interest, @RequestParam String comment, @RequestParam String formKey,
                       Authentication caller, RedirectAttributes redirect) {
        // The free field for a further invoice is sent empty when unused.
        List<String> chosen = targets.stream().filter(target -> !target.isBlank()).toList();
        return shown(resolutions.appropriate(id, chosen, Optional.of(interest), comment,
                ExceptionApi.clientKey(formKey), users.actor(caller)), redirect);
    }

    @PostMapping("/{id}/refund")
    String refund(@PathVariable String id, @RequestParam String refundReference, @RequestParam long amount,
                  @RequestParam long interest, @RequestParam String comment, @RequestParam String formKey,
                  Authentication caller, RedirectAttributes redirect) {
        return shown(resolutions.refund(id, refundReference, Optional.of(amount), Optional.of(interest), comment,
                ExceptionApi.clientKey(formKey), users.actor(caller)), redirect);
    }

    @PostMapping("/{id}/match")
    String match(@PathVariable String id, @RequestParam String invoiceId, @RequestParam String comment,
                 @RequestParam String formKey, Authentication caller, RedirectAttributes redirect) {
        return shown(resolutions.match(id, invoiceId, comment, ExceptionApi.clientKey(formKey), users.actor(caller)),
                redirect);
    }

    @PostMapping("/{id}/close")
    String close(@PathVariable String id, @RequestParam String comment, @RequestParam String formKey,
                 Authentication caller, RedirectAttributes redirect) {
        return shown(resolutions.close(id, comment, ExceptionApi.clientKey(formKey), users.actor(caller)), redirect);
    }

    /** Back to the exception (post/redirect/get), saying whether this applied or repeated an earlier decision. */
    private static String shown(ResolutionResult result, RedirectAttributes redirect) {
        redirect.addFlashAttribute("notice", result.repeated() ? "notice.repeated" : "notice.resolved");
        return "redirect:/dashboard/exceptions/" + result.exception().exceptionId();
    }
}
