package cn.govflow.process;

import static cn.govflow.process.CaseVariables.ACCEPTED_AT;
import static cn.govflow.process.CaseVariables.COURIER_PURPOSE;
import static cn.govflow.process.CaseVariables.COURIER_RECIPIENT;
import static cn.govflow.process.CaseVariables.RECEIVED_AT;
import static cn.govflow.process.EntrustedReceiptElements.*;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.historyService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.job;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.doAnswer;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;

import cn.govflow.calendar.CaseClock;
import cn.govflow.calendar.WorkdayCalendar;
import cn.govflow.calendar.Workdays;
import cn.govflow.catalog.CasePlans;
import cn.govflow.support.ModelBeans;
import cn.govflow.support.ProcessTests;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.assertj.core.api.Assertions;
import org.camunda.bpm.engine.delegate.BpmnError;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.camunda.community.process_test_coverage.junit5.platform7.ProcessEngineCoverageExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Every path of the 委托基层收件 model (annex 4 二 of 沪府办字〔2022〕16号), with the real calendar beans
 * ({@code workdays}, {@code caseClock}); the delegates are mocks that write what the real ones write.
 */
@Deployment(
        resources = {
            "processes/entrusted-receipt.bpmn",
            "forms/entrusted-window-receipt-form.form",
            "forms/paper-transfer-reminder-form.form",
            "forms/manual-dispatch-form.form"
        })
class EntrustedReceiptProcessTests {

    @RegisterExtension
    static ProcessEngineCoverageExtension engine = ProcessTests.engine();

    static final WorkdayCalendar CALENDAR = WorkdayCalendar.fromClasspath();

    ModelBeans beans;
    Workdays workdays;
    CaseClock caseClock;
    JavaDelegate issueLicence;
    JavaDelegate courier;
    final List<String> courierPurposes = new ArrayList<>();
    int shipments;
    /** When set, the next hand-off fails as HandOffToCourierDelegate does: BPMN error HandOffFailed, this reason. */
    String nextHandOffFailure;

    @BeforeEach
    void registerBeans() throws Exception {
        beans = ModelBeans.register();
        workdays = beans.workdays;
        caseClock = beans.caseClock;
        issueLicence = mock(JavaDelegate.class);
        doAnswer(call -> {
                    call.getArgument(0, DelegateExecution.class)
                            .setVariable(CaseVariables.LICENCE_IDENTIFIER, "EL-0001");
                    return null;
                })
                .when(issueLicence)
                .execute(any());
        courier = mock(JavaDelegate.class);
        doAnswer(call -> {
                    DelegateExecution execution = call.getArgument(0, DelegateExecution.class);
                    String purpose = (String) execution.getVariable(COURIER_PURPOSE);
                    if (nextHandOffFailure != null) {
                        String reason = nextHandOffFailure;
                        nextHandOffFailure = null;
                        execution.setVariable(CaseVariables.HAND_OFF_FAILURE, reason);
                        throw new BpmnError(CaseVariables.ERROR_HAND_OFF_FAILED, reason);
                    }
                    courierPurposes.add(purpose + "->" + execution.getVariable(COURIER_RECIPIENT));
                    execution.setVariable(CaseVariables.TRACKING_NUMBER, "SF" + (++shipments));
                    return null;
                })
                .when(courier)
                .execute(any());
        Mocks.register("issueLicenceDelegate", issueLicence);
        Mocks.register("handOffToCourierDelegate", courier);
    }

    @AfterEach
    void resetMocks() {
        Mocks.reset();
    }

    // ------------------------------------------------------------------------------------------------ paths

