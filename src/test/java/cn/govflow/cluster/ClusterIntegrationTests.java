package cn.govflow.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import cn.govflow.support.TestDatabase;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
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
 * A homogeneous two-node cluster: two govflow JVMs (the production main class, profiles {@code postgres,demo})
 * on one fresh PostgreSQL database, driven over HTTP only. Runs in the PostgreSQL failsafe execution; skipped
 * on H2, and when no PostgreSQL answers unless {@code govflow.test.postgres=required}.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ClusterIntegrationTests {

    static final String DATABASE = env("GOVFLOW_TEST_POSTGRES_DB", "govflow") + "_cluster";
    static final String HOST_URL = env("GOVFLOW_TEST_POSTGRES_URL", "jdbc:postgresql://127.0.0.1:5432/");
    static final String ADMIN_DB = env("GOVFLOW_TEST_POSTGRES_ADMIN_DB", "test");
    static final String USER = env("GOVFLOW_TEST_POSTGRES_USER", "postgres");

    /** Test-sized lock time: a job locked by a node that died is taken over by the other after this. */
    static final Duration JOB_LOCK_TIME = Duration.ofSeconds(10);
    static final Duration START_TIMEOUT = Duration.ofMinutes(5);
    /** Large enough that node A is still busy when the test sees it has begun (the steps take milliseconds). */
    static final int BATCH_CASES = 120;
    static final List<String> BATCH_STEPS = List.of("Task_Step1", "Task_Step2", "Task_Step3");

    static final ObjectMapper JSON = new ObjectMapper();
    static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    static Node nodeA;
    static Node nodeB;

    @BeforeAll
    static void startTwoNodesOnOneDatabase() throws Exception {
        assumeTrue(TestDatabase.isPostgres(), "the cluster test runs in the PostgreSQL execution only");
        String databaseUrl = recreateDatabase();
        // One after the other, as a rolling start would: the first node creates the schema of an empty database.
        nodeA = Node.start("a", databaseUrl);
        nodeA.awaitReady();
        nodeB = Node.start("b", databaseUrl);
        nodeB.awaitReady();

        Answer deployment = nodeA.deploy("process-owner", "demo", "cluster/cluster-probe.bpmn",
                "cluster/cluster-batch-probe.bpmn");
        assertThat(deployment.status()).as(deployment.toString()).isEqualTo(200);
    }

    @AfterAll
    static void stopBothNodes() {
        Stream.of(nodeA, nodeB).filter(node -> node != null).forEach(Node::stop);
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
        assertThat(jobs.body()).as("one cleanup job for the whole cluster: %s", jobs.body()).hasSize(1);
        LocalTime due = OffsetDateTime.parse(jobs.body().get(0).path("dueDate").asText(), CAMUNDA_DATE)
                .atZoneSameInstant(ZoneId.systemDefault()).toLocalTime();
        assertThat(!due.isBefore(LocalTime.of(22, 0)) || due.isBefore(LocalTime.of(6, 0)))
                .as("cleanup due at %s, inside 22:00-06:00", due).isTrue();
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
                    .status()).isEqualTo(204);
        }

        await("every case past its timer").atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(500))
                .until(() -> cases.stream().allMatch(caseId -> nodeA.caseEnded(caseId)));
        for (String caseId : cases) {
            assertThat(nodeB.finishedActivityCount(caseId, "TimerEvent_Wait")).as("timer of %s", caseId)
                    .isEqualTo(1);
            assertThat(nodeB.finishedActivityCount(caseId, "Task_ProbeWork")).isEqualTo(1);
        }
        assertThat(nodeA.get("admin", "admin", "/engine-rest/history/incident/count").body().path("count").asInt())
                .isZero();
    }

    @Test
    @Order(3)
    @DisplayName("two clerks completing the same task on the two nodes at once: one 204, one clear 4xx, mostly 409")
    void concurrentCompletionOnTwoNodesIsOneSuccessAndOneConflict() throws Exception {
        assertThat(nodeA.post("admin", "admin", "/engine-rest/user/create", Map.of(
                "profile", Map.of("id", "window-yangpu-2", "firstName", "二号", "lastName", "窗口"),
                "credentials", Map.of("password", "demo"))).status()).isEqualTo(204);
        assertThat(nodeA.put("admin", "admin", "/engine-rest/group/window-yangpu/members/window-yangpu-2")
                .status()).isEqualTo(204);

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
                        .sorted((x, y) -> Integer.compare(x.status(), y.status())).toList();

                assertThat(answers.get(0).status()).as("round %d: %s", round, answers).isEqualTo(204);
                Answer loser = answers.get(1);
                assertThat(loser.status()).as("round %d: %s", round, answers).isIn(409, 404);
                assertThat(loser.contentType()).startsWith("application/problem+json");
                assertThat(loser.body().path("status").asInt()).isEqualTo(loser.status());
                assertThat(loser.body().path("detail").asText()).isNotBlank();
                assertThat(loser.body().toString()).doesNotContain("Exception");
                conflicts += loser.status() == 409 ? 1 : 0;
                assertThat(nodeB.finishedActivityCount(caseId, "Task_ProbeWork")).isEqualTo(1);
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

        await("node A working through the batch").atMost(Duration.ofSeconds(120))
                .pollInterval(Duration.ofMillis(100)).until(() -> nodeB.finishedSteps() >= 6);
        int doneAtKill = nodeB.finishedSteps();
        nodeA.kill();
        int lockedAtKill = lockedJobs();
        assertThat(doneAtKill).as("the batch must still be running when node A dies").isLessThan(total);

        await("node B finishing the batch").atMost(JOB_LOCK_TIME.multipliedBy(9))
                .pollInterval(Duration.ofMillis(500)).until(() -> nodeB.finishedSteps() >= total);
        for (String step : BATCH_STEPS) {
            Answer count = nodeB.get("admin", "admin",
                    "/engine-rest/history/activity-instance/count?finished=true&activityId=" + step);
            assertThat(count.body().path("count").asInt()).as("%s ran once per case", step).isEqualTo(BATCH_CASES);
        }
        await("every case ended").atMost(Duration.ofSeconds(30))
                .until(() -> cases.stream().allMatch(nodeB::caseEnded));
        assertThat(nodeB.get("admin", "admin", "/engine-rest/job/count?processDefinitionKey=ClusterBatchProbe")
                .body().path("count").asInt()).isZero();
        assertThat(nodeB.get("admin", "admin", "/engine-rest/history/incident/count").body().path("count").asInt())
                .isZero();
        assertThat(nodeB.process.isAlive()).isTrue();
        System.out.printf("cluster batch: %d of %d steps done when node A was killed, %d jobs locked right after%n",
                doneAtKill, total, lockedAtKill);
    }

    // ---- the cluster's surroundings ----

    static final DateTimeFormatter CAMUNDA_DATE = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSZ");

    /** Same rules as {@link TestDatabase}: skip without a server, unless CI requires one. */
    static String recreateDatabase() {
        try (Connection connection = DriverManager.getConnection(HOST_URL + ADMIN_DB, USER, "");
                Statement statement = connection.createStatement()) {
            statement.execute("DROP DATABASE IF EXISTS " + DATABASE + " WITH (FORCE)");
            statement.execute("CREATE DATABASE " + DATABASE);
            return HOST_URL + DATABASE;
        } catch (SQLException e) {
            if ("required".equals(System.getProperty("govflow.test.postgres"))) {
                throw new IllegalStateException("PostgreSQL is required for this run but not reachable", e);
            }
            assumeTrue(false, "PostgreSQL not reachable, skipped: " + e.getMessage());
            throw new IllegalStateException(e);
        }
    }

    /** Jobs some node holds locked right now (informative: the dead node's jobs wait for their lock to expire). */
    static int lockedJobs() {
        try (Connection connection = DriverManager.getConnection(HOST_URL + DATABASE, USER, "");
                Statement statement = connection.createStatement();
                var rows = statement.executeQuery(
                        "select count(*) from act_ru_job where lock_exp_time_ > localtimestamp")) {
            rows.next();
            return rows.getInt(1);
        } catch (SQLException e) {
            return -1;
        }
    }

    static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }

    record Answer(int status, JsonNode body, String contentType) {}

    /** One govflow JVM: the application's runtime classpath, its production main class, its own port. */
    static final class Node {
        final String name;
        final int port;
        final Process process;
        final Path log;

        private Node(String name, int port, Process process, Path log) {
            this.name = name;
            this.port = port;
            this.process = process;
            this.log = log;
        }

        static Node start(String name, String databaseUrl) throws IOException {
            int port = freePort();
            Path directory = Path.of("target", "cluster", "node-" + name).toAbsolutePath();
            Files.createDirectories(directory);
            Path log = directory.resolve("node.log");
            List<String> command = List.of(
                    Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-Xmx512m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1",
                    "-cp", applicationClasspath(),
                    "cn.govflow.GovflowApplication",
                    "--server.port=" + port,
                    "--spring.profiles.active=postgres,demo",
                    "--camunda.bpm.job-execution.wait-time-in-millis=200");
            ProcessBuilder builder = new ProcessBuilder(command).directory(directory.toFile())
                    .redirectErrorStream(true).redirectOutput(log.toFile());
            Map<String, String> environment = builder.environment();
            environment.put("POSTGRES_URL", databaseUrl);
            environment.put("POSTGRES_USER", USER);
            environment.put("POSTGRES_PASSWORD", "");
            // Small pools: other builds share this PostgreSQL server.
            environment.put("POSTGRES_POOL_SIZE", "8");
            environment.put("POSTGRES_POOL_MIN_IDLE", "2");
            environment.put("JOB_LOCK_TIME_MS", String.valueOf(JOB_LOCK_TIME.toMillis()));
            environment.put("JOB_MAX_WAIT_MS", "1000");
            environment.remove("GOVFLOW_ADMIN_PASSWORD");
            Process process = builder.start();
            Node node = new Node(name, port, process, log);
            Runtime.getRuntime().addShutdownHook(new Thread(process::destroyForcibly));
            return node;
        }

        /** The test JVM's classpath without the test classes: the application as it ships, plus test jars. */
        static String applicationClasspath() {
            String classpath = System.getProperty("surefire.test.class.path");
            if (classpath == null || classpath.isBlank()) {
                classpath = System.getProperty("java.class.path");
            }
            return Arrays.stream(classpath.split(File.pathSeparator))
                    .filter(entry -> !entry.endsWith("test-classes") && !entry.endsWith("test-classes/"))
                    .collect(Collectors.joining(File.pathSeparator));
        }

        void awaitReady() {
            await("node " + name + " ready").atMost(START_TIMEOUT).pollInterval(Duration.ofSeconds(1))
                    .ignoreExceptions().until(() -> {
                        if (!process.isAlive()) {
                            fail("node " + name + " exited with " + process.exitValue() + ":\n" + logTail());
                        }
                        Answer readiness = get(null, null, "/actuator/health/readiness");
                        return readiness.status() == 200 && "UP".equals(readiness.body().path("status").asText());
                    });
            assertThat(get(null, null, "/actuator/health/liveness").body().path("status").asText()).isEqualTo("UP");
        }

        void kill() throws InterruptedException {
            process.destroyForcibly();
            assertThat(process.waitFor(30, java.util.concurrent.TimeUnit.SECONDS)).isTrue();
        }

        void stop() {
            if (process.isAlive()) {
                process.destroy();
                try {
                    if (!process.waitFor(30, java.util.concurrent.TimeUnit.SECONDS)) {
                        process.destroyForcibly().waitFor(10, java.util.concurrent.TimeUnit.SECONDS);
                    }
                } catch (InterruptedException e) {
                    process.destroyForcibly();
                    Thread.currentThread().interrupt();
                }
            }
        }

        String logTail() {
            try {
                List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
                return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
            } catch (IOException e) {
                return "(no log: " + e.getMessage() + ")";
            }
        }

        String startCase(String processKey, String businessKey, Map<String, String> variables) {
            Map<String, Object> typed = variables.entrySet().stream().collect(Collectors.toMap(Map.Entry::getKey,
                    entry -> Map.of("value", entry.getValue(), "type", "String")));
            Answer started = post("admin", "admin", "/engine-rest/process-definition/key/" + processKey + "/start",
                    Map.of("businessKey", businessKey, "variables", typed));
            assertThat(started.status()).as("start on node %s: %s", name, started).isEqualTo(200);
            return started.body().path("id").asText();
        }

        String onlyTaskOf(String user, String caseId) {
            Answer tasks = get(user, "demo", "/engine-rest/task?processInstanceId=" + caseId);
            assertThat(tasks.status()).isEqualTo(200);
            assertThat(tasks.body()).as("tasks of %s for %s on node %s", caseId, user, name).hasSize(1);
            return tasks.body().get(0).path("id").asText();
        }

        boolean caseEnded(String caseId) {
            Answer historic = get("admin", "admin", "/engine-rest/history/process-instance/" + caseId);
            return historic.status() == 200 && "COMPLETED".equals(historic.body().path("state").asText());
        }

        int finishedActivityCount(String caseId, String activityId) {
            return get("admin", "admin", "/engine-rest/history/activity-instance/count?finished=true&processInstanceId="
                    + caseId + "&activityId=" + activityId).body().path("count").asInt();
        }

        int finishedSteps() {
            int done = 0;
            for (String step : BATCH_STEPS) {
                done += get("admin", "admin", "/engine-rest/history/activity-instance/count?finished=true&activityId="
                        + step).body().path("count").asInt();
            }
            return done;
        }

        Answer deploy(String user, String password, String... resources) throws IOException {
            String boundary = "govflow-" + UUID.randomUUID();
            List<byte[]> parts = new ArrayList<>();
            parts.add(field(boundary, "deployment-name", "cluster-probes"));
            parts.add(field(boundary, "enable-duplicate-filtering", "true"));
            for (String resource : resources) {
                try (InputStream in = getClass().getClassLoader().getResourceAsStream(resource)) {
                    String fileName = resource.substring(resource.lastIndexOf('/') + 1);
                    String head = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + fileName
                            + "\"; filename=\"" + fileName + "\"\r\nContent-Type: application/octet-stream\r\n\r\n";
                    parts.add(head.getBytes(StandardCharsets.UTF_8));
                    parts.add(in.readAllBytes());
                    parts.add("\r\n".getBytes(StandardCharsets.UTF_8));
                }
            }
            parts.add(("--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
            HttpRequest request = request(user, password, "/engine-rest/deployment/create")
                    .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                    .POST(HttpRequest.BodyPublishers.ofByteArrays(parts)).build();
            return send(request);
        }

        private static byte[] field(String boundary, String name, String value) {
            return ("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + name + "\"\r\n\r\n" + value
                    + "\r\n").getBytes(StandardCharsets.UTF_8);
        }

        Answer get(String user, String password, String path) {
            return send(request(user, password, path).GET().build());
        }

        Answer post(String user, String password, String path, Object body) {
            try {
                return send(request(user, password, path).header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body))).build());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        Answer put(String user, String password, String path) {
            return send(request(user, password, path).PUT(HttpRequest.BodyPublishers.noBody()).build());
        }

        private HttpRequest.Builder request(String user, String password, String path) {
            HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                    .timeout(Duration.ofSeconds(60)).header("Accept", "application/json, application/problem+json");
            if (user != null) {
                builder.header("Authorization", "Basic " + Base64.getEncoder()
                        .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8)));
            }
            return builder;
        }

        private Answer send(HttpRequest request) {
            try {
                HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
                JsonNode body = response.body() == null || response.body().isBlank()
                        ? JSON.missingNode() : JSON.readTree(response.body());
                return new Answer(response.statusCode(), body,
                        response.headers().firstValue("Content-Type").orElse(""));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }

        private static int freePort() throws IOException {
            try (ServerSocket socket = new ServerSocket(0)) {
                return socket.getLocalPort();
            }
        }
    }
}
