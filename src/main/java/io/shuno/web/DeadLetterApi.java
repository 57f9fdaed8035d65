package io.shuno.web;

import io.shuno.deadletters.DeadLetterStatus;
import io.shuno.operations.DeadLetterActions;
import io.shuno.deadletters.DeadLetterFilter;
import io.shuno.operations.DeadLetterStore;
import io.shuno.deadletters.DeadLetterView;
import io.shuno.operations.Page;
import io.shuno.operations.PageRequest;
import io.shuno.operations.ReplayJob;
import io.shuno.operations.ReplayJobs;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;

/** Dead letters: list, show, replay one or a filtered set (as a job), discard with a comment. */
@RestController
@RequestMapping("/api/v1/dead-letters")
@Tag(name = "Dead letters")
class DeadLetterApi {

    /** The statuses a dead letter can be in, as the list filters accept them. */
    static final List<String> STATUSES = InvalidParameter.names(DeadLetterStatus.class);

    record DiscardRequest(String comment) {
    }

    /** The filter of a bulk replay; every field is optional. */
    record ReplayRequest(String sourceTopic, String errorClass, String reason, String status, OffsetDateTime from,
                         OffsetDateTime to) {

        DeadLetterFilter filter() {
            return new DeadLetterFilter(Optional.ofNullable(sourceTopic), Optional.ofNullable(errorClass),
                    Optional.ofNullable(reason), InvalidParameter.choice("status", Optional.ofNullable(status), STATUSES),
                    Optional.ofNullable(from),
                    Optional.ofNullable(to));
        }
    }

    private final DeadLetterStore store;
    private final DeadLetterActions actions;
    private final ReplayJobs jobs;
    private final ApiUserDirectory users;

    DeadLetterApi(DeadLetterStore store, DeadLetterActions actions, ReplayJobs jobs, ApiUserDirectory users) {
        this.store = store;
        this.actions = actions;
        this.jobs = jobs;
        this.users = users;
    }

    @GetMapping
    @Operation(summary = "List dead letters, filtered by source topic, error class, reason fragment, status (OPEN, "
            + "REPLAYING, REPLAYED or DISCARDED, any case) and time received (ISO date-time with offset, from inclusive, "
            + "to exclusive)")
    Page<DeadLetterView> list(@RequestParam Optional<String> sourceTopic, @RequestParam Optional<String> errorClass,
                              @RequestParam Optional<String> reason, @RequestParam Optional<String> status,
                              @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) Optional<OffsetDateTime> from,
                              @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) Optional<OffsetDateTime> to,
                              @RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "50") int size,
                              Authentication caller) {
        return store.find(new DeadLetterFilter(sourceTopic, errorClass, reason,
                        InvalidParameter.choice("status", status, STATUSES), from, to),
                users.actor(caller), new PageRequest(page, size));
    }

    @GetMapping("/{id}")
    @Operation(summary = "One dead letter with its key, original payload and the headers it was dead-lettered with")
    DeadLetterView get(@PathVariable long id, Authentication caller) {
        return store.get(id, users.actor(caller));
    }

    @PostMapping("/{id}/replay")
    @Operation(summary = "Send the original record back to its source topic; intake validates and deduplicates it")
    DeadLetterView replay(@PathVariable long id, Authentication caller) {
        return actions.replay(id, users.actor(caller));
    }

    @PostMapping("/{id}/discard")
    @Operation(summary = "Mark a dead letter as not to be replayed; the comment is mandatory. Nothing is deleted.")
    DeadLetterView discard(@PathVariable long id, @RequestBody DiscardRequest request, Authentication caller) {
        return actions.discard(id, request.comment(), users.actor(caller));
    }

    @PostMapping("/replays")
    @ResponseStatus(HttpStatus.ACCEPTED)
    @Operation(summary = "Replay every dead letter matching the filter (discarded ones excepted) as a job")
    ReplayJob replayAll(@RequestBody ReplayRequest request, Authentication caller) {
        return jobs.start(request.filter(), users.actor(caller));
    }

    @GetMapping("/replays/{jobId}")
    @Operation(summary = "Progress (done / total / failed) and summary of a bulk replay")
    ReplayJob job(@PathVariable String jobId, Authentication caller) {
        return jobs.get(jobId, users.actor(caller));
    }
}
