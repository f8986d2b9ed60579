package cn.govflow.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import cn.govflow.catalog.HandlingMode;
import cn.govflow.support.GovflowNode;
import cn.govflow.support.GovflowNode.Answer;
import cn.govflow.support.TestDatabase;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * Nothing acknowledged is lost: a govflow JVM (the production main class, the configuration as shipped) on the
 * database of the run — the default H2 file database in a directory of its own, or a PostgreSQL database of its
 * own — takes concurrent intake with Idempotency-Keys, is killed ({@code kill -9}) or stopped ({@code SIGTERM}) in
 * the middle, and every request is replayed with its key afterwards.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class CrashRecoveryIntegrationTests {

    static final String DATABASE = TestDatabase.isPostgres() ? "postgres" : "h2";
    static final String POSTGRES_DATABASE = TestDatabase.ownPostgresDatabase("crash");
    static final Path DIRECTORY = Path.of("target", "crash", DATABASE).toAbsolutePath();

    static final int CLIENTS = 8;
    /** The stop comes once this many cases were acknowledged in the batch; requests in flight then are cut off. */
    static final int ACKNOWLEDGED_BEFORE_STOP = 40;

    static final Duration BATCH_TIMEOUT = Duration.ofMinutes(3);
    /** Cases of a probe model whose three async steps keep the job executor busy while the node is stopped. */
    static final int PROBE_CASES = 200;

    static final List<String> PROBE_STEPS = List.of("Task_Step1", "Task_Step2", "Task_Step3");
    static final String PORTAL = "portal";

    static final List<String> CASE_PROCESSES =
            Stream.of(HandlingMode.values()).map(HandlingMode::processId).toList();

    /** Every Idempotency-Key sent, in order, and the case number of those answered 201. */
    static final Set<String> sent = ConcurrentHashMap.newKeySet();

    static final Map<String, String> acknowledged = new ConcurrentHashMap<>();
    static final Map<String, String> figures = new LinkedHashMap<>();

    static String databaseUrl;
    static GovflowNode node;

    @BeforeAll
    static void freshDatabase() throws IOException {
        databaseUrl = GovflowNode.freshStart(DIRECTORY, POSTGRES_DATABASE);
    }

    @AfterAll
    static void stopNode() {
        if (node != null) {
            node.stop();
        }
        System.out.printf("crash test on %s: %s%n", DATABASE, figures);
    }

    @Test
    @Order(1)
    @DisplayName("ready means ready: the first request after readiness turns UP on a new database is answered 201")
    void firstRequestAfterReadinessSucceeds() throws IOException {
        node = start("first");
        node.awaitReady();

        String key = "first-request";
        sent.add(key);
        Answer first = apply(node, key);

        assertThat(first.status())
                .as("first request after readiness: %s", first)
                .isEqualTo(201);
        acknowledged.put(key, first.body().path("caseNumber").asText());
    }

    @Test
    @Order(2)
    @DisplayName("kill -9 during concurrent intake: every acknowledged case is there after the restart, none twice")
    void killDuringIntakeLosesNoAcknowledgedCase() throws Exception {
        Batch batch = intake("kill", () -> {}, () -> true, () -> {
            node.kill();
            return node.process.exitValue();
        });
        figures.put("kill -9", batch.toString());

        node = start("after-kill");
        node.awaitReady();
        Replay replay = replayEverything();
        figures.put("replay after kill -9", replay.toString());

        assertThat(replay.lost)
                .as("acknowledged cases lost or answered with another case number")
                .isEmpty();
        assertThat(replay.refused).as("replays answered neither 200 nor 201").isEmpty();
    }

    @Test
    @Order(3)
    @DisplayName("SIGTERM during concurrent intake and running jobs: a clean stop, no acknowledged case lost, "
            + "no half-created case, no job left locked or failed")
    void sigtermDuringIntakeStopsCleanly() throws Exception {
        assertThat(node.deploy("process-owner", "demo", "cluster/cluster-batch-probe.bpmn")
                        .status())
                .isEqualTo(200);
        // Probe cases are started while the intake runs, already due: their jobs run when SIGTERM comes.
        String dueAt = LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss"));
        AtomicInteger probesStarted = new AtomicInteger();
        ExecutorService probeStarter = Executors.newSingleThreadExecutor();
        GovflowNode target = node;
        Runnable startProbes = () -> probeStarter.submit(() -> {
            for (int i = 0; i < PROBE_CASES && target.process.isAlive(); i++) {
                try {
                    target.startCase("ClusterBatchProbe", "CRASH-PROBE-" + i, Map.of("dueAt", dueAt));
                    probesStarted.incrementAndGet();
                } catch (UncheckedIOException | AssertionError stopped) {
                    return;
                }
            }
        });

        AtomicInteger probeStepsAtStop = new AtomicInteger();
        Batch batch;
        try {
            batch = intake("sigterm", startProbes, () -> probeStepsDone() >= 6, () -> {
                probeStepsAtStop.set(probeStepsDone());
                return node.terminate(Duration.ofSeconds(90));
            });
        } finally {
            probeStarter.shutdownNow();
        }
        int probeSteps = probesStarted.get() * PROBE_STEPS.size();
        figures.put(
                "sigterm",
                batch + ", probe job steps done at SIGTERM " + probeStepsAtStop.get() + " of " + probeSteps + " ("
                        + probesStarted.get() + " probe cases started)");

        assertThat(probeStepsAtStop.get())
                .as("jobs still to run when SIGTERM arrives")
                .isLessThan(probeSteps);
        assertThat(batch.exitCode)
                .as("the JVM ended by itself after SIGTERM (143):\n%s", node.logTail())
                .isEqualTo(143);
        assertThat(Files.readString(node.log))
                .doesNotContain("Graceful shutdown aborted")
                .doesNotContain("Timed out while waiting for executor")
                .contains("job executor stopped");

        try (Connection db = connect()) {
            Map<String, String> stored = casesByKey(db);
            List<String> lost = acknowledged.entrySet().stream()
                    .filter(entry -> !entry.getValue().equals(stored.get(entry.getKey())))
                    .map(entry -> entry.getKey() + " → " + entry.getValue())
                    .toList();
            int casesWithoutProcess = count(
                    db,
                    "select count(*) from gf_case c where c.process_instance_id is null "
                            + "or not exists (select 1 from act_hi_procinst p where p.id_ = c.process_instance_id "
                            + "and p.business_key_ = c.case_number)");
            int processesWithoutCase = count(
                    db,
                    "select count(*) from act_hi_procinst p where p.proc_def_key_ in ("
                            + CASE_PROCESSES.stream()
                                    .map(key -> "'" + key + "'")
                                    .collect(Collectors.joining(","))
                            + ") and not exists (select 1 from gf_case c where c.case_number = p.business_key_)");
            int duplicateKeys = count(
                    db,
                    "select count(*) from (select started_by, idempotency_key from gf_case "
                            + "where idempotency_key is not null group by started_by, idempotency_key having count(*) > 1) d");
            int lockedJobs = count(db, "select count(*) from act_ru_job where lock_owner_ is not null");
            int failedJobs = count(db, "select count(*) from act_ru_job where exception_msg_ is not null");
            int incidents = count(db, "select count(*) from act_ru_incident");
            figures.put(
                    "after sigterm",
                    String.format(
                            "%d acknowledged in all, %d lost, %d cases in the database, "
                                    + "%d without their process, %d processes without their case, %d keys twice, %d jobs left "
                                    + "locked, %d failed, %d incidents",
                            acknowledged.size(),
                            lost.size(),
                            stored.size(),
                            casesWithoutProcess,
                            processesWithoutCase,
                            duplicateKeys,
                            lockedJobs,
                            failedJobs,
                            incidents));

            assertThat(lost).as("acknowledged cases missing from the database").isEmpty();
            assertThat(casesWithoutProcess)
                    .as("case rows without their process instance")
                    .isZero();
            assertThat(processesWithoutCase)
                    .as("process instances without their case row")
                    .isZero();
            assertThat(duplicateKeys)
                    .as("Idempotency-Keys with more than one case")
                    .isZero();
            assertThat(stored.keySet()).as("cases only for keys that were sent").isSubsetOf(sent);
            assertThat(lockedJobs).as("jobs still locked by the stopped JVM").isZero();
            assertThat(failedJobs).as("jobs failed by the stop").isZero();
            assertThat(incidents).isZero();
        }
    }

    // ---- the intake load ----

    record Batch(String name, int sent, int acknowledged, int acknowledgedAfterStop, int failed, int exitCode) {
        @Override
        public String toString() {
            return String.format(
                    "%d sent, %d acknowledged (201) before the stop and %d more while it stopped, "
                            + "%d without an answer, exit code %d",
                    sent, acknowledged - acknowledgedAfterStop, acknowledgedAfterStop, failed, exitCode);
        }
    }

    interface Stop {
        int stop() throws Exception;
    }

    /**
     * {@link #CLIENTS} portal clients send applications, each with a new Idempotency-Key, until the node is gone;
     * once {@link #ACKNOWLEDGED_BEFORE_STOP} were acknowledged, {@code whenAcknowledged} runs, and as soon as
     * {@code alsoBeforeStop} holds, {@code stop} kills or stops the node.
     */
    static Batch intake(String name, Runnable whenAcknowledged, BooleanSupplier alsoBeforeStop, Stop stop)
            throws Exception {
        AtomicInteger numbers = new AtomicInteger();
        AtomicInteger acked = new AtomicInteger();
        AtomicInteger ackedAfterStop = new AtomicInteger();
        AtomicInteger failed = new AtomicInteger();
        Set<String> batchKeys = ConcurrentHashMap.newKeySet();
        GovflowNode target = node;
        AtomicBoolean stopping = new AtomicBoolean();
        ExecutorService clients = Executors.newFixedThreadPool(CLIENTS);
        try {
            for (int i = 0; i < CLIENTS; i++) {
                clients.submit(() -> {
                    while (target.process.isAlive()) {
                        String key = name + "-" + numbers.incrementAndGet();
                        sent.add(key);
                        batchKeys.add(key);
                        boolean afterStop = stopping.get();
                        try {
                            Answer answer = apply(target, key);
                            if (answer.status() == 201) {
                                acknowledged.put(
                                        key, answer.body().path("caseNumber").asText());
                                acked.incrementAndGet();
                                if (afterStop || stopping.get()) {
                                    ackedAfterStop.incrementAndGet();
                                }
                            } else {
                                failed.incrementAndGet();
                            }
                        } catch (UncheckedIOException e) {
                            failed.incrementAndGet();
                            sleep(50);
                        }
                    }
                    return null;
                });
            }
            await(name + ": " + ACKNOWLEDGED_BEFORE_STOP + " cases acknowledged")
                    .atMost(BATCH_TIMEOUT)
                    .pollInterval(Duration.ofMillis(20))
                    .until(() -> !target.process.isAlive() || acked.get() >= ACKNOWLEDGED_BEFORE_STOP);
            whenAcknowledged.run();
            await(name + ": ready to stop")
                    .atMost(BATCH_TIMEOUT)
                    .pollInterval(Duration.ofMillis(20))
                    .until(() -> !target.process.isAlive() || alsoBeforeStop.getAsBoolean());
            assertThat(target.process.isAlive())
                    .as("node alive before the stop:\n%s", target.logTail())
                    .isTrue();
            stopping.set(true);
            int exitCode = stop.stop();
            clients.shutdown();
            assertThat(clients.awaitTermination(2, TimeUnit.MINUTES)).isTrue();
            return new Batch(name, batchKeys.size(), acked.get(), ackedAfterStop.get(), failed.get(), exitCode);
        } finally {
            clients.shutdownNow();
        }
    }

    // ---- after the restart ----

    record Replay(int sameCase, int committedUnanswered, int createdAnew, List<String> lost, List<String> refused) {
        @Override
        public String toString() {
            return String.format(
                    "%d acknowledged answered with the same case, %d lost; of the unanswered %d had "
                            + "been committed (200) and %d were created now (201); %d refused",
                    sameCase, lost.size(), committedUnanswered, createdAnew, refused.size());
        }
    }

    /** Every request sent so far again, with its key; the first one is the first request after readiness. */
    static Replay replayEverything() {
        int same = 0;
        int committed = 0;
        int anew = 0;
        List<String> lost = new ArrayList<>();
        List<String> refused = new ArrayList<>();
        for (String key : sent) {
            Answer answer = apply(node, key);
            String earlier = acknowledged.get(key);
            if (earlier != null) {
                if (answer.status() == 200
                        && earlier.equals(answer.body().path("caseNumber").asText())) {
                    same++;
                } else {
                    lost.add(key + " was " + earlier + ", now " + answer.status() + " " + answer.body());
                }
            } else if (answer.status() == 200) {
                committed++;
                acknowledged.put(key, answer.body().path("caseNumber").asText());
            } else if (answer.status() == 201) {
                anew++;
                acknowledged.put(key, answer.body().path("caseNumber").asText());
            } else {
                refused.add(key + ": " + answer.status() + " " + answer.body());
            }
        }
        return new Replay(same, committed, anew, lost, refused);
    }

    // ---- the node and its database ----

    static int probeStepsDone() {
        return PROBE_STEPS.stream()
                .mapToInt(step ->
                        node.count("/engine-rest/history/activity-instance/count?finished=true&activityId=" + step))
                .sum();
    }

    static GovflowNode start(String name) throws IOException {
        // On H2 the configuration as shipped: the default profile, ./data/govflow in the node's working directory.
        return GovflowNode.startOnTestDatabase(
                name,
                DIRECTORY,
                databaseUrl,
                List.of("--camunda.bpm.job-execution.wait-time-in-millis=200"),
                Map.of("POSTGRES_POOL_SIZE", "12", "POSTGRES_POOL_MIN_IDLE", "2"));
    }

    /** 2022-DI-007 大型群众性活动安全许可, applied for by the portal at a window in Pudong. */
    static Answer apply(GovflowNode target, String idempotencyKey) {
        String body = """
                {"itemCode": "2022-DI-007", "channel": "WINDOW", "district": "pudong",
                 "applicant": {"type": "ENTERPRISE", "name": "上海某会展有限公司", "idType": "USCC",
                               "idNumber": "91350100M000100Y43"},
                 "situation": "standard",
                 "materials": [{"code": "application-form", "source": "UPLOAD"},
                               {"code": "security-plan", "source": "PAPER"},
                               {"code": "venue-consent", "source": "UPLOAD"}],
                 "delivery": {"method": "WINDOW_PICKUP"}, "commitment": false}
                """;
        return target.post(PORTAL, "demo", "/api/applications", body, Map.of("Idempotency-Key", idempotencyKey));
    }

    /** The stopped node's database, as the next start would open it. */
    static Connection connect() throws SQLException {
        if (TestDatabase.isPostgres()) {
            return TestDatabase.connectPostgres(POSTGRES_DATABASE);
        }
        return DriverManager.getConnection(
                "jdbc:h2:file:" + DIRECTORY.resolve("data").resolve("govflow"), "sa", "");
    }

    static Map<String, String> casesByKey(Connection db) throws SQLException {
        Map<String, String> cases = new LinkedHashMap<>();
        try (PreparedStatement query =
                db.prepareStatement("select idempotency_key, case_number from gf_case where started_by = ?")) {
            query.setString(1, PORTAL);
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    cases.put(rows.getString(1), rows.getString(2));
                }
            }
        }
        return cases;
    }

    static int count(Connection db, String sql) throws SQLException {
        try (PreparedStatement query = db.prepareStatement(sql);
                ResultSet rows = query.executeQuery()) {
            rows.next();
            return rows.getInt(1);
        }
    }

    static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