    @Test
    @DisplayName("R24 R18 R20: 收件即受理 at the window, electronic materials only, e-licence returned online")
    void windowAcceptsOnReceiptAndELicenceGoesOnline() throws Exception {
        ProcessInstance instance = start(plan("WINDOW", false, "ACCEPTANCE", "ONLINE", "E_LICENCE"));

        assertThat(instance).isWaitingAt(TASK_WINDOW_RECEIPT);
        assertThat(task(instance)).hasCandidateGroup("window-minhang");
        complete(task(instance), withVariables(CaseVariables.RECEIPT_OUTCOME, "RECEIVED"));

        assertThat(instance)
                .hasPassed(TASK_ISSUE_RECEIPT_VOUCHER, TASK_TRANSFER_ELECTRONIC_MATERIALS)
                .hasNotPassed(TASK_ACCEPTANCE, TASK_HAND_OFF_PAPER_MATERIALS)
                .variables()
                .containsEntry(CaseVariables.ACCEPTANCE_OUTCOME, "ACCEPTED")
                .containsEntry(RECEIPT_VOUCHER_NUMBER, "SJ-2026-ER-TEST")
                .containsKeys(ACCEPTED_AT, RECEIVED_AT, ELECTRONIC_TRANSFER_AT);
        assertThat(instance).isWaitingAt(TASK_REVIEW).variables().containsKey(CaseClock.CLOCK_STARTED_AT);
        assertThat(task(instance)).hasCandidateGroup("city-archives").hasDueDate(promised(instance));

        completeReviewAndDecide(instance, "APPROVED");
        execute(job());

        verify(issueLicence).execute(any());
        verify(courier, never()).execute(any());
        assertThat(instance)
                .isEnded()
                .hasPassed(END_APPROVED_ONLINE)
                .variables()
                .containsEntry(CaseVariables.OUTCOME, "APPROVED")
                .containsEntry(CaseVariables.LICENCE_IDENTIFIER, "EL-0001");
    }

    @Test
    @DisplayName("R18 R19 R21 R20: district department accepts in the centre, paper travels to the city, the reminder "
            + "fires, the courier's delivery is recorded and the city confirms, the paper licence comes back to the "
            + "hall for 统一出件")
    void districtDepartmentAcceptsPaperTravelsAndLicenceReturnsToHall() throws Exception {
        ProcessInstance instance =
                start(plan("DISTRICT_DEPARTMENT", true, "ACCEPTANCE", "DISTRICT_DEPARTMENT", "PAPER_LICENCE"));
        complete(
                task(instance),
                withVariables(CaseVariables.RECEIPT_OUTCOME, "RECEIVED", RECEIPT_VOUCHER_NUMBER, "MH-SF-0007"));

        assertThat(instance).variables().containsEntry(RECEIPT_VOUCHER_NUMBER, "MH-SF-0007");
        assertThat(instance).isWaitingAt(TASK_ACCEPTANCE);
        assertThat(task(instance)).hasCandidateGroup("dept-minhang-archives");
        complete(task(instance), withVariables(CaseVariables.ACCEPTANCE_OUTCOME, "ACCEPTED"));

        assertThat(instance).isWaitingAt(TASK_HAND_OFF_PAPER_MATERIALS);
        execute(job());
        Assertions.assertThat(courierPurposes).containsExactly("PAPER_MATERIALS->CITY_DEPARTMENT");
        assertThat(instance).isWaitingAt(TASK_AWAIT_PAPER_MATERIALS);

        Assertions.assertThat(job(TIMER_PAPER_TRANSFER_OVERDUE).getDuedate()).isEqualTo(workdays.fromNow(2));
        execute(job(TIMER_PAPER_TRANSFER_OVERDUE));
        assertThat(instance).isWaitingAt(TASK_AWAIT_PAPER_MATERIALS, TASK_PAPER_TRANSFER_REMINDER);
        assertThat(task(TASK_PAPER_TRANSFER_REMINDER, instance)).hasCandidateGroup("window-minhang");
        assertThatThrownBy(() -> complete(task(TASK_PAPER_TRANSFER_REMINDER, instance)))
                .isInstanceOf(FormFieldValidationException.class);
        complete(task(TASK_PAPER_TRANSFER_REMINDER, instance), withVariables(TRANSFER_FOLLOW_UP, "已联系物流，预计明日送达"));

        courierDelivered(instance, "SF1");
        assertThat(instance).hasPassed(END_PAPER_DELIVERY_RECORDED).isWaitingAt(TASK_AWAIT_PAPER_MATERIALS);
        paperArrives(instance);
        assertThat(instance).isWaitingAt(TASK_REVIEW).variables().containsKey(PAPER_ARRIVED_AT);

        completeReviewAndDecide(instance, "APPROVED");
        execute(job());
        Assertions.assertThat(courierPurposes).containsExactly("PAPER_MATERIALS->CITY_DEPARTMENT", "RESULT->HALL");
        deliveredToHall(instance, "SF2");

        assertThat(instance).isWaitingAt(TASK_DELIVERY);
        assertThat(task(instance)).hasCandidateGroup("window-minhang").hasDueDate(workdays.fromNow(10));
        complete(task(instance), withVariables(CaseVariables.HANDED_OVER, true));
        assertThat(instance)
                .isEnded()
                .hasPassed(END_HANDED_OVER)
                .variables()
                .containsEntry(CaseVariables.OUTCOME, "APPROVED");
        verify(issueLicence, never()).execute(any());
    }

