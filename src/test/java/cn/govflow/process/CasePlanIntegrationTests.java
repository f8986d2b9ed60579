package cn.govflow.process;

import static org.assertj.core.api.Assertions.assertThat;

import cn.govflow.calendar.WorkdayCalendar;
import cn.govflow.support.GovflowNode;
import cn.govflow.support.GovflowNode.Answer;
import cn.govflow.support.TestDatabase;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * R22: a case runs by the plan its item had when it started. A node takes a case of 2022-DI-007 (5 promised
 * working days); a second node on the same database reads a catalog in which the item now promises 15. The running
 * case still gets 5 days when its clock starts there; a case started on the second node gets 15. Each node is a
 * child JVM started as the jar ships ({@link GovflowNode}), on H2 or PostgreSQL as the build runs.
 */
class CasePlanIntegrationTests {

    static final String DATABASE = TestDatabase.isPostgres() ? "postgres" : "h2";
    static final String POSTGRES_DATABASE = TestDatabase.ownPostgresDatabase("plan");
    static final Path DIRECTORY = Path.of("target", "case-plan", DATABASE).toAbsolutePath();
    static final String ITEM = "2022-DI-007";
    static final int PROMISED_BEFORE = 5;
    static final int PROMISED_AFTER = 15;
    static final DateTimeFormatter ENGINE_DATE = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSZ");

    static String databaseUrl;
    static GovflowNode node;

    @BeforeAll
    static void freshStart() throws IOException {
        databaseUrl = GovflowNode.freshStart(DIRECTORY, POSTGRES_DATABASE);
    }

    @AfterAll
    static void stopNode() {
        if (node != null) {
            node.stop();
        }
    }

    @Test
    @DisplayName(
            "R22 R33: a later catalog change does not alter the plan of a running case; new cases get the new plan")
    void r22_aRunningCaseKeepsThePlanItStartedWith() throws Exception {
        node = start("before", List.of());
        String before = apply("plan-before");
        assertThat(catalogPromise()).isEqualTo(PROMISED_BEFORE);
        node.stop();

        Path catalog = changedCatalog();
        node = start("after", List.of("--govflow.catalog.location=file:" + catalog + "/*.yaml"));
        assertThat(catalogPromise())
                .as("the second node reads the changed catalog")
                .isEqualTo(PROMISED_AFTER);
        String after = apply("plan-after");

        LocalDate today = LocalDate.now(WorkdayCalendar.ZONE);
        WorkdayCalendar calendar = WorkdayCalendar.fromClasspath();
        assertThat(receiveAndAccept(before)).isEqualTo(calendar.addWorkdays(today, PROMISED_BEFORE));
        assertThat(receiveAndAccept(after)).isEqualTo(calendar.addWorkdays(today, PROMISED_AFTER));
        assertThat(planVariables(before)).as("the plan is no process variable").isZero();
    }

    static GovflowNode start(String name, List<String> arguments) throws IOException {
        GovflowNode started = GovflowNode.startOnTestDatabase(name, DIRECTORY, databaseUrl, arguments, Map.of());
        started.awaitReady();
        return started;
    }

    /** The shipped catalog with 2022-DI-007's promise changed from 5 to 15 working days. */
    static Path changedCatalog() throws IOException {
        Path target = DIRECTORY.resolve("catalog");
        Files.createDirectories(target);
        try (Stream<Path> files = Files.list(Path.of("config", "catalog"))) {
            for (Path file : files.toList()) {
                Files.copy(file, target.resolve(file.getFileName()));
            }
        }
        Path delegated = target.resolve("delegated-implementation.yaml");
        String yaml = Files.readString(delegated, StandardCharsets.UTF_8);
        int item = yaml.indexOf("code: " + ITEM);
        int promise = yaml.indexOf("promisedDays: " + PROMISED_BEFORE, item);
        assertThat(item).isPositive();
        assertThat(yaml.indexOf("- code:", item + 1)).isGreaterThan(promise);
        String changed = yaml.substring(0, promise)
                + "promisedDays: " + PROMISED_AFTER
                + yaml.substring(promise + ("promisedDays: " + PROMISED_BEFORE).length());
        Files.writeString(delegated, changed, StandardCharsets.UTF_8);
        return target;
    }

    static int catalogPromise() {
        Answer item = node.get("portal", "demo", "/api/items/" + ITEM);
        assertThat(item.status()).as("GET /api/items/%s: %s", ITEM, item).isEqualTo(200);
        return item.body().path("promisedDays").asInt();
    }

    /** The portal applies at a window in Pudong; returns the process instance id. */
    static String apply(String idempotencyKey) {
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
        Answer started =
                node.post("portal", "demo", "/api/applications", body, Map.of("Idempotency-Key", idempotencyKey));
        assertThat(started.status()).as("intake: %s", started).isEqualTo(201);
        return started.body().path("processInstanceId").asText();
    }

    /** 窗口收件 by window-pudong, 受理 by the district department: the clock starts; returns the promised day. */
    static LocalDate receiveAndAccept(String caseId) {
        complete("window-pudong", caseId, Map.of("receiptOutcome", "RECEIVED"));
        complete("dept-pudong-public-security", caseId, Map.of("acceptanceOutcome", "ACCEPTED"));
        Answer promised = node.get(
                "admin", "admin", "/engine-rest/process-instance/" + caseId + "/variables/promisedDecisionDate");
        assertThat(promised.status())
                .as("promisedDecisionDate of %s: %s", caseId, promised)
                .isEqualTo(200);
        return OffsetDateTime.parse(promised.body().path("value").asText(), ENGINE_DATE)
                .atZoneSameInstant(WorkdayCalendar.ZONE)
                .toLocalDate();
    }

    static void complete(String user, String caseId, Map<String, String> outcome) {
        String task = node.onlyTaskOf(user, caseId);
        Map<String, Object> variables = new java.util.HashMap<>();
        outcome.forEach((name, value) -> variables.put(name, Map.of("value", value, "type", "String")));
        Answer completed =
                node.post(user, "demo", "/engine-rest/task/" + task + "/complete", Map.of("variables", variables));
        assertThat(completed.status()).as("complete as %s: %s", user, completed).isEqualTo(204);
    }

    static int planVariables(String caseId) {
        return node.count("/engine-rest/history/variable-instance/count?processInstanceId=" + caseId
                + "&variableNameIn=resultType,promisedDays,clockStartsAt,acceptanceAt,onTheSpot");
    }
}
