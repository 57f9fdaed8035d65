package io.shuno.web;

import io.shuno.operations.DeadLetterActions;
import io.shuno.deadletters.DeadLetterFilter;
import io.shuno.operations.DeadLetterStore;
import io.shuno.deadletters.DeadLetterView;
import io.shuno.operations.Page;
import io.shuno.operations.PageRequest;
import io.shuno.operations.ReplayJob;
import io.shuno.operations.ReplayJobs;
import io.shuno.reconciliation.FiscalYear;
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
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import java.time.LocalDate;
import java.util.Optional;

/**
 * Dead letters: list and filter, inspect the payload, replay one or the whole filtered set (a job whose progress
 * the page polls), discard with a comment — through the same operations as the API.
 */
@Controller
@DashboardPage
@RequestMapping("/dashboard/dead-letters")
class DeadLetterPages {

    private static final int PAGE_SIZE = 50;

    private final DeadLetterStore store;
    private final DeadLetterActions actions;
    private final ReplayJobs jobs;
    private final ApiUserDirectory users;

    DeadLetterPages(DeadLetterStore store, DeadLetterActions actions, ReplayJobs jobs, ApiUserDirectory users) {
        this.store = store;
        this.actions = actions;
        this.jobs = jobs;
        this.users = users;
    }

    @GetMapping
    String list(@RequestParam Optional<String> sourceTopic, @RequestParam Optional<String> errorClass,
                @RequestParam Optional<String> reason, @RequestParam Optional<String> status,
                @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) Optional<LocalDate> from,
                @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) Optional<LocalDate> to,
                @RequestParam(defaultValue = "0") int page, Authentication caller, HttpServletRequest request,
                Model model) {
        DeadLetterFilter filter = filter(sourceTopic, errorClass, reason, status, from, to);
        Page<DeadLetterView> deadLetters = store.find(filter, users.actor(caller), new PageRequest(page, PAGE_SIZE));
        model.addAttribute("deadLetters", deadLetters);
        model.addAttribute("pages", PageLinks.of(deadLetters, request));
        model.addAttribute("filter", filter);
        model.addAttribute("from", from.orElse(null));
        model.addAttribute("to", to.orElse(null));
        model.addAttribute("statuses", DeadLetterApi.STATUSES);
        return "dashboard/dead-letters";
    }

    @GetMapping("/{id}")
    String show(@PathVariable long id, Authentication caller, Model model) {
        model.addAttribute("deadLetter", store.get(id, users.actor(caller)));
        return "dashboard/dead-letter";
    }

    @PostMapping("/{id}/replay")
    String replay(@PathVariable long id, Authentication caller, RedirectAttributes redirect) {
        actions.replay(id, users.actor(caller));
        redirect.addFlashAttribute("notice", "notice.replayed");
        return "redirect:/dashboard/dead-letters/" + id;
    }

    @PostMapping("/{id}/discard")
    String discard(@PathVariable long id, @RequestParam String comment, Authentication caller,
                   RedirectAttributes redirect) {
        actions.discard(id, comment, users.actor(caller));
        redirect.addFlashAttribute("notice", "notice.discarded");
        return "redirect:/dashboard/dead-letters/" + id;
    }

    @PostMapping("/replays")
    String replayAll(@RequestParam Optional<String> sourceTopic, @RequestParam Optional<String> errorClass,
                     @RequestParam Optional<String> reason, @RequestParam Optional<String> status,
                     @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) Optional<LocalDate> from,
                     @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) Optional<LocalDate> to,
                     Authentication caller) {
        ReplayJob job = jobs.start(filter(sourceTopic, errorClass, reason, status, from, to), users.actor(caller));
        return "redirect:/dashboard/dead-letters/replays/" + job.jobId();
    }

    @GetMapping("/replays/{jobId}")
    String job(@PathVariable String jobId, Authentication caller, Model model) {
        model.addAttribute("job", jobs.get(jobId, users.actor(caller)));
        return "dashboard/replay-job";
    }

    /** What the job page polls (dashboard.js) to show progress without reloading. */
    @GetMapping("/replays/{jobId}/progress")
    @ResponseBody
    ReplayJob progress(@PathVariable String jobId, Authentication caller) {
        return jobs.get(jobId, users.actor(caller));
    }

    /**
     * A form sends empty fields for filters left blank; those filter nothing. The dates received are Tokyo days,
     * both inclusive.
     */
    private static DeadLetterFilter filter(Optional<String> sourceTopic, Optional<String> errorClass,
                                           Optional<String> reason, Optional<String> status,
                                           Optional<LocalDate> from, Optional<LocalDate> to) {
        return new DeadLetterFilter(given(sourceTopic), given(errorClass), given(reason),
                InvalidParameter.choice("status", status, DeadLetterApi.STATUSES),
                from.map(day -> day.atStartOfDay(FiscalYear.TOKYO).toOffsetDateTime()),
                to.map(day -> day.plusDays(1).atStartOfDay(FiscalYear.TOKYO).toOffsetDateTime()));
    }

    private static Optional<String> given(Optional<String> field) {
        return field.filter(value -> !value.isBlank());
    }
}
