package cn.govflow.support;

import static org.assertj.core.api.Assertions.assertThat;

import cn.govflow.catalog.CasePlans;
import cn.govflow.process.CaseVariables;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/** A portal case of item 2022-FO-004 (全程网办, e-licence) started on the engine directly, without the intake. */
public final class FullOnlineCases {

    public static final String PROCESS_KEY = "FullOnlineProcess";

    private FullOnlineCases() {}

    /** The start variables the model needs; the first task is 受理 (Task_Acceptance). */
    public static Map<String, Object> variables(String caseNumber) {
        Map<String, Object> v = new HashMap<>(Map.of(
                CaseVariables.CASE_NUMBER,
                caseNumber,
                CaseVariables.ITEM_CODE,
                "2022-FO-004",
                CaseVariables.MODE,
                "FULL_ONLINE",
                CaseVariables.DEPARTMENT,
                "public-security",
                CaseVariables.DISTRICT,
                "yangpu",
                CaseVariables.CHANNEL,
                "ONLINE",
                CasePlans.RESULT_TYPE,
                "E_LICENCE",
                CasePlans.PROMISED_DAYS,
                5,
                CasePlans.RECEIPT_IS_ACCEPTANCE,
                false,
                CasePlans.ON_THE_SPOT,
                false));
        v.put(CaseVariables.COMMITMENT, false);
        v.put(CasePlans.CLOCK_STARTS_AT, "ACCEPTANCE");
        return v;
    }

    /** 2022-FO-004 核发《养犬登记证》（补证）, situation 登记证遗失, online, e-licence, as the portal sends it. */
    public static Map<String, Object> application() {
        return Map.of(
                "itemCode",
                "2022-FO-004",
                "channel",
                "ONLINE",
                "district",
                "yangpu",
                "applicant",
                Map.of("type", "PERSON", "name", "张三", "idType", "RESIDENT_ID", "idNumber", "310110199001011230"),
                "situation",
                "lost",
                "materials",
                List.of(
                        Map.of("code", "licence-loss-statement", "source", "UPLOAD"),
                        Map.of("code", "dog-photo", "source", "UPLOAD")),
                "delivery",
                Map.of("method", "E_LICENCE"),
                "commitment",
                false);
    }

    /** The portal applies over {@code POST /api/applications}; the case number of the new case. */
    public static String applyOverApi(TestRestTemplate rest) {
        ResponseEntity<JsonNode> applied =
                rest.withBasicAuth("portal", "demo").postForEntity("/api/applications", application(), JsonNode.class);
        assertThat(applied.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        return applied.getBody().path("caseNumber").asText();
    }

    /**
     * Works a case started by {@link #applyOverApi} to APPROVED on the engine (受理, 审查, 决定), and waits until its
     * e-licence is issued and the case has ended.
     */
    public static void approve(String caseNumber, TaskService tasks, HistoryService history) {
        complete(caseNumber, "Task_Acceptance", Map.of(CaseVariables.ACCEPTANCE_OUTCOME, "ACCEPTED"), tasks);
        complete(caseNumber, "Task_Review", Map.of("reviewOpinion", "材料齐全，符合补证条件"), tasks);
        complete(caseNumber, "Task_Decision", Map.of("decision", "APPROVED"), tasks);
        long deadline = System.currentTimeMillis() + 30_000;
        while (history.createHistoricProcessInstanceQuery()
                        .processInstanceBusinessKey(caseNumber)
                        .finished()
                        .count()
                == 0) {
            assertThat(System.currentTimeMillis())
                    .as("case %s ends", caseNumber)
                    .isLessThan(deadline);
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }

    private static void complete(
            String caseNumber, String taskDefinitionKey, Map<String, Object> variables, TaskService tasks) {
        Task task = tasks.createTaskQuery()
                .processInstanceBusinessKey(caseNumber)
                .taskDefinitionKey(taskDefinitionKey)
                .singleResult();
        assertThat(task).as("%s of %s", taskDefinitionKey, caseNumber).isNotNull();
        tasks.complete(task.getId(), variables);
    }
}