    @Test
    @DisplayName("R18 R16: the city department accepts after the paper arrives; the clock already runs from receipt; "
            + "退件 after 不予批准 travels back to the hall")
    void cityAcceptsAfterPaperArrivesAndReturnedMaterialsGoBackToHall() throws Exception {
        ProcessInstance instance = start(plan("CITY_DEPARTMENT", true, "RECEIPT", "SERVICE_CENTRE", "PAPER_LICENCE"));
        complete(task(instance), withVariables(CaseVariables.RECEIPT_OUTCOME, "RECEIVED"));

        Object clockStartedAt = variable(instance, CaseClock.CLOCK_STARTED_AT);
        Assertions.assertThat(clockStartedAt).isNotNull();
        assertThat(instance).isWaitingAt(TASK_HAND_OFF_PAPER_MATERIALS).hasNotPassed(TASK_ACCEPTANCE);
        execute(job());
        paperArrives(instance);

        assertThat(instance).isWaitingAt(TASK_ACCEPTANCE);
        assertThat(task(instance)).hasCandidateGroup("city-archives").hasDueDate(workdays.fromNow(5));
        complete(task(instance), withVariables(CaseVariables.ACCEPTANCE_OUTCOME, "ACCEPTED"));

        assertThat(instance).isWaitingAt(TASK_REVIEW);
        Assertions.assertThat(courierPurposes).containsExactly("PAPER_MATERIALS->CITY_DEPARTMENT");
        Assertions.assertThat(variable(instance, CaseClock.CLOCK_STARTED_AT)).isEqualTo(clockStartedAt);

        completeReviewAndDecide(instance, "NOT_APPROVED");
        assertThat(instance).variables().containsEntry(CaseClock.OVERDUE, false);
        execute(job());
        Assertions.assertThat(courierPurposes)
                .containsExactly("PAPER_MATERIALS->CITY_DEPARTMENT", "RETURNED_MATERIALS->HALL");
        deliveredToHall(instance, "SF2");
        complete(task(TASK_DELIVERY, instance), withVariables(CaseVariables.HANDED_OVER, true));

        assertThat(instance)
                .isEnded()
                .hasPassed(END_HANDED_OVER)
                .variables()
                .containsEntry(CaseVariables.OUTCOME, "NOT_APPROVED");
    }

    @Test
    @DisplayName("R20: 不予受理 by the city after the paper arrived: the paper travels back to the hall as 退件")
    void cityDoesNotAcceptAndReturnsThePaperToTheHall() throws Exception {
        ProcessInstance instance = start(plan("CITY_DEPARTMENT", true, "RECEIPT", "SERVICE_CENTRE", "PAPER_LICENCE"));
        complete(task(instance), withVariables(CaseVariables.RECEIPT_OUTCOME, "RECEIVED"));
        execute(job());
        paperArrives(instance);
        complete(
                task(instance),
                withVariables(CaseVariables.ACCEPTANCE_OUTCOME, "NOT_ACCEPTED", CaseVariables.REASON, "馆藏无该婚姻登记档案"));

        assertThat(instance)
                .isWaitingAt(TASK_HAND_OFF_TO_HALL)
                .hasNotPassed(END_NOT_ACCEPTED)
                .variables()
                .containsEntry(DELIVERY_DUE_DATE, workdays.fromNow(10));
        execute(job());
        Assertions.assertThat(courierPurposes)
                .containsExactly("PAPER_MATERIALS->CITY_DEPARTMENT", "RETURNED_MATERIALS->HALL");
        deliveredToHall(instance, "SF2");
        assertThat(task(instance)).hasCandidateGroup("window-minhang").hasDueDate(workdays.fromNow(10));
        complete(task(instance), withVariables(CaseVariables.HANDED_OVER, true));

        assertThat(instance)
                .isEnded()
                .hasPassed(END_HANDED_OVER)
                .hasNotPassed(TASK_REVIEW)
                .variables()
                .containsEntry(CaseVariables.OUTCOME, "NOT_ACCEPTED");
    }

    // ------------------------------------------------------------------------------------- failed hand-offs

