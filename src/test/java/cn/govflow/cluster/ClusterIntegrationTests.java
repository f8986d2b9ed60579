package cn.govflow.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import cn.govflow.support.GovflowNode;
import cn.govflow.support.GovflowNode.Answer;
import cn.govflow.support.TestDatabase;
import java.io.IOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * A homogeneous two-node cluster: two govflow JVMs (the production main class, profiles {@code postgres,demo})
 * on one fresh PostgreSQL database, driven over HTTP only. Runs in the PostgreSQL failsafe execution; skipped
 * on H2, and when no PostgreSQL answers unless {@code govflow.test.postgres=required}.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ClusterIntegrationTests {

    static final String DATABASE = TestDatabase.ownPostgresDatabase("cluster");

    /** Test-sized lock time: a job locked by a node that died is taken over by the other after this. */
    static final Duration JOB_LOCK_TIME = Duration.ofSeconds(10);
    /** Large enough that node A is still busy when the test sees it has begun (the steps take milliseconds). */
    static final int BATCH_CASES = 120;

    static final List<String> BATCH_STEPS = List.of("Task_Step1", "Task_Step2", "Task_Step3");

    static GovflowNode nodeA;
    static GovflowNode nodeB;

    @BeforeAll
    static void startTwoNodesOnOneDatabase() throws Exception {
        assumeTrue(TestDatabase.isPostgres(), "the cluster test runs in the PostgreSQL execution only");
        String databaseUrl = TestDatabase.recreatePostgres(DATABASE);
        // One after the other, as a rolling start would: the first node creates the schema of an empty database.
        nodeA = startNode("a", databaseUrl);
        nodeA.awaitReady();
        nodeB = startNode("b", databaseUrl);
        nodeB.awaitReady();

        Answer deployment =
                nodeA.deploy("process-owner", "demo", "cluster/cluster-probe.bpmn", "cluster/cluster-batch-probe.bpmn");
        assertThat(deployment.status()).as(deployment.toString()).isEqualTo(200);
    }

    @AfterAll
    static void stopBothNodes() {
        Stream.of(nodeA, nodeB).filter(node -> node != null).forEach(GovflowNode::stop);
    }

    @Test
    @Order(1)
    @DisplayName("the history cleanup job exists once in the cluster, scheduled inside the nightly window")
    void historyCleanupIsScheduledOnceInTheNightlyWindow() {
        Answer configuration = nodeB.get("admin", "admin", "/engine-rest/history/cleanup/configuration");
        assertThat(configuration.status()).isEqualTo(200);
        assertThat(configuration.body().path("batchWindowStartTime").asText()).contains("T22:00");
        assertThat(configuration.body().path("batchWindowEndTime").asText()).contains("T06:00");

        Answer jobs = nodeA.get("admin", "admin", "/engine-rest/history/cleanup/jobs");
        assertThat(jobs.status()).isEqualTo(200);
        assertThat(jobs.body())
                .as("one cleanup job for the whole cluster: %s", jobs.body())
                .hasSize(1);
        LocalTime due = OffsetDateTime.parse(jobs.body().get(0).path("dueDate").asText(), CAMUNDA_DATE)
                .atZoneSameInstant(ZoneId.systemDefault())
                .toLocalTime();
        assertThat(!due.isBefore(LocalTime.of(22, 0)) || due.isBefore(LocalTime.of(6, 0)))
                .as("cleanup due at %s, inside 22:00-06:00", due)
                .isTrue();
    }

    @Test
    @Order(2)
    @DisplayName("cases started on node A are worked on node B, and each case's timer fires exactly once")
    void casesStartedOnOneNodeAreWorkedOnTheOtherAndTimersFireOnce() {
        List<String> cases = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            cases.add(nodeA.startCase("ClusterProbe", "CLUSTER-T" + i, Map.of("district", "yangpu")));
        }
        for (String caseId : cases) {
            String taskId = nodeB.onlyTaskOf("window-yangpu", caseId);
            assertThat(nodeB.post("window-yangpu", "demo", "/engine-rest/task/" + taskId + "/complete", Map.of())
                            .status())
                    .isEqualTo(204);
        }

        await("every case past its timer")
                .atMost(Duration.ofSeconds(90))
                .pollInterval(Duration.ofMillis(500))
                .until(() -> cases.stream().allMatch(caseId -> nodeA.caseEnded(caseId)));
        for (String caseId : cases) {
            assertThat(nodeB.finishedActivityCount(caseId, "TimerEvent_Wait"))
                    .as("timer of %s", caseId)
                    .isEqualTo(1);
            assertThat(nodeB.finishedActivityCount(caseId, "Task_ProbeWork")).isEqualTo(1);
        }
        assertThat(nodeA.get("admin", "admin", "/engine-rest/history/incident/count")
                        .body()
                        .path("count")
                        .asInt())
                .isZero();
    }

    @Test
    @Order(3)
    @DisplayName("two clerks completing the same task on the two nodes at once: one 204, one clear 4xx, mostly 409")
    void concurrentCompletionOnTwoNodesIsOneSuccessAndOneConflict() throws Exception {
        assertThat(nodeA.post(
                                "admin",
                                "admin",
                                "/engine-rest/user/create",
                                Map.of(
                                        "profile", Map.of("id", "window-yangpu-2", "firstName", "二号", "lastName", "窗口"),
                                        "credentials", Map.of("password", "demo")))
                        .status())
                .isEqualTo(204);
        assertThat(nodeA.put("admin", "admin", "/engine-rest/group/window-yangpu/members/window-yangpu-2")
                        .status())
                .isEqualTo(204);

        int conflicts = 0;
        ExecutorService clerks = Executors.newFixedThreadPool(2);
        try {
            for (int round = 0; round < 5; round++) {
                String caseId = nodeA.startCase("ClusterProbe", "CLUSTER-C" + round, Map.of("district", "yangpu"));
                String taskId = nodeA.onlyTaskOf("window-yangpu", caseId);
                String path = "/engine-rest/task/" + taskId + "/complete";
                CyclicBarrier together = new CyclicBarrier(2);
                Future<Answer> first = clerks.submit(() -> {
                    together.await();
                    return nodeA.post("window-yangpu", "demo", path, Map.of());
                });
                Future<Answer> second = clerks.submit(() -> {
                    together.await();
                    return nodeB.post("window-yangpu-2", "demo", path, Map.of());
                });
                List<Answer> answers = Stream.of(first.get(), second.get())
                        .sorted((x, y) -> Integer.compare(x.status(), y.status()))
                        .toList();

                assertThat(answers.get(0).status())
                        .as("round %d: %s", round, answers)
                        .isEqualTo(204);
                Answer loser = answers.get(1);
                assertThat(loser.status()).as("round %d: %s", round, answers).isIn(409, 404);
                assertThat(loser.contentType()).startsWith("application/problem+json");
                assertThat(loser.body().path("status").asInt()).isEqualTo(loser.status());
                assertThat(loser.body().path("detail").asText()).isNotBlank();
                assertThat(loser.body().toString()).doesNotContain("Exception");
                conflicts += loser.status() == 409 ? 1 : 0;
                assertThat(nodeB.finishedActivityCount(caseId, "Task_ProbeWork"))
                        .isEqualTo(1);
            }
        } finally {
            clerks.shutdownNow();
        }
        System.out.printf("concurrent completion: %d of 5 losers answered 409, the rest 404%n", conflicts);
        assertThat(conflicts).as("concurrent updates answered with 409").isPositive();
    }

    @Test
    @Order(4)
    @DisplayName("killing node A in the middle of a batch of due jobs loses none: node B finishes every one")
    void killingANodeInTheMiddleOfABatchLosesNoJob() throws Exception {
        // Every case waits for the same moment: later than starting them all takes.
        String dueAt = LocalDateTime.now().plusSeconds(20).format(DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss"));
        List<String> cases = new ArrayList<>();
        for (int i = 0; i < BATCH_CASES; i++) {
            cases.add(nodeA.startCase("ClusterBatchProbe", "CLUSTER-B" + i, Map.of("dueAt", dueAt)));
        }
        int total = BATCH_CASES * BATCH_STEPS.size();

        await("node A working through the batch")
                .atMost(Duration.ofSeconds(120))
                .pollInterval(Duration.ofMillis(100))
                .until(() -> finishedSteps(nodeB) >= 6);
        int doneAtKill = finishedSteps(nodeB);
        nodeA.kill();
        int lockedAtKill = lockedJobs();
        assertThat(doneAtKill)
                .as("the batch must still be running when node A dies")
                .isLessThan(total);

        await("node B finishing the batch")
                .atMost(JOB_LOCK_TIME.multipliedBy(9))
                .pollInterval(Duration.ofMillis(500))
                .until(() -> finishedSteps(nodeB) >= total);
        for (String step : BATCH_STEPS) {
            Answer count = nodeB.get(
                    "admin", "admin", "/engine-rest/history/activity-instance/count?finished=true&activityId=" + step);
            assertThat(count.body().path("count").asInt())
                    .as("%s ran once per case", step)
                    .isEqualTo(BATCH_CASES);
        }
        await("every case ended")
                .atMost(Duration.ofSeconds(30))
                .until(() -> cases.stream().allMatch(nodeB::caseEnded));
        assertThat(nodeB.get("admin", "admin", "/engine-rest/job/count?processDefinitionKey=ClusterBatchProbe")
                        .body()
                        .path("count")
                        .asInt())
                .isZero();
        assertThat(nodeB.get("admin", "admin", "/engine-rest/history/incident/count")
                        .body()
                        .path("count")
                        .asInt())
                .isZero();
        assertThat(nodeB.process.isAlive()).isTrue();
        System.out.printf(
                "cluster batch: %d of %d steps done when node A was killed, %d jobs locked right after%n",
                doneAtKill, total, lockedAtKill);
    }

    // ---- the cluster's surroundings ----

    static final DateTimeFormatter CAMUNDA_DATE = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSZ");

    /** One node of the cluster: profiles {@code postgres,demo} on the cluster's database, a test-sized lock time. */
    static GovflowNode startNode(String name, String databaseUrl) throws IOException {
        return GovflowNode.start(
                name,
                Path.of("target", "cluster", "node-" + name).toAbsolutePath(),
                List.of(
                        "--spring.profiles.active=postgres,demo",
                        "--camunda.bpm.job-execution.wait-time-in-millis=200"),
                Map.of(
                        "POSTGRES_URL",
                        databaseUrl,
                        "POSTGRES_USER",
                        TestDatabase.postgresUser(),
                        "POSTGRES_PASSWORD",
                        "",
                        // Small pools: other builds share this PostgreSQL server.
                        "POSTGRES_POOL_SIZE",
                        "8",
                        "POSTGRES_POOL_MIN_IDLE",
                        "2",
                        "JOB_LOCK_TIME_MS",
                        String.valueOf(JOB_LOCK_TIME.toMillis()),
                        "JOB_MAX_WAIT_MS",
                        "1000"));
    }

    /** Batch steps finished in the whole cluster. */
    static int finishedSteps(GovflowNode node) {
        int done = 0;
        for (String step : BATCH_STEPS) {
            done += node.count("/engine-rest/history/activity-instance/count?finished=true&activityId=" + step);
        }
        return done;
    }

    /** Jobs some node holds locked right now (informative: the dead node's jobs wait for their lock to expire). */
    static int lockedJobs() {
        try (Connection connection = TestDatabase.connectPostgres(DATABASE);
                Statement statement = connection.createStatement();
                var rows = statement.executeQuery(
                        "select count(*) from act_ru_job where lock_exp_time_ > localtimestamp")) {
            rows.next();
            return rows.getInt(1);
        } catch (SQLException e) {
            return -1;
        }
    }
}
