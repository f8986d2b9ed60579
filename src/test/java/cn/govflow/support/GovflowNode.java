package cn.govflow.support;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;
import static org.awaitility.Awaitility.await;

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
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * One govflow JVM started by a test: the application's runtime classpath, its production main class, its own
 * port, driven over HTTP only. Used by the cluster and the crash tests.
 */
public final class GovflowNode {

    public static final Duration START_TIMEOUT = Duration.ofMinutes(5);
    static final ObjectMapper JSON = new ObjectMapper();
    static final HttpClient HTTP =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    public final String name;
    public final int port;
    public final Process process;
    public final Path log;

    private GovflowNode(String name, int port, Process process, Path log) {
        this.name = name;
        this.port = port;
        this.process = process;
        this.log = log;
    }

    /**
     * Starts a node in {@code directory} (its working directory: ./data of the H2 default lives there), logging to
     * {@code <name>.log} in it, with {@code arguments} after {@code --server.port} and {@code environment} added to
     * this JVM's.
     */
    public static GovflowNode start(
            String name, Path directory, List<String> arguments, Map<String, String> environment) throws IOException {
        int port = freePort();
        Files.createDirectories(directory);
        Path log = directory.resolve(name + ".log");
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx512m",
                "-XX:+UseSerialGC",
                "-XX:TieredStopAtLevel=1",
                "-cp",
                applicationClasspath(),
                "cn.govflow.GovflowApplication",
                "--server.port=" + port));
        command.addAll(arguments);
        ProcessBuilder builder = new ProcessBuilder(command)
                .directory(directory.toFile())
                .redirectErrorStream(true)
                .redirectOutput(log.toFile());
        builder.environment().remove("GOVFLOW_ADMIN_PASSWORD");
        builder.environment().putAll(environment);
        Process process = builder.start();
        Runtime.getRuntime().addShutdownHook(new Thread(process::destroyForcibly));
        return new GovflowNode(name, port, process, log);
    }

    /**
     * Empties {@code directory} (a node's working directory: its H2 files and logs) and, on PostgreSQL, recreates
     * {@code postgresDatabase}; returns that database's JDBC URL, or null on H2.
     */
    public static String freshStart(Path directory, String postgresDatabase) throws IOException {
        String url = TestDatabase.isPostgres() ? TestDatabase.recreatePostgres(postgresDatabase) : null;
        if (Files.exists(directory)) {
            try (Stream<Path> files = Files.walk(directory)) {
                files.sorted(Comparator.reverseOrder())
                        .forEach(path -> path.toFile().delete());
            }
        }
        Files.createDirectories(directory);
        return url;
    }

    /**
     * Starts a node on the build's test database: on H2 as shipped (the default profile, ./data/govflow in
     * {@code directory}); on PostgreSQL with the postgres and demo profiles on {@code postgresUrl}.
     */
    public static GovflowNode startOnTestDatabase(
            String name, Path directory, String postgresUrl, List<String> arguments, Map<String, String> environment)
            throws IOException {
        List<String> all = new ArrayList<>(arguments);
        Map<String, String> env = new java.util.HashMap<>(environment);
        if (TestDatabase.isPostgres()) {
            all.add("--spring.profiles.active=postgres,demo");
            env.put("POSTGRES_URL", postgresUrl);
            env.put("POSTGRES_USER", TestDatabase.postgresUser());
            env.put("POSTGRES_PASSWORD", "");
        }
        return start(name, directory, all, env);
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

    /** Waits for {@code /actuator/health/readiness} to answer UP; fails at once when the node exits. */
    public void awaitReady() {
        await("node " + name + " ready")
                .atMost(START_TIMEOUT)
                .pollInterval(Duration.ofMillis(250))
                .ignoreExceptions()
                .until(() -> {
                    if (!process.isAlive()) {
                        fail("node " + name + " exited with " + process.exitValue() + ":\n" + logTail());
                    }
                    Answer readiness = get(null, null, "/actuator/health/readiness");
                    return readiness.status() == 200
                            && "UP".equals(readiness.body().path("status").asText());
                });
        assertThat(get(null, null, "/actuator/health/liveness")
                        .body()
                        .path("status")
                        .asText())
                .isEqualTo("UP");
    }

    /** kill -9: the JVM gets no chance to finish anything. */
    public void kill() throws InterruptedException {
        process.destroyForcibly();
        assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
    }

    /** SIGTERM, then waits up to {@code timeout} for the JVM to end by itself; its exit code, or -1 if it did not. */
    public int terminate(Duration timeout) throws InterruptedException {
        process.destroy();
        if (process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            return process.exitValue();
        }
        process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        return -1;
    }

    /** SIGTERM, and kill -9 after 30 s: for clean-up after a test. */
    public void stop() {
        if (process.isAlive()) {
            try {
                terminate(Duration.ofSeconds(30));
            } catch (InterruptedException e) {
                process.destroyForcibly();
                Thread.currentThread().interrupt();
            }
        }
    }

    public String logTail() {
        try {
            List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
        } catch (IOException e) {
            return "(no log: " + e.getMessage() + ")";
        }
    }

    // ---- the engine REST API as the tests use it ----

    public String startCase(String processKey, String businessKey, Map<String, String> variables) {
        Map<String, Object> typed = variables.entrySet().stream()
                .collect(Collectors.toMap(
                        Map.Entry::getKey, entry -> Map.of("value", entry.getValue(), "type", "String")));
        Answer started = post(
                "admin",
                "admin",
                "/engine-rest/process-definition/key/" + processKey + "/start",
                Map.of("businessKey", businessKey, "variables", typed));
        assertThat(started.status()).as("start on node %s: %s", name, started).isEqualTo(200);
        return started.body().path("id").asText();
    }

    public String onlyTaskOf(String user, String caseId) {
        Answer tasks = get(user, "demo", "/engine-rest/task?processInstanceId=" + caseId);
        assertThat(tasks.status()).isEqualTo(200);
        assertThat(tasks.body())
                .as("tasks of %s for %s on node %s", caseId, user, name)
                .hasSize(1);
        return tasks.body().get(0).path("id").asText();
    }

    public boolean caseEnded(String caseId) {
        Answer historic = get("admin", "admin", "/engine-rest/history/process-instance/" + caseId);
        return historic.status() == 200
                && "COMPLETED".equals(historic.body().path("state").asText());
    }

    public int finishedActivityCount(String caseId, String activityId) {
        return count("/engine-rest/history/activity-instance/count?finished=true&processInstanceId=" + caseId
                + "&activityId=" + activityId);
    }

    /** A {@code count} answer of the engine REST API, as admin. */
    public int count(String path) {
        return get("admin", "admin", path).body().path("count").asInt();
    }

    public Answer deploy(String user, String password, String... resources) throws IOException {
        String boundary = "govflow-" + UUID.randomUUID();
        List<byte[]> parts = new ArrayList<>();
        parts.add(field(boundary, "deployment-name", "test-probes"));
        parts.add(field(boundary, "enable-duplicate-filtering", "true"));
        for (String resource : resources) {
            try (InputStream in = GovflowNode.class.getClassLoader().getResourceAsStream(resource)) {
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
                .POST(HttpRequest.BodyPublishers.ofByteArrays(parts))
                .build();
        return send(request);
    }

    private static byte[] field(String boundary, String name, String value) {
        return ("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + name + "\"\r\n\r\n" + value + "\r\n")
                .getBytes(StandardCharsets.UTF_8);
    }

    // ---- HTTP ----

    public record Answer(int status, JsonNode body, String contentType) {}

    public Answer get(String user, String password, String path) {
        return send(request(user, password, path).GET().build());
    }

    public Answer post(String user, String password, String path, Object body) {
        return post(user, password, path, body, Map.of());
    }

    public Answer post(String user, String password, String path, Object body, Map<String, String> headers) {
        try {
            HttpRequest.Builder builder = request(user, password, path).header("Content-Type", "application/json");
            headers.forEach(builder::header);
            return send(builder.POST(HttpRequest.BodyPublishers.ofString(
                            body instanceof String text ? text : JSON.writeValueAsString(body)))
                    .build());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public Answer put(String user, String password, String path) {
        return send(request(user, password, path)
                .PUT(HttpRequest.BodyPublishers.noBody())
                .build());
    }

    private HttpRequest.Builder request(String user, String password, String path) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .timeout(Duration.ofSeconds(60))
                .header("Accept", "application/json, application/problem+json");
        if (user != null) {
            builder.header(
                    "Authorization",
                    "Basic "
                            + Base64.getEncoder()
                                    .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8)));
        }
        return builder;
    }

    private Answer send(HttpRequest request) {
        try {
            HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
            JsonNode body = response.body() == null || response.body().isBlank()
                    ? JSON.missingNode()
                    : JSON.readTree(response.body());
            return new Answer(
                    response.statusCode(),
                    body,
                    response.headers().firstValue("Content-Type").orElse(""));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
