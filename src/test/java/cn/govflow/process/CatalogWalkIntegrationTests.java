package cn.govflow.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import cn.govflow.application.Deliveries;
import cn.govflow.application.DeliveryMethod;
import cn.govflow.catalog.ApplicantType;
import cn.govflow.catalog.CatalogItem;
import cn.govflow.catalog.CatalogService;
import cn.govflow.catalog.Channel;
import cn.govflow.catalog.District;
import cn.govflow.catalog.Material;
import cn.govflow.catalog.NewTown;
import cn.govflow.catalog.Situation;
import cn.govflow.courier.CourierService;
import cn.govflow.supervision.DelegationSuspensions;
import cn.govflow.support.GovflowIntegrationTest;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/**
 * Every item of the catalog with every delivery method the intake accepts for it ({@link Deliveries#allowed}),
 * applied for over {@code POST /api/applications} and driven to its end as the clerks of its groups would, the
 * approving way: every case ends {@code APPROVED}. Driven from the catalog, so a new item or a changed rule is
 * walked too. Channels alternate between the item's channels, so both the portal and the window start cases.
 */
@GovflowIntegrationTest
class CatalogWalkIntegrationTests {

    static final String RESIDENT_ID = "310110199001011230";
    static final String CREDIT_CODE = "91350100M000100Y43";
    static final Duration CASE_TIMEOUT = Duration.ofSeconds(60);

    @Autowired
    TestRestTemplate rest;

    @Autowired
    CatalogService catalog;

    @Autowired
    DelegationSuspensions suspensions;

    @Autowired
    CourierService courier;

    @Autowired
    RuntimeService runtime;

    @Autowired
    TaskService tasks;

    @Autowired
    ManagementService management;

    @Autowired
    HistoryService history;

    record Walk(CatalogItem item, DeliveryMethod method, Channel channel) {
        @Override
        public String toString() {
            return item.code() + " " + method + " " + channel;
        }
    }

