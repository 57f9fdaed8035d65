package io.shuno.operations;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.shuno.deadletters.DeadLetterFilter;
import io.shuno.deadletters.DeadLetterQueries;
import io.shuno.deadletters.DeadLetterStatus;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Bulk replay of many thousands of dead letters as a job: the matching ids are fixed when the job starts (as its
 * items, in the database), then sent back in chunks, one transaction each, so progress is visible while it runs and
 * a failure costs one chunk only. Each chunk marks its items in its own transaction, so a job whose process dies
 * resumes exactly where it stopped: a janitor looks for RUNNING jobs when shuno starts and every minute after, and
 * runs each whose runner is gone. A PostgreSQL advisory lock, held by the runner's connection for as long as it
 * runs the job, tells a live runner (on any instance) from a dead one: the lock dies with the connection.
 * Jobs run one at a time per instance, on their own thread.
 */
@Component
public class ReplayJobs implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(ReplayJobs.class);
    private static final int CHUNK = 200;
    /** Names replay-job locks among PostgreSQL advisory locks (the two-key space, apart from other shuno locks). */
    private static final int JOB_LOCKS = 0x52504a42;
    private static final Duration JANITOR_INTERVAL = Duration.ofMinutes(1);

    private final DeadLetterStore store;
    private final DeadLetterQueries deadLetters;
    private final DeadLetterActions actions;
    private final AuditLog audit;
    private final JdbcTemplate jdbc;
    private final DataSource dataSource;
    private final TransactionTemplate transactions;
    private final ObjectMapper json;
    private final Clock clock;
    private final ScheduledExecutorService runner = Executors.newSingleThreadScheduledExecutor(
            r -> new Thread(r, "shuno-replay-jobs"));

    ReplayJobs(DeadLetterStore store, DeadLetterQueries deadLetters, DeadLetterActions actions, AuditLog audit,
               JdbcTemplate jdbc, DataSource dataSource, TransactionTemplate transactions, ObjectMapper json,
               Clock clock) {
        this.store = store;
        this.deadLetters = deadLetters;
        this.actions = actions;
        this.audit = audit;
        this.jdbc = jdbc;
        this.dataSource = dataSource;
        this.transactions = transactions;
        this.json = json;
        this.clock = clock;
    }

    public ReplayJob start(DeadLetterFilter filter, Actor actor) {
        UUID job = UUID.randomUUID();
        transactions.executeWithoutResult(status -> {
            List<Long> matching = store.replayable(filter, actor);
            jdbc.update("""
                    insert into replay_jobs (job_id, requested_by, filter, total, status, started_at)
                    values (?, ?, ?::jsonb, ?, ?, ?)""",
                    job, actor.id(), toJson(filter), matching.size(), ReplayJobStatus.RUNNING.name(),
                    OffsetDateTime.now(clock));
            jdbc.update("insert into replay_job_items (job_id, dead_letter_id) select ?, unnest(?::bigint[])",
                    job, matching.toArray(Long[]::new));
            audit.record(actor, "REPLAY_JOB_STARTED", "REPLAY_JOB", job.toString(), Optional.empty(), null,
                    Map.of("filter", filter, "total", matching.size()), null);
        });
        runner.execute(() -> run(job));
        return get(job.toString(), actor);
    }

    /** The janitor: from start-up on, runs every RUNNING job that no live runner holds. */
    @EventListener(ApplicationReadyEvent.class)
    void resumeInterruptedJobs() {
        runner.scheduleWithFixedDelay(this::runEveryRunningJob, 0, JANITOR_INTERVAL.toMillis(),
                TimeUnit.MILLISECONDS);
    }

    private void runEveryRunningJob() {
        try {
            jdbc.queryForList("select job_id from replay_jobs where status = ? order by started_at", UUID.class,
                    ReplayJobStatus.RUNNING.name()).forEach(this::run);
        } catch (RuntimeException e) {
            // A failure here must not end the schedule: the next turn looks again.
            log.error("Looking for replay jobs to resume failed: {}", e.toString());
        }
    }

    public ReplayJob get(String jobId, Actor actor) {
        UUID job;
        try {
            job = UUID.fromString(jobId);
        } catch (IllegalArgumentException e) {
            throw OperationFailure.notFound("replay job " + jobId);
        }
        Map<DeadLetterStatus, Long> byStatus = deadLetters.ofReplayJob(job);
        ReplayJob found = jdbc.query("""
                select job_id, requested_by, filter::text as filter, total, done, failed, status, started_at,
                       finished_at
                from replay_jobs where job_id = ?""", (row, n) -> new ReplayJob(row.getString("job_id"),
                row.getString("requested_by"), readJson(row.getString("filter")), row.getInt("total"),
                row.getInt("done"), row.getInt("failed"), ReplayJobStatus.valueOf(row.getString("status")),
                row.getObject("started_at", OffsetDateTime.class), row.getObject("finished_at", OffsetDateTime.class),
                byStatus), job)
                .stream().findFirst().orElseThrow(() -> OperationFailure.notFound("replay job " + jobId));
        if (!actor.allMunicipalities() && !found.requestedBy().equals(actor.id())) {
            throw new OperationFailure(OperationFailure.Why.OUTSIDE_MUNICIPALITIES,
                    "this replay job was started by another operator");
        }
        return found;
    }

    /** Replays the job's unhandled dead letters, unless a live runner holds it; a failed run waits for the janitor. */
    private void run(UUID job) {
        try (Connection lockHolder = dataSource.getConnection()) {
            if (!lock(lockHolder, "pg_try_advisory_lock", job)) {
                return;
            }
            try {
                runLocked(job);
            } finally {
                // The connection goes back to the pool, which would keep a session lock alive: release it.
                lock(lockHolder, "pg_advisory_unlock", job);
            }
        } catch (SQLException | RuntimeException e) {
            log.error("Replay job {} stopped and will be resumed: {}", job, e.toString());
        }
    }

    private void runLocked(UUID job) {
        Optional<String> requestedBy = jdbc.queryForList(
                "select requested_by from replay_jobs where job_id = ? and status = ?", String.class,
                job, ReplayJobStatus.RUNNING.name()).stream().findFirst();
        if (requestedBy.isEmpty()) {
            return;
        }
        // The job's dead letters were chosen within the requester's municipalities when it started; from here on
        // the requester only signs the audit entries.
        Actor actor = new Actor(requestedBy.get(), Set.of(), false);
        List<Long> chunk = pending(job);
        if (!chunk.isEmpty() && handledAny(job)) {
            log.info("Replay job {} resumes where it was interrupted", job);
            transactions.executeWithoutResult(status -> audit.record(actor, "REPLAY_JOB_RESUMED", "REPLAY_JOB",
                    job.toString(), Optional.empty(), null, Map.of("pending", countPending(job)), null));
        }
        for (; !chunk.isEmpty(); chunk = pending(job)) {
            replay(job, chunk, actor);
        }
        jdbc.update("update replay_jobs set status = ?, finished_at = ? where job_id = ? and status = ?",
                ReplayJobStatus.FINISHED.name(), OffsetDateTime.now(clock), job, ReplayJobStatus.RUNNING.name());
        log.info("Replay job {} finished", job);
    }

    private void replay(UUID job, List<Long> chunk, Actor actor) {
        try {
            transactions.executeWithoutResult(status -> {
                List<Long> sent = new ArrayList<>();
                List<Long> skipped = new ArrayList<>();
                for (long id : chunk) {
                    (actions.replayForJob(id, actor, job) ? sent : skipped).add(id);
                }
                mark(job, sent, ReplayItemOutcome.SENT);
                mark(job, skipped, ReplayItemOutcome.SKIPPED);
                jdbc.update("update replay_jobs set done = done + ?, failed = failed + ? where job_id = ?",
                        sent.size(), skipped.size(), job);
            });
        } catch (RuntimeException e) {
            if (chunk.size() > 1) {
                // One dead letter that cannot be replayed (or a passing fault) must not fail the others with it:
                // each is tried on its own. If the database is gone, marking fails too and the job waits, unmarked,
                // for the janitor.
                log.warn("Replay job {}: a chunk of {} dead letters failed ({}); replaying them one by one", job,
                        chunk.size(), e.getClass().getSimpleName());
                chunk.forEach(id -> replay(job, List.of(id), actor));
                return;
            }
            log.error("Replay job {}: dead letter {} could not be replayed: {}", job, chunk.get(0),
                    e.getClass().getSimpleName());
            transactions.executeWithoutResult(status -> {
                mark(job, chunk, ReplayItemOutcome.FAILED);
                jdbc.update("update replay_jobs set failed = failed + ? where job_id = ?", chunk.size(), job);
            });
        }
    }

    private List<Long> pending(UUID job) {
        return jdbc.queryForList("""
                select dead_letter_id from replay_job_items where job_id = ? and outcome is null
                order by dead_letter_id limit ?""", Long.class, job, CHUNK);
    }

    private long countPending(UUID job) {
        return jdbc.queryForObject("select count(*) from replay_job_items where job_id = ? and outcome is null",
                Long.class, job);
    }

    private boolean handledAny(UUID job) {
        return Boolean.TRUE.equals(jdbc.queryForObject("""
                select exists (select 1 from replay_job_items where job_id = ? and outcome is not null)""",
                Boolean.class, job));
    }

    private void mark(UUID job, List<Long> items, ReplayItemOutcome outcome) {
        jdbc.update("update replay_job_items set outcome = ? where job_id = ? and dead_letter_id = any(?)",
                outcome.name(), job, items.toArray(Long[]::new));
    }

    private static boolean lock(Connection connection, String function, UUID job) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement("select " + function + "(?, ?)")) {
            statement.setInt(1, JOB_LOCKS);
            statement.setInt(2, job.hashCode());
            try (ResultSet result = statement.executeQuery()) {
                result.next();
                return result.getBoolean(1);
            }
        }
    }

    private String toJson(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a filter is a plain record", e);
        }
    }

    private JsonNode readJson(String value) {
        try {
            return json.readTree(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("replay_jobs.filter holds JSON written by shuno", e);
        }
    }

    @Override
    public void destroy() {
        runner.shutdownNow();
    }
}
