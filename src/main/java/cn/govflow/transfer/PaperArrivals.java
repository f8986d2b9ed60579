package cn.govflow.transfer;

import cn.govflow.process.CaseVariables;
import cn.govflow.process.EntrustedReceiptElements;
import cn.govflow.system.ApiException;
import java.time.Clock;
import java.util.Date;
import java.util.List;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.MismatchingMessageCorrelationException;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.history.HistoricVariableInstance;
import org.camunda.bpm.engine.runtime.Execution;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;

/**
 * Confirms the arrival of a case's paper materials at the city department ({@code Message_PaperMaterialsArrived},
 * correlated on the business key). Only members of {@code city-<department>} of that case may confirm.
 */
@Service
class PaperArrivals {

    static final String RULE = "R21";

    private final RuntimeService runtime;
    private final HistoryService history;
    private final Clock clock;

    PaperArrivals(RuntimeService runtime, HistoryService history, Clock clock) {
        this.clock = clock;
        this.runtime = runtime;
        this.history = history;
    }

    /** The arrival as confirmed; throws {@link ApiException} for an unknown case, a stranger, or nothing waiting. */
    PaperArrival confirm(String caseNumber, String userId, List<String> groups) {
        List<HistoricProcessInstance> cases = history.createHistoricProcessInstanceQuery()
                .processInstanceBusinessKey(caseNumber)
                .orderByProcessInstanceStartTime()
                .desc()
                .listPage(0, 1);
        if (cases.isEmpty()) {
            throw new ApiException(HttpStatus.NOT_FOUND, "caseNumber", "R3", "办件 " + caseNumber + " 不存在");
        }
        String instanceId = cases.get(0).getId();
        String department = department(instanceId);
        if (department == null || !groups.contains("city-" + department)) {
            throw new ApiException(
                    HttpStatus.FORBIDDEN, "caseNumber", "R3", "只有办件所属市级业务部门（city-" + department + "）可以确认纸质材料送达");
        }
        List<Execution> waiting = runtime.createExecutionQuery()
                .processInstanceId(instanceId)
                .messageEventSubscriptionName(EntrustedReceiptElements.MESSAGE_PAPER_MATERIALS_ARRIVED)
                .list();
        if (waiting.isEmpty()) {
            throw new ApiException(HttpStatus.CONFLICT, "caseNumber", RULE, "办件 " + caseNumber + " 当前没有等待送达的纸质材料");
        }
        try {
            runtime.createMessageCorrelation(EntrustedReceiptElements.MESSAGE_PAPER_MATERIALS_ARRIVED)
                    .processInstanceId(instanceId)
                    .setVariable(EntrustedReceiptElements.PAPER_RECEIVED_BY, userId)
                    .correlateWithResult();
        } catch (MismatchingMessageCorrelationException e) {
            // Someone else confirmed between the query and the correlation.
            throw new ApiException(HttpStatus.CONFLICT, "caseNumber", RULE, "办件 " + caseNumber + " 当前没有等待送达的纸质材料");
        }
        return new PaperArrival(caseNumber, userId, Date.from(clock.instant()));
    }

    private String department(String instanceId) {
        HistoricVariableInstance variable = history.createHistoricVariableInstanceQuery()
                .processInstanceId(instanceId)
                .variableName(CaseVariables.DEPARTMENT)
                .disableCustomObjectDeserialization()
                .singleResult();
        return variable == null || variable.getValue() == null
                ? null
                : variable.getValue().toString();
    }

    /** What the city department confirmed, when and by whom. */
    record PaperArrival(String caseNumber, String confirmedBy, Date confirmedAt) {}
}