    @Test
    @DisplayName("R3 R19: a refused hand-off of the paper materials is 人工寄送纸质材料 for the receiving hall's window, "
            + "not an incident; RETRY hands them off again and the city confirms their arrival")
    void failedPaperHandOffIsManualDispatchForTheHallThenRetry() throws Exception {
        String reason = "统一物流平台拒绝受理寄件（HTTP 422）：收件地址不完整";
        ProcessInstance instance = paperHandOffFails(reason);

        assertManualDispatch(
                instance,
                BOUNDARY_PAPER_HAND_OFF_FAILED,
                TASK_MANUAL_DISPATCH_PAPER_MATERIALS,
                "window-minhang",
                "人工寄送纸质材料",
                reason);
        assertThat(instance).hasNotPassed(TASK_AWAIT_PAPER_MATERIALS);
        assertThatThrownBy(() -> complete(task(instance), Map.of())).isInstanceOf(FormFieldValidationException.class);
        complete(task(instance), withVariables(CaseVariables.DISPATCH_OUTCOME, "RETRY"));

        assertThat(instance).isWaitingAt(TASK_HAND_OFF_PAPER_MATERIALS);
        execute(job());
        Assertions.assertThat(courierPurposes).containsExactly("PAPER_MATERIALS->CITY_DEPARTMENT");
        assertThat(instance).isWaitingAt(TASK_AWAIT_PAPER_MATERIALS);
        paperArrives(instance);
        assertThat(instance).isWaitingAt(TASK_REVIEW);
    }

    @Test
    @DisplayName("R3 R19: after a failed hand-off the hall takes the paper materials to the city department itself "
            + "(HANDED_OVER with a note): they count as arrived and the city reviews")
    void failedPaperHandOffHandedOverByTheHall() throws Exception {
        ProcessInstance instance = paperHandOffFails("统一物流平台多次重试后仍未受理：连接被拒绝");
        assertThat(instance).isWaitingAt(TASK_MANUAL_DISPATCH_PAPER_MATERIALS);

        assertThatThrownBy(() -> complete(task(instance), withVariables(CaseVariables.DISPATCH_OUTCOME, "HANDED_OVER")))
                .as("HANDED_OVER needs dispatchNote")
                .isInstanceOf(FormFieldValidationException.class);
        complete(
                task(instance),
                withVariables(
                        CaseVariables.DISPATCH_OUTCOME,
                        "HANDED_OVER",
                        CaseVariables.DISPATCH_NOTE,
                        "机要交换送市档案局，12月7日签收"));

        assertThat(instance)
                .isWaitingAt(TASK_REVIEW)
                .hasNotPassed(TASK_AWAIT_PAPER_MATERIALS)
                .variables()
                .containsKey(PAPER_ARRIVED_AT);
        Assertions.assertThat(courierPurposes).isEmpty();
    }

    @Test
    @DisplayName("R20: a refused hand-off of the paper licence back to the hall is 人工寄回收件大厅 for the city "
            + "department; RETRY hands it off again, it reaches the hall and is handed out there")
    void failedResultHandOffIsManualDispatchForTheCityThenRetry() throws Exception {
        String reason = "统一物流平台拒绝受理寄件（HTTP 422）：收件大厅地址不在服务范围";
        ProcessInstance instance = resultHandOffFails(reason);

        assertManualDispatch(
                instance,
                BOUNDARY_HALL_HAND_OFF_FAILED,
                TASK_MANUAL_DISPATCH_TO_HALL,
                "city-archives",
                "人工寄回收件大厅",
                reason);
        complete(task(instance), withVariables(CaseVariables.DISPATCH_OUTCOME, "RETRY"));

        assertThat(instance).isWaitingAt(TASK_HAND_OFF_TO_HALL);
        execute(job());
        Assertions.assertThat(courierPurposes).containsExactly("RESULT->HALL");
        deliveredToHall(instance, "SF1");
        assertThat(task(instance)).hasDefinitionKey(TASK_DELIVERY).hasCandidateGroup("window-minhang");
        complete(task(instance), withVariables(CaseVariables.HANDED_OVER, true));
        assertThat(instance)
                .isEnded()
                .hasPassed(END_HANDED_OVER)
                .variables()
                .containsEntry(CaseVariables.OUTCOME, "APPROVED");
    }

