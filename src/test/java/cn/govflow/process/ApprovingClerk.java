package cn.govflow.process;

import static org.assertj.core.api.Assertions.fail;

import java.util.Map;
import org.camunda.bpm.engine.task.Task;

/** How a clerk answers each user task of the three models on the way to an approval (tests only). */
final class ApprovingClerk {

    private ApprovingClerk() {}

    static Map<String, Object> answer(Task task) {
        return switch (task.getTaskDefinitionKey()) {
            case "Task_WindowReceipt" -> Map.of(CaseVariables.RECEIPT_OUTCOME, "RECEIVED");
            case "Task_Acceptance" -> Map.of(CaseVariables.ACCEPTANCE_OUTCOME, "ACCEPTED");
            case "Task_Review" -> Map.of(CaseVariables.REVIEW_OPINION, "材料齐全，符合法定条件");
            case "Task_Decision", "Task_CityDecision" -> Map.of(CaseVariables.DECISION, "APPROVED");
            case "Task_OnTheSpotDecision" -> Map.of("onTheSpotDecision", "APPROVED");
            case "Task_SpecialProcedure" -> Map.of("specialProcedureFindings", "现场踏勘符合要求");
            case "Task_Delivery" -> Map.of(CaseVariables.HANDED_OVER, true);
            case "Task_DeliveryReminder" -> Map.of("reminderNote", "已向物流平台催办");
            case "Task_PaperTransferReminder" -> Map.of("transferFollowUp", "已催办纸质材料流转");
            case "Task_ManualDispatch", "Task_ManualDispatchPaperMaterials", "Task_ManualDispatchToHall" ->
                Map.of(CaseVariables.DISPATCH_OUTCOME, "HANDED_OVER", CaseVariables.DISPATCH_NOTE, "申请人到窗口领取，当场签收");
            case "Task_SpotCheck" -> Map.of("spotCheckResult", "PASSED");
            case "Task_CommitmentVerification" -> Map.of("verificationResult", "PASSED");
            default ->
                fail(
                        "no clerk's answer for %s (%s) of case %s",
                        task.getTaskDefinitionKey(), task.getName(), task.getProcessInstanceId());
        };
    }
}
