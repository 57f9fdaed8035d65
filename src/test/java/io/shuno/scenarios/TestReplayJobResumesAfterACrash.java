package io.shuno.scenarios;

import io.shuno.testsupport.ApiClient;
import io.shuno.testsupport.KafkaProbe;
import io.shuno.testsupport.Messages;
import io.shuno.testsupport.ShunoProcess;
import io.shuno.testsupport.ShunoUnderTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A bulk replay whose process is killed half-way (SIGKILL: no shutdown, the chunk in flight rolled back) is not
 * left RUNNING forever: the next instance to start resumes it from the first dead letter it had not handled, and
 * every dead letter of the job is sent back exactly once.
 */
class TestReplayJobResumesAfterACrash {

    private static final int DEAD_LETTERS = 2_000;

    private final ShunoUnderTest shuno = new ShunoUnderTest();

    @AfterEach
    void stop() {
        shuno.close();
    }

    @Test
    void aReplayJobKilledHalfWayIsResumedOnStartAndReplaysEachDeadLetterOnce() throws Exception {
        JdbcTemplate database = shuno.database();
        ShunoProcess first = shuno.startProcess("replayer");
        first.awaitHealthy(Duration.ofMinutes(3));
        KafkaProbe kafka = shuno.kafka();
        String topic = shuno.topic("eltax-notices");
        for (int i = 0; i < DEAD_LETTERS; i++) {
            kafka.sendAsync(topic, "K-" + i, "{ not json " + i);
        }
        kafka.flush();
        await().atMost(Duration.ofSeconds(120)).until(() -> database.queryForObject(
                "select count(*) from dead_letters", Long.class) == DEAD_LETTERS);

        UUID job = startReplayJob(first, topic);
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(10)).until(() -> done(database, job) > 0);
        first.kill();
        Map<String, Object> atTheKill = database.queryForMap(
                "select status, done, total from replay_jobs where job_id = ?", job);
        assertThat(atTheKill).as("the kill came in the middle of the job")
                .containsEntry("status", "RUNNING").containsEntry("total", DEAD_LETTERS);
        assertThat((Integer) atTheKill.get("done")).isBetween(1, DEAD_LETTERS - 1);

        // Restarted under its own name, as on the same host: it takes the dead instance's place in the consumer
        // group at once instead of waiting out its session.
        shuno.with("shuno.kafka.instance-id", "replayer").start();

        await().atMost(Duration.ofSeconds(120)).until(() -> "FINISHED".equals(database.queryForObject(
                "select status from replay_jobs where job_id = ?", String.class, job)));
        assertThat(database.queryForMap("select done, failed from replay_jobs where job_id = ?", job))
                .containsEntry("done", DEAD_LETTERS).containsEntry("failed", 0);
        assertThat(database.queryForList("select replay_count from dead_letters", Integer.class))
                .as("each dead letter sent back once").hasSize(DEAD_LETTERS).containsOnly(1);
        assertThat(database.queryForObject("select count(*) from audit_log where action = 'REPLAY_JOB_RESUMED' "
                + "and target_id = ?", Long.class, job.toString())).isEqualTo(1);
    }

    private static UUID startReplayJob(ShunoProcess shuno, String topic) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create(shuno.baseUrl() + "/api/v1/dead-letters/replays"))
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString(
                        ("operator:" + ApiClient.DEMO_PASSWORD).getBytes(StandardCharsets.UTF_8)))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"sourceTopic\":\"" + topic + "\"}")).build();
        HttpResponse<byte[]> response = HttpClient.newHttpClient().send(request,
                HttpResponse.BodyHandlers.ofByteArray());
        assertThat(response.statusCode()).isEqualTo(202);
        return UUID.fromString(Messages.parse(response.body()).get("jobId").asText());
    }

    private static int done(JdbcTemplate database, UUID job) {
        return database.queryForObject("select done from replay_jobs where job_id = ?", Integer.class, job);
    }
}