    @Test
    @DisplayName("R20: after a failed hand-off the city department brings the paper licence to the hall itself "
            + "(HANDED_OVER with a note): the hall's window hands it out (统一出件)")
    void failedResultHandOffHandedOverByTheCity() throws Exception {
        ProcessInstance instance = resultHandOffFails("统一物流平台多次重试后仍未受理：HTTP 503");
        assertThat(instance).isWaitingAt(TASK_MANUAL_DISPATCH_TO_HALL);

        complete(
                task(instance),
                withVariables(
                        CaseVariables.DISPATCH_OUTCOME,
                        "HANDED_OVER",
                        CaseVariables.DISPATCH_NOTE,
                        "专人送至闵行区行政服务中心，12月8日签收"));

        assertThat(instance).isWaitingAt(TASK_DELIVERY).hasNotPassed(TASK_AWAIT_COURIER_DELIVERY);
        assertThat(task(instance)).hasCandidateGroup("window-minhang");
        complete(task(instance), withVariables(CaseVariables.HANDED_OVER, true));
        assertThat(instance)
                .isEnded()
                .hasPassed(END_HANDED_OVER)
                .variables()
                .containsEntry(CaseVariables.OUTCOME, "APPROVED");
        Assertions.assertThat(courierPurposes).isEmpty();
    }

    @Test
    @DisplayName("R16: with clockStartsAt ACCEPTANCE the clock does not run while the case waits for acceptance")
    void clockStartsAtAcceptanceNotAtReceipt() {
        ProcessInstance instance = start(plan("DISTRICT_DEPARTMENT", false, "ACCEPTANCE", "SERVICE_CENTRE", "NONE"));
        complete(task(instance), withVariables(CaseVariables.RECEIPT_OUTCOME, "RECEIVED"));

        assertThat(instance).isWaitingAt(TASK_ACCEPTANCE);
        assertThat(instance).variables().doesNotContainKey(CaseClock.CLOCK_STARTED_AT);
        complete(task(instance), withVariables(CaseVariables.ACCEPTANCE_OUTCOME, "ACCEPTED"));

        assertThat(instance).variables().containsKey(CaseClock.CLOCK_STARTED_AT);
        assertThat(instance)
                .isWaitingAt(TASK_REVIEW)
                .hasPassed("IntermediateThrowEvent_ClockStartedAtAcceptance")
                .hasNotPassed("IntermediateThrowEvent_ClockStartedAtReceipt");
    }

    @Test
    @DisplayName("R3: electronic-only transfer: no courier, the city reviews at once; approved without licence")
    void electronicOnlyTransferNeedsNoCourier() {
        ProcessInstance instance = start(plan("DISTRICT_DEPARTMENT", false, "RECEIPT", "SERVICE_CENTRE", "NONE"));
        complete(task(instance), withVariables(CaseVariables.RECEIPT_OUTCOME, "RECEIVED"));
        complete(task(instance), withVariables(CaseVariables.ACCEPTANCE_OUTCOME, "ACCEPTED"));

        assertThat(instance)
                .isWaitingAt(TASK_REVIEW)
                .hasNotPassed(TASK_HAND_OFF_PAPER_MATERIALS)
                .variables()
                .containsKey(ELECTRONIC_TRANSFER_AT)
                .doesNotContainKey(PAPER_ARRIVED_AT);
        completeReviewAndDecide(instance, "APPROVED");

        assertThat(instance)
                .isEnded()
                .hasPassed(END_APPROVED_WITHOUT_LICENCE)
                .variables()
                .containsEntry(CaseVariables.OUTCOME, "APPROVED");
        Assertions.assertThat(courierPurposes).isEmpty();
    }

    @Test
    @DisplayName(
            "R19: the applicant is told at receipt when acceptance will be decided; that is the acceptance due date")
    void applicantIsToldWhenAcceptanceWillBeDecided() {
        ProcessInstance instance = start(plan("DISTRICT_DEPARTMENT", false, "ACCEPTANCE", "SERVICE_CENTRE", "NONE"));

        assertThat(instance).variables().containsEntry(ACCEPTANCE_EXPECTED_BY, workdays.fromNow(5));
        complete(task(instance), withVariables(CaseVariables.RECEIPT_OUTCOME, "RECEIVED"));
        assertThat(task(instance)).hasDueDate(workdays.fromNow(5));
    }

    @Test
    @DisplayName("R20: 不予批准 without paper materials ends online, nothing travels back")
    void notApprovedWithoutPaperEndsOnline() {
        ProcessInstance instance = start(plan("WINDOW", false, "ACCEPTANCE", "ONLINE", "E_LICENCE"));
        complete(task(instance), withVariables(CaseVariables.RECEIPT_OUTCOME, "RECEIVED"));
        completeReviewAndDecide(instance, "NOT_APPROVED");

        assertThat(instance)
                .isEnded()
                .hasPassed(END_NOT_APPROVED)
                .variables()
                .containsEntry(CaseVariables.OUTCOME, "NOT_APPROVED");
        Assertions.assertThat(courierPurposes).isEmpty();
    }

