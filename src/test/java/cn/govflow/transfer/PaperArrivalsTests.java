package cn.govflow.transfer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.historyService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;

import cn.govflow.calendar.EngineClock;
import cn.govflow.process.CaseVariables;
import cn.govflow.process.EntrustedReceiptElements;
import cn.govflow.support.ProcessTests;
import cn.govflow.system.ApiException;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.camunda.community.process_test_coverage.junit5.platform7.ProcessEngineCoverageExtension;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.http.HttpStatus;

@Deployment(resources = "transfer/paper-arrival-probe.bpmn")
class PaperArrivalsTests {

    @RegisterExtension
    static ProcessEngineCoverageExtension engine = ProcessTests.engine();

    PaperArrivals arrivals;

    @BeforeEach
    void setUp() {
        arrivals = new PaperArrivals(runtimeService(), historyService(), EngineClock.SHANGHAI);
    }

    private ProcessInstance waitingCase(String caseNumber) {
        return runtimeService()
                .startProcessInstanceByKey(
                        "PaperArrivalProbe", caseNumber, Map.of(CaseVariables.DEPARTMENT, "archives"));
    }

    @Test
    @DisplayName("R21: the city department confirms the arrival; the case goes on and records who confirmed")
    void cityDepartmentConfirmsArrival() {
        ProcessInstance instance = waitingCase("2026-ER-0001");

        PaperArrivals.PaperArrival arrival =
                arrivals.confirm("2026-ER-0001", "city-archives", List.of("city-archives"));

        assertThat(arrival.confirmedBy()).isEqualTo("city-archives");
        BpmnAwareTests.assertThat(instance).isEnded();
        assertThat(historyService()
                        .createHistoricVariableInstanceQuery()
                        .processInstanceId(instance.getId())
                        .variableName(EntrustedReceiptElements.PAPER_RECEIVED_BY)
                        .singleResult()
                        .getValue())
                .isEqualTo("city-archives");
    }

    @Test
    @DisplayName("R3: only city-<department> of the case may confirm (403); the case keeps waiting")
    void anotherDepartmentMayNotConfirm() {
        ProcessInstance instance = waitingCase("2026-ER-0002");

        assertThatThrownBy(() -> arrivals.confirm("2026-ER-0002", "city-justice", List.of("city-justice")))
                .isInstanceOfSatisfying(
                        ApiException.class, e -> assertThat(e.status()).isEqualTo(HttpStatus.FORBIDDEN));
        BpmnAwareTests.assertThat(instance).isWaitingAt(EntrustedReceiptElements.TASK_AWAIT_PAPER_MATERIALS);
    }

    @Test
    @DisplayName("an unknown case is 404; a case that waits for no paper (already confirmed) is 409")
    void unknownCaseAndNothingWaiting() {
        waitingCase("2026-ER-0003");
        arrivals.confirm("2026-ER-0003", "city-archives", List.of("city-archives"));

        assertThatThrownBy(() -> arrivals.confirm("2026-ER-9999", "city-archives", List.of("city-archives")))
                .isInstanceOfSatisfying(
                        ApiException.class, e -> assertThat(e.status()).isEqualTo(HttpStatus.NOT_FOUND));
        assertThatThrownBy(() -> arrivals.confirm("2026-ER-0003", "city-archives", List.of("city-archives")))
                .isInstanceOfSatisfying(ApiException.class, e -> {
                    assertThat(e.status()).isEqualTo(HttpStatus.CONFLICT);
                    assertThat(e.rule()).isEqualTo("R21");
                });
    }
}