    @Test
    @DisplayName("R1 R2 R3 R10 R20: every catalog item with every delivery method the intake accepts ends APPROVED")
    void everyItemAndAcceptedDeliveryMethodEndsApproved() throws Exception {
        List<Walk> walks = walks();
        assertThat(walks.stream().map(w -> w.item().code()).distinct())
                .hasSize(catalog.all().size());

        ExecutorService pool = Executors.newFixedThreadPool(3);
        try {
            List<Future<String>> outcomes = new ArrayList<>();
            for (Walk walk : walks) {
                outcomes.add(pool.submit(() -> walk(walk)));
            }
            Map<String, String> notApproved = new LinkedHashMap<>();
            for (int i = 0; i < walks.size(); i++) {
                String outcome = outcomes.get(i).get();
                if (!"APPROVED".equals(outcome)) {
                    notApproved.put(walks.get(i).toString(), outcome);
                }
            }
            assertThat(notApproved).as("cases that did not end APPROVED").isEmpty();
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    @DisplayName(
            "R10: a full-online item with a paper licence refuses pick-up at the window at intake (422 naming delivery.method)")
    void r10_fullOnlinePaperLicenceRefusesWindowPickup() {
        for (String code : List.of("2022-FO-002", "2022-FO-048")) {
            CatalogItem item = catalog.find(code).orElseThrow();
            ResponseEntity<Map> response = apply(new Walk(item, DeliveryMethod.WINDOW_PICKUP, Channel.WINDOW));

            assertThat(response.getStatusCode()).isEqualTo(HttpStatus.UNPROCESSABLE_ENTITY);
            assertThat(response.getBody())
                    .containsEntry("field", "delivery.method")
                    .containsEntry("rule", "R10");
            assertThat(response.getBody().get("allowedDeliveryMethods")).isEqualTo(List.of("COURIER"));
        }
    }

    List<Walk> walks() {
        List<Walk> walks = new ArrayList<>();
        int n = 0;
        for (CatalogItem item : catalog.all()) {
            List<Channel> channels = item.channels().stream().sorted().toList();
            for (DeliveryMethod method : Deliveries.allowed(item)) {
                walks.add(new Walk(item, method, channels.get(n++ % channels.size())));
            }
        }
        return walks;
    }

    /** @return the case's outcome, or what stopped it */
    String walk(Walk walk) throws InterruptedException {
        ResponseEntity<Map> response = apply(walk);
        if (response.getStatusCode() != HttpStatus.CREATED) {
            return "intake answered " + response.getStatusCode() + ": " + response.getBody();
        }
        String caseNumber = (String) response.getBody().get("caseNumber");
        Instant deadline = Instant.now().plus(CASE_TIMEOUT);
        while (Instant.now().isBefore(deadline)) {
            HistoricProcessInstance instance = history.createHistoricProcessInstanceQuery()
                    .processInstanceBusinessKey(caseNumber)
                    .singleResult();
            if (instance.getEndTime() != null) {
                var outcome = history.createHistoricVariableInstanceQuery()
                        .processInstanceId(instance.getId())
                        .variableName(CaseVariables.OUTCOME)
                        .singleResult();
                return outcome == null ? "ended without outcome" : String.valueOf(outcome.getValue());
            }
            Job failed = management.createJobQuery().processInstanceId(instance.getId()).withException().list().stream()
                    .findFirst()
                    .orElse(null);
            if (failed != null && failed.getRetries() == 0) {
                return "incident at " + failed.getFailedActivityId() + ": " + failed.getExceptionMessage();
            }
            if (failed != null) {
                retryNow(failed);
                continue;
            }
            try {
                if (!actAsClerks(instance.getId()) && !actAsOutsideSystems(caseNumber, instance.getId())) {
                    Thread.sleep(20);
                }
            } catch (OptimisticLockingException concurrentJob) {
                // a job of the same case (e.g. the supervision branch) moved on meanwhile: look again, as a clerk would
            }
        }
        return "still running after " + CASE_TIMEOUT + " at "
                + runtime.getActiveActivityIds(history.createHistoricProcessInstanceQuery()
                        .processInstanceBusinessKey(caseNumber)
                        .singleResult()
                        .getId());
    }

    /**
     * A job that failed with retries left (e.g. the supervision branch's job lost an optimistic lock to the clerk
     * completing 综合窗口出件 at the same moment) runs again after its retry interval; run it now instead.
     */
    void retryNow(Job job) {
        try {
            management.executeJob(job.getId());
        } catch (RuntimeException stillFailingOrTakenByTheJobExecutor) {
            // the next look decides: an incident ends the walk, anything else is looked at again
        }
    }

    /** Completes the open tasks the approving way; false if there were none. */
    boolean actAsClerks(String processInstanceId) {
        List<Task> open =
                tasks.createTaskQuery().processInstanceId(processInstanceId).list();
        for (Task task : open) {
            if (task.getTaskDefinitionKey().startsWith("Task_ManualDispatch")) {
                fail(
                        "case %s: the courier hand-off failed: %s",
                        task.getProcessInstanceId(),
                        runtime.getVariable(processInstanceId, CaseVariables.HAND_OFF_FAILURE));
            }
            tasks.complete(task.getId(), ApprovingClerk.answer(task));
        }
        return !open.isEmpty();
    }

    /** The courier platform reports deliveries, the city department confirms paper arrivals; false if nothing waited. */
    boolean actAsOutsideSystems(String caseNumber, String processInstanceId) {
        if (waitsAt(processInstanceId, "Task_AwaitDelivery")
                || waitsAt(processInstanceId, "Task_AwaitCourierDelivery")) {
            courier.delivered(
                    caseNumber, (String) runtime.getVariable(processInstanceId, CaseVariables.TRACKING_NUMBER), null);
            return true;
        }
        if (waitsAt(processInstanceId, "Task_AwaitPaperMaterials")) {
            runtime.createMessageCorrelation("Message_PaperMaterialsArrived")
                    .processInstanceBusinessKey(caseNumber)
                    .correlate();
            return true;
        }
        return false;
    }

    boolean waitsAt(String processInstanceId, String activityId) {
        return runtime.createExecutionQuery()
                        .processInstanceId(processInstanceId)
                        .activityId(activityId)
                        .count()
                > 0;
    }

    ResponseEntity<Map> apply(Walk walk) {
        CatalogItem item = walk.item();
        Place place = place(item);
        boolean person = item.applicantTypes().contains(ApplicantType.PERSON);
        Situation situation = item.situations().get(0);
        List<Map<String, Object>> materials = new ArrayList<>();
        for (Material material : situation.required()) {
            String source = material.exempt()
                    ? "E_LICENCE"
                    : material.paper() && walk.channel() == Channel.WINDOW ? "PAPER" : "UPLOAD";
            materials.add(Map.of("code", material.code(), "source", source));
        }
        Map<String, Object> delivery = new LinkedHashMap<>();
        delivery.put("method", walk.method().name());
        if (walk.method() == DeliveryMethod.COURIER) {
            delivery.put("address", "上海市" + place.district().displayName() + "示例路1号");
        }
        Map<String, Object> request = new LinkedHashMap<>();
        request.put("itemCode", item.code());
        request.put("channel", walk.channel().name());
        request.put("district", place.district().code());
        if (place.newTown() != null) {
            request.put("newTown", place.newTown().code());
        }
        request.put(
                "applicant",
                person
                        ? Map.of("type", "PERSON", "name", "张三", "idType", "RESIDENT_ID", "idNumber", RESIDENT_ID)
                        : Map.of("type", "ENTERPRISE", "name", "上海某科技有限公司", "idType", "USCC", "idNumber", CREDIT_CODE));
        request.put("situation", situation.code());
        request.put("materials", materials);
        request.put("delivery", delivery);
        request.put("commitment", false);
        String user = walk.channel() == Channel.ONLINE
                ? "portal"
                : "window-" + place.district().code();
        return rest.withBasicAuth(user, "demo").postForEntity("/api/applications", request, Map.class);
    }

    record Place(District district, NewTown newTown) {}

    /** The first district (or new town) where the item can be applied for and its delegation is not suspended. */
    Place place(CatalogItem item) {
        Stream<Place> candidates = Stream.concat(
                Stream.of(District.values()).map(d -> new Place(d, null)),
                Stream.of(NewTown.values()).map(t -> new Place(t.district(), t)));
        return candidates
                .filter(p -> switch (item.mode()) {
                    case FULL_ONLINE -> p.newTown() == null;
                    case DELEGATED ->
                        item.delegation().scope().covers(p.district(), p.newTown())
                                && !suspensions.isSuspended(
                                        item.code(), p.district().code());
                    case ENTRUSTED_RECEIPT ->
                        p.newTown() == null
                                && item.entrustedReceipt().receivers().includes(p.district());
                })
                .findFirst()
                .orElseThrow(() -> new AssertionError("no place to apply for " + item.code()));
    }
}