    @Test
    @DisplayName("R15 一次性告知: the window asks for every missing material, the applicant supplements, then the "
            + "window may still refuse")
    void receiptSupplementLoopsBackToTheWindow() {
        ProcessInstance instance = start(plan("WINDOW", false, "ACCEPTANCE", "ONLINE", "E_LICENCE"));
        complete(
                task(instance),
                withVariables(
                        CaseVariables.RECEIPT_OUTCOME,
                        "SUPPLEMENT",
                        CaseVariables.MISSING_MATERIALS,
                        "婚姻登记档案查询申请表（本人签名）"));

        assertThat(instance).isWaitingAt(TASK_AWAIT_RECEIPT_SUPPLEMENT);
        supplement(instance);
        assertThat(instance).isWaitingAt(TASK_WINDOW_RECEIPT);
        complete(
                task(instance),
                withVariables(CaseVariables.RECEIPT_OUTCOME, "REFUSED", CaseVariables.REASON, "不属于本事项受理范围"));

        assertThat(instance)
                .isEnded()
                .hasPassed(END_REFUSED)
                .variables()
                .containsEntry(CaseVariables.OUTCOME, "REFUSED");
    }

    @Test
    @DisplayName("R15: a receipt supplement not brought in time counts as withdrawn")
    void receiptSupplementExpires() {
        ProcessInstance instance = start(plan("WINDOW", false, "ACCEPTANCE", "ONLINE", "E_LICENCE"));
        complete(
                task(instance),
                withVariables(
                        CaseVariables.RECEIPT_OUTCOME, "SUPPLEMENT", CaseVariables.MISSING_MATERIALS, "经公证的授权委托书"));

        execute(job(TIMER_RECEIPT_SUPPLEMENT_EXPIRED));

        assertThat(instance)
                .isEnded()
                .hasPassed(END_WITHDRAWN_AT_RECEIPT)
                .variables()
                .containsEntry(CaseVariables.OUTCOME, "WITHDRAWN");
    }

    @Test
    @DisplayName("R33: 补正 at acceptance pauses the clock that runs from receipt and resumes it; then 不予受理")
    void acceptanceSupplementPausesTheClockThenNotAccepted() {
        ProcessInstance instance = start(plan("DISTRICT_DEPARTMENT", false, "RECEIPT", "SERVICE_CENTRE", "NONE"));
        complete(task(instance), withVariables(CaseVariables.RECEIPT_OUTCOME, "RECEIVED"));
        complete(
                task(instance),
                withVariables(
                        CaseVariables.ACCEPTANCE_OUTCOME,
                        "SUPPLEMENT",
                        CaseVariables.MISSING_MATERIALS,
                        "与残疾职工签订的劳动合同"));

        assertThat(instance).isWaitingAt(TASK_AWAIT_ACCEPTANCE_SUPPLEMENT);
        assertThat(instance).variables().containsKey(CaseClock.CLOCK_STARTED_AT).containsKey(CaseClock.CLOCK_PAUSED_AT);
        supplement(instance);

        assertThat(instance)
                .variables()
                .doesNotContainKey(CaseClock.CLOCK_PAUSED_AT)
                .containsKey(CaseClock.PAUSED_WORKDAYS);
        assertThat(instance).isWaitingAt(TASK_ACCEPTANCE);
        complete(
                task(instance),
                withVariables(CaseVariables.ACCEPTANCE_OUTCOME, "NOT_ACCEPTED", CaseVariables.REASON, "申请人不具备申请资格"));

        assertThat(instance)
                .isEnded()
                .hasPassed(END_NOT_ACCEPTED)
                .variables()
                .containsEntry(CaseVariables.OUTCOME, "NOT_ACCEPTED");
    }

