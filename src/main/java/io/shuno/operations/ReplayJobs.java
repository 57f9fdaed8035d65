package io.shuno.operations;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * Bulk replay of many thousands of dead letters as a job: the matching ids are fixed when the job starts, then sent
 * back in chunks, one transaction each, so progress is visible while it runs and a failure costs one chunk only.
 * Jobs run one at a time on their own thread.
 */
@Component
public class ReplayJobs implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(ReplayJobs.class);
    private static final int CHUNK = 200;

    private final DeadLetterStore store;
    private final DeadLetterActions actions;
    private final AuditLog audit;
    private final JdbcTemplate jdbc;
    private final TransactionTemplate transactions;
    private final ObjectMapper json;
    private final Clock clock;
    private final ExecutorService runner = Executors.newSingleThreadExecutor(r -> new Thread(r, "shuno-replay-jobs"));

    ReplayJobs(DeadLetterStore store, DeadLetterActions actions, AuditLog audit, JdbcTemplate jdbc,
               TransactionTemplate transactions, ObjectMapper json, Clock clock) {
        this.store = store;
        this.actions = actions;
        this.audit = audit;
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.json = json;
        this.clock = clock;
    }

    public ReplayJob start(DeadLetterFilter filter, Actor actor) {
        UUID job = UUID.randomUUID();
        List<Long> ids = transactions.execute(status -> {
            List<Long> matching = store.replayable(filter, actor);
            jdbc.update("""
                    insert into replay_jobs (job_id, requested_by, filter, total, started_at)
                    values (?, ?, ?::jsonb, ?, ?)""",
                    job, actor.id(), toJson(filter), matching.size(), OffsetDateTime.now(clock));
            audit.record(actor, "REPLAY_JOB_STARTED", "REPLAY_JOB", job.toString(), Optional.empty(), null,
                    Map.of("filter", filter, "total", matching.size()), null);
            return matching;
        });
        runner.submit(() -> run(job, ids, actor));
        return get(job.toString(), actor);
    }

    public ReplayJob get(String jobId, Actor actor) {
        UUID job;
        try {
            job = UUID.fromString(jobId);
        } catch (IllegalArgumentException e) {
            throw OperationFailure.notFound("replay job " + jobId);
        }
        Map<String, Long> byStatus = new LinkedHashMap<>();
        jdbc.query("select status, count(*) from dead_letters where replay_job = ? group by status order by status",
                row -> {
                    byStatus.put(row.getString(1), row.getLong(2));
                }, job);
        ReplayJob found = jdbc.query("""
                select job_id, requested_by, filter::text, total, done, failed, status, started_at, finished_at
                from replay_jobs where job_id = ?""", (row, n) -> new ReplayJob(row.getString(1), row.getString(2),
                readJson(row.getString(3)), row.getInt(4), row.getInt(5), row.getInt(6), row.getString(7),
                row.getObject(8, OffsetDateTime.class), row.getObject(9, OffsetDateTime.class), byStatus), job)
                .stream().findFirst().orElseThrow(() -> OperationFailure.notFound("replay job " + jobId));
        if (!actor.allMunicipalities() && !found.requestedBy().equals(actor.id())) {
            throw new OperationFailure(OperationFailure.Why.OUTSIDE_MUNICIPALITIES,
                    "this replay job was started by another operator");
        }
        return found;
    }

    private void run(UUID job, List<Long> ids, Actor actor) {
        for (int from = 0; from < ids.size(); from += CHUNK) {
            List<Long> chunk = ids.subList(from, Math.min(ids.size(), from + CHUNK));
            try {
                transactions.executeWithoutResult(status -> {
                    int done = 0;
                    for (long id : chunk) {
                        done += actions.replayForJob(id, actor, job) ? 1 : 0;
                    }
                    jdbc.update("update replay_jobs set done = done + ?, failed = failed + ? where job_id = ?",
                            done, chunk.size() - done, job);
                });
            } catch (RuntimeException e) {
                log.error("Replay job {}: a chunk of {} dead letters failed: {}", job, chunk.size(),
                        e.getClass().getSimpleName());
                jdbc.update("update replay_jobs set failed = failed + ? where job_id = ?", chunk.size(), job);
            }
        }
        jdbc.update("update replay_jobs set status = 'FINISHED', finished_at = ? where job_id = ?",
                OffsetDateTime.now(clock), job);
        log.info("Replay job {} finished: {} dead letters", job, ids.size());
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