    @Test
    @DisplayName(
            "R33: 补正 before the clock runs (clock from acceptance) neither pauses nor resumes it; expiry withdraws")
    void acceptanceSupplementExpires() {
        ProcessInstance instance = start(plan("DISTRICT_DEPARTMENT", false, "ACCEPTANCE", "SERVICE_CENTRE", "NONE"));
        complete(task(instance), withVariables(CaseVariables.RECEIPT_OUTCOME, "RECEIVED"));
        complete(
                task(instance),
                withVariables(
                        CaseVariables.ACCEPTANCE_OUTCOME,
                        "SUPPLEMENT",
                        CaseVariables.MISSING_MATERIALS,
                        "分散安排残疾人就业补贴申请表"));

        execute(job(TIMER_ACCEPTANCE_SUPPLEMENT_EXPIRED));

        Assertions.assertThat(historyService()
                        .createHistoricVariableInstanceQuery()
                        .processInstanceId(instance.getId())
                        .variableName(CaseClock.CLOCK_PAUSED_AT)
                        .count())
                .isZero();
        assertThat(instance)
                .isEnded()
                .hasPassed(END_WITHDRAWN_AT_ACCEPTANCE)
                .variables()
                .containsEntry(CaseVariables.OUTCOME, "WITHDRAWN");
    }

    @Test
    @DisplayName("contract: Task_WindowReceipt and Task_Decision cannot be completed without their outcome")
    void contractTaskWithoutOutcomeIsRefused() {
        ProcessInstance instance = start(plan("WINDOW", false, "ACCEPTANCE", "ONLINE", "E_LICENCE"));

        assertThatThrownBy(() -> complete(task(instance))).isInstanceOf(FormFieldValidationException.class);
        assertThatThrownBy(() -> complete(task(instance), withVariables(CaseVariables.RECEIPT_OUTCOME, "SUPPLEMENT")))
                .isInstanceOf(FormFieldValidationException.class);
        assertThat(instance).isWaitingAt(TASK_WINDOW_RECEIPT);
        complete(task(instance), withVariables(CaseVariables.RECEIPT_OUTCOME, "RECEIVED"));
        complete(task(instance), withVariables(CaseVariables.REVIEW_OPINION, "材料齐全"));
        assertThatThrownBy(() -> complete(task(instance), withVariables(CaseVariables.DECISION, "NOT_APPROVED")))
                .isInstanceOf(FormFieldValidationException.class);
        assertThat(instance).isWaitingAt(TASK_DECISION);
    }

    // ------------------------------------------------------------------------------------------------ steps

    private ProcessInstance start(Map<String, Object> variables) {
        return beans.start(PROCESS_ID, "2026-ER-TEST", variables);
    }

    private void completeReviewAndDecide(ProcessInstance instance, String decision) {
        assertThat(instance).isWaitingAt(TASK_REVIEW);
        complete(task(instance), withVariables(CaseVariables.REVIEW_OPINION, "经审查，材料真实有效"));
        assertThat(instance).isWaitingAt(TASK_DECISION);
        assertThat(task(instance)).hasCandidateGroup("city-archives").hasDueDate(promised(instance));
        Assertions.assertThat(task(instance).getFollowUpDate()).isEqualTo(caseClockWarning(instance));
        complete(
                task(instance),
                decision.equals("APPROVED")
                        ? withVariables(CaseVariables.DECISION, decision)
                        : withVariables(CaseVariables.DECISION, decision, CaseVariables.REASON, "馆藏无该登记档案"));
    }

    /** A district-accepted case with paper materials whose hand-off to the city department fails for that reason. */
    private ProcessInstance paperHandOffFails(String reason) {
        ProcessInstance instance =
                start(plan("DISTRICT_DEPARTMENT", true, "ACCEPTANCE", "DISTRICT_DEPARTMENT", "PAPER_LICENCE"));
        complete(task(instance), withVariables(CaseVariables.RECEIPT_OUTCOME, "RECEIVED"));
        complete(task(instance), withVariables(CaseVariables.ACCEPTANCE_OUTCOME, "ACCEPTED"));
        nextHandOffFailure = reason;
        execute(job());
        return instance;
    }

    /** An approved case with a paper licence whose hand-off back to the hall fails for that reason. */
    private ProcessInstance resultHandOffFails(String reason) {
        ProcessInstance instance = start(plan("WINDOW", false, "ACCEPTANCE", "ONLINE", "PAPER_LICENCE"));
        complete(task(instance), withVariables(CaseVariables.RECEIPT_OUTCOME, "RECEIVED"));
        completeReviewAndDecide(instance, "APPROVED");
        nextHandOffFailure = reason;
        execute(job());
        return instance;
    }

    /** The failure was caught by the boundary and is a task with the reason for that group, not an incident. */
    private static void assertManualDispatch(
            ProcessInstance instance, String boundary, String taskId, String group, String name, String reason) {
        assertThat(instance)
                .hasPassed(boundary)
                .isWaitingAt(taskId)
                .variables()
                .containsEntry(CaseVariables.HAND_OFF_FAILURE, reason);
        Assertions.assertThat(runtimeService().createIncidentQuery().count())
                .as("someone's work, no incident")
                .isZero();
        assertThat(task(instance)).hasCandidateGroup(group).hasName(name);
        Assertions.assertThat(FullOnlineProcessTests.formOf(instance)).isEqualTo("ManualDispatchForm");
    }

    private static Object variable(ProcessInstance instance, String name) {
        return runtimeService().getVariable(instance.getId(), name);
    }

    private static Date promised(ProcessInstance instance) {
        return (Date) variable(instance, CaseVariables.PROMISED_DECISION_DATE);
    }

    private Date caseClockWarning(ProcessInstance instance) {
        return WorkdayCalendar.startOfDay(CALENDAR.addWorkdays(WorkdayCalendar.toLocalDate(promised(instance)), -3));
    }

    private void paperArrives(ProcessInstance instance) {
        runtimeService()
                .createMessageCorrelation(MESSAGE_PAPER_MATERIALS_ARRIVED)
                .processInstanceBusinessKey(instance.getBusinessKey())
                .setVariable(PAPER_RECEIVED_BY, "city-archives")
                .correlate();
    }

    private void supplement(ProcessInstance instance) {
        runtimeService()
                .createMessageCorrelation(MESSAGE_MATERIALS_SUPPLEMENTED)
                .processInstanceBusinessKey(instance.getBusinessKey())
                .correlate();
    }

    private void deliveredToHall(ProcessInstance instance, String trackingNumber) {
        assertThat(instance)
                .isWaitingAt(TASK_AWAIT_COURIER_DELIVERY)
                .variables()
                .containsEntry(CaseVariables.TRACKING_NUMBER, trackingNumber);
        courierDelivered(instance, trackingNumber);
    }

    private void courierDelivered(ProcessInstance instance, String trackingNumber) {
        runtimeService()
                .createMessageCorrelation(MESSAGE_COURIER_DELIVERED)
                .processInstanceBusinessKey(instance.getBusinessKey())
                .processInstanceVariableEquals(CaseVariables.TRACKING_NUMBER, trackingNumber)
                .correlate();
    }

    /** The start variables intake sets for an entrusted item received in 闵行, with the item's plan (R22). */
    private static Map<String, Object> plan(
            String acceptanceAt,
            boolean paperMaterials,
            String clockStartsAt,
            String voucherIssuedBy,
            String resultType) {
        Map<String, Object> variables = new HashMap<>();
        variables.put(CaseVariables.CASE_NUMBER, "2026-ER-TEST");
        variables.put(CaseVariables.ITEM_CODE, "2022-ER-002");
        variables.put(CaseVariables.ITEM_NAME, "婚姻登记档案查询");
        variables.put(CaseVariables.MODE, "ENTRUSTED_RECEIPT");
        variables.put(CaseVariables.DEPARTMENT, "archives");
        variables.put(CaseVariables.DEPARTMENT_NAME, "市档案局");
        variables.put(CaseVariables.DISTRICT, "minhang");
        variables.put(CaseVariables.CHANNEL, "WINDOW");
        variables.put(CaseVariables.APPLICANT_NAME, "张三");
        variables.put(CaseVariables.APPLICANT_ID_MASKED, "3101**********1234");
        variables.put(CaseVariables.APPLICANT_TYPE, "PERSON");
        variables.put(CaseVariables.DELIVERY_METHOD, "WINDOW_PICKUP");
        variables.put(CaseVariables.COMMITMENT, false);
        variables.put(CaseVariables.SITUATION, "查询本人婚姻登记档案");
        variables.put(CaseVariables.MATERIALS_RECEIVED, "婚姻登记档案查询申请表（本人签名）");
        variables.put(CasePlans.RESULT_TYPE, resultType);
        variables.put(CasePlans.PROMISED_DAYS, 5);
        variables.put(CasePlans.ON_THE_SPOT, false);
        variables.put(CasePlans.RECEIPT_IS_ACCEPTANCE, acceptanceAt.equals("WINDOW"));
        variables.put(CasePlans.ACCEPTANCE_AT, acceptanceAt);
        variables.put(CasePlans.PAPER_MATERIALS, paperMaterials);
        variables.put(CasePlans.CLOCK_STARTS_AT, clockStartsAt);
        variables.put(CasePlans.VOUCHER_ISSUED_BY, voucherIssuedBy);
        return variables;
    }
}
