package cn.govflow.process;

import static cn.govflow.process.CaseVariables.COURIER_PURPOSE;
import static cn.govflow.process.CaseVariables.COURIER_RECIPIENT;
import static cn.govflow.process.CaseVariables.RECEIVED_AT;
import static cn.govflow.process.FullOnlineElements.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.historyService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.job;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.taskQuery;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.doAnswer;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;

import cn.govflow.calendar.CaseClock;
import cn.govflow.calendar.WorkdayCalendar;
import cn.govflow.catalog.CasePlans;
import cn.govflow.support.ModelBeans;
import cn.govflow.support.ProcessTests;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Date;
import java.util.HashMap;
import java.util.Map;
import org.camunda.bpm.engine.delegate.BpmnError;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.history.HistoricTaskInstance;
import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.camunda.community.process_test_coverage.junit5.platform7.ProcessEngineCoverageExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Every path of the full-online model (全程网办), read like the diagram. */
@Deployment(
        resources = {
            "processes/full-online.bpmn",
            "forms/window-receipt-form.form",
            "forms/acceptance-form.form",
            "forms/review-form.form",
            "forms/decision-form.form",
            "forms/commitment-verification-form.form",
            "forms/delivery-reminder-form.form",
            "forms/manual-dispatch-form.form"
        })
class FullOnlineProcessTests {

    @RegisterExtension
    static ProcessEngineCoverageExtension engine = ProcessTests.engine();

    static final String CASE_NUMBER = "FO-20261123-0001";
    static final String DEPARTMENT_GROUP = "city-public-security";
    static final String WINDOW_GROUP = "window-yangpu";
    static final String LICENCE = "SH-LIC-0001";
    static final String TRACKING = "SF1000000001";
    static final LocalDate MONDAY_23_NOVEMBER = LocalDate.of(2026, 11, 23);
    /** Ten working days after Monday 23 November 2026 (promisedDays of the item below). */
    static final LocalDate TEN_WORKDAYS_LATER = LocalDate.of(2026, 12, 7);

    final JavaDelegate issueLicence = mock(JavaDelegate.class);
    final JavaDelegate handOffToCourier = mock(JavaDelegate.class);
    final JavaDelegate revokeLicence = mock(JavaDelegate.class);
    final Map<String, Object> delegateInputs = new HashMap<>();
    ModelBeans beans;

    @BeforeEach
    void registerBeans() throws Exception {
        ClockUtil.setCurrentTime(at(MONDAY_23_NOVEMBER));
        doAnswer(call -> {
                    call.<DelegateExecution>getArgument(0).setVariable(CaseVariables.LICENCE_IDENTIFIER, LICENCE);
                    return null;
                })
                .when(issueLicence)
                .execute(any());
        doAnswer(call -> {
                    DelegateExecution execution = call.getArgument(0);
                    delegateInputs.put(COURIER_PURPOSE, execution.getVariable(COURIER_PURPOSE));
                    delegateInputs.put(COURIER_RECIPIENT, execution.getVariable(COURIER_RECIPIENT));
                    execution.setVariable(CaseVariables.TRACKING_NUMBER, TRACKING);
                    return null;
                })
                .when(handOffToCourier)
                .execute(any());
        beans = ModelBeans.register();
        Mocks.register("issueLicenceDelegate", issueLicence);
        Mocks.register("handOffToCourierDelegate", handOffToCourier);
        doAnswer(call -> {
                    DelegateExecution execution = call.getArgument(0);
                    delegateInputs.put(REVOKE_REASON, execution.getVariable(REVOKE_REASON));
                    execution.setVariable(LICENCE_REVOKED, true);
                    return null;
                })
                .when(revokeLicence)
                .execute(any());
        Mocks.register("revokeLicenceDelegate", revokeLicence);
    }

    @AfterEach
    void reset() {
        Mocks.reset();
        ClockUtil.reset();
    }

    // ------------------------------------------------------------------------------------------- start

    @Test
    @DisplayName("R1/R9: an online case has its receipt recorded online and goes straight to the city department")
    void r1_onlineCaseGoesStraightToAcceptance() {
        ProcessInstance pi = start(aCase());

        assertThat(pi).hasPassed(EVENT_RECEIPT_RECORDED_ONLINE).isWaitingAt(TASK_ACCEPTANCE);
        assertThat(pi).hasNotPassed(TASK_WINDOW_RECEIPT);
        assertThat(task(pi)).hasCandidateGroup(DEPARTMENT_GROUP);
        assertThat(formOf(pi)).isEqualTo("AcceptanceForm");
        assertThat(pi).variables().containsKey(RECEIVED_AT);
        assertThat(pi.getBusinessKey()).isEqualTo(CASE_NUMBER);
    }

    @Test
    @DisplayName("R1/R28: a case started at the retained window channel is received by the window clerk first")
    void r1_windowCaseIsReceivedAtTheWindowFirst() {
        ProcessInstance pi = start(aCase().window());

        assertThat(pi).isWaitingAt(TASK_WINDOW_RECEIPT);
        assertThat(task(pi)).hasCandidateGroup(WINDOW_GROUP);
        assertThat(formOf(pi)).isEqualTo("WindowReceiptForm");

        assertThat(pi).variables().doesNotContainKey(RECEIVED_AT);
        complete(task(pi), withVariables(CaseVariables.RECEIPT_OUTCOME, "RECEIVED"));

        assertThat(pi).isWaitingAt(TASK_ACCEPTANCE);
        assertThat(pi).variables().containsKey(RECEIVED_AT);
        assertThat(task(pi)).hasCandidateGroup(DEPARTMENT_GROUP);
    }

    @Test
    @DisplayName("a window clerk who refuses the materials ends the case REFUSED with the reason")
    void refusedAtTheWindowEndsRefused() {
        ProcessInstance pi = start(aCase().window());

        complete(task(pi), withVariables(CaseVariables.RECEIPT_OUTCOME, "REFUSED", CaseVariables.REASON, "非本市户籍"));

        assertThat(pi).isEnded().hasPassed(END_REFUSED);
        assertThat(outcomeOf(pi)).isEqualTo("REFUSED");
        assertThat(historicVariable(pi, CaseVariables.PROMISED_DECISION_DATE)).isNull();
    }

    // ------------------------------------------------------------------------------------------- acceptance

    @Test
    @DisplayName("R33: acceptance starts the clock; review and decision are due on the promised decision date")
    void r33_acceptanceStartsTheClockAndDecisionTasksAreDue() {
        ProcessInstance pi = start(aCase());

        complete(task(pi), withVariables(CaseVariables.ACCEPTANCE_OUTCOME, "ACCEPTED"));

        Date promised = (Date) runtimeService().getVariable(pi.getId(), CaseVariables.PROMISED_DECISION_DATE);
        assertThat(promised).isEqualTo(WorkdayCalendar.endOfDay(TEN_WORKDAYS_LATER));
        assertThat(pi).isWaitingAt(TASK_REVIEW);
        assertThat(task(pi)).hasCandidateGroup(DEPARTMENT_GROUP).hasDueDate(promised);
        assertThat(task(pi).getFollowUpDate())
                .as("three working days before the deadline")
                .isEqualTo(WorkdayCalendar.startOfDay(LocalDate.of(2026, 12, 2)));
        assertThat(formOf(pi)).isEqualTo("ReviewForm");

        complete(task(pi), withVariables(CaseVariables.REVIEW_OPINION, "材料齐全，符合条件"));

        assertThat(pi).isWaitingAt(TASK_DECISION);
        assertThat(task(pi)).hasCandidateGroup(DEPARTMENT_GROUP).hasDueDate(promised);
        assertThat(formOf(pi)).isEqualTo("DecisionForm");
    }

    @Test
    @DisplayName("a case the department does not accept ends NOT_ACCEPTED with the reason")
    void notAcceptedEndsNotAccepted() {
        ProcessInstance pi = start(aCase());

        complete(
                task(pi),
                withVariables(CaseVariables.ACCEPTANCE_OUTCOME, "NOT_ACCEPTED", CaseVariables.REASON, "不属于本部门职权范围"));

        assertThat(pi).isEnded().hasPassed(END_NOT_ACCEPTED);
        assertThat(outcomeOf(pi)).isEqualTo("NOT_ACCEPTED");
        assertThat(historicVariable(pi, CaseVariables.REASON)).isEqualTo("不属于本部门职权范围");
        assertThat(historicVariable(pi, CaseVariables.PROMISED_DECISION_DATE)).isNull();
    }

    @Test
    @DisplayName("docs/processes.md: Task_Acceptance cannot be completed without acceptanceOutcome, and stays open")
    void acceptanceWithoutOutcomeIsRefused() {
        ProcessInstance pi = start(aCase());
        Task acceptance = task(pi);

        assertThatThrownBy(() -> complete(acceptance, withVariables(CaseVariables.REASON, "?")))
                .isInstanceOf(FormFieldValidationException.class);
        assertThatThrownBy(() -> complete(acceptance, withVariables(CaseVariables.ACCEPTANCE_OUTCOME, "MAYBE")))
                .isInstanceOf(FormFieldValidationException.class);
        assertThatThrownBy(() -> complete(acceptance, withVariables(CaseVariables.ACCEPTANCE_OUTCOME, "SUPPLEMENT")))
                .as("SUPPLEMENT needs missingMaterials")
                .isInstanceOf(FormFieldValidationException.class);

        assertThat(pi).isWaitingAt(TASK_ACCEPTANCE);
        assertThat(task(pi).getId()).isEqualTo(acceptance.getId());
    }

    @Test
    @DisplayName("docs/processes.md: Task_Decision cannot be NOT_APPROVED without a reason")
    void notApprovedWithoutReasonIsRefused() {
        ProcessInstance pi = startAndAccept(aCase());
        complete(task(pi), withVariables(CaseVariables.REVIEW_OPINION, "不符合条件"));

        assertThatThrownBy(() -> complete(task(pi), withVariables(CaseVariables.DECISION, "NOT_APPROVED")))
                .isInstanceOf(FormFieldValidationException.class);

        assertThat(pi).isWaitingAt(TASK_DECISION);
    }

    @Test
    @DisplayName("R24: where receipt is acceptance the clock starts at receipt and no department acceptance follows")
    void r24_receiptIsAcceptanceSkipsTheAcceptanceTask() {
        ProcessInstance pi =
                start(aCase().with(CasePlans.RECEIPT_IS_ACCEPTANCE, true).with(CasePlans.CLOCK_STARTS_AT, "RECEIPT"));

        assertThat(pi)
                .hasPassed(GATEWAY_RECEIPT_IS_ACCEPTANCE)
                .hasNotPassed(TASK_ACCEPTANCE)
                .isWaitingAt(TASK_REVIEW);
        assertThat(pi)
                .variables()
                .containsEntry(CaseVariables.PROMISED_DECISION_DATE, WorkdayCalendar.endOfDay(TEN_WORKDAYS_LATER));
    }

    @Test
    @DisplayName("R31: an on-the-spot item is decided by the system at once, without a reviewer (无人干预自动办理)")
    void r31_onTheSpotItemIsDecidedAutomatically() {
        ProcessInstance pi = start(aCase().resultType("NONE")
                .deliveryMethod("COURIER")
                .with(CasePlans.ON_THE_SPOT, true)
                .with(CasePlans.RECEIPT_IS_ACCEPTANCE, true)
                .with(CasePlans.CLOCK_STARTS_AT, "RECEIPT"));

        assertThat(pi)
                .isEnded()
                .hasPassed(TASK_DECIDE_ON_THE_SPOT, END_APPROVED)
                .hasNotPassed(TASK_ACCEPTANCE, TASK_REVIEW, TASK_DECISION);
        assertThat(outcomeOf(pi)).isEqualTo("APPROVED");
        assertThat(historicVariable(pi, CaseVariables.DECISION)).isEqualTo("APPROVED");
        assertThat(historicVariable(pi, CaseClock.OVERDUE)).isEqualTo(false);
        assertThat(historyService()
                        .createHistoricTaskInstanceQuery()
                        .processInstanceId(pi.getId())
                        .count())
                .isZero();
    }

    // ------------------------------------------------------------------------------------------- 补正

    @Test
    @DisplayName(
            "补正: missing materials are told at once, the clock pauses, and after the supplement the case returns to acceptance")
    void supplementThenSupplementedReturnsToAcceptance() {
        ProcessInstance pi = start(aCase());

        complete(
                task(pi),
                withVariables(
                        CaseVariables.ACCEPTANCE_OUTCOME,
                        "SUPPLEMENT",
                        CaseVariables.MISSING_MATERIALS,
                        "户口簿\n犬只免疫证明"));

        assertThat(pi).isWaitingAt(TASK_AWAIT_SUPPLEMENT);
        assertThat(pi)
                .variables()
                .containsEntry(CaseVariables.MISSING_MATERIALS, "户口簿\n犬只免疫证明")
                .doesNotContainKey(CaseVariables.PROMISED_DECISION_DATE);

        ClockUtil.setCurrentTime(at(MONDAY_23_NOVEMBER.plusDays(7)));
        runtimeService()
                .createMessageCorrelation(MESSAGE_MATERIALS_SUPPLEMENTED)
                .processInstanceBusinessKey(CASE_NUMBER)
                .correlate();

        assertThat(pi).isWaitingAt(TASK_ACCEPTANCE);
        assertThat(pi).variables().doesNotContainKey(CaseVariables.ACCEPTANCE_OUTCOME);

        complete(task(pi), withVariables(CaseVariables.ACCEPTANCE_OUTCOME, "ACCEPTED"));
        assertThat(pi).isWaitingAt(TASK_REVIEW);
        assertThat(pi)
                .variables()
                .as("the clock starts at acceptance, after the supplement: 10 working days from 30 Nov")
                .containsEntry(
                        CaseVariables.PROMISED_DECISION_DATE, WorkdayCalendar.endOfDay(LocalDate.of(2026, 12, 14)));
    }

    @Test
    @DisplayName(
            "R16/R33: where the clock runs from receipt, 补正 pauses it and the supplement moves the deadline by the working days it took")
    void r33_supplementPausesAClockRunningFromReceipt() {
        ProcessInstance pi = start(aCase().with(CasePlans.CLOCK_STARTS_AT, "RECEIPT"));
        assertThat(pi)
                .variables()
                .containsEntry(CaseVariables.PROMISED_DECISION_DATE, WorkdayCalendar.endOfDay(TEN_WORKDAYS_LATER));

        complete(
                task(pi),
                withVariables(CaseVariables.ACCEPTANCE_OUTCOME, "SUPPLEMENT", CaseVariables.MISSING_MATERIALS, "户口簿"));
        assertThat(pi).variables().containsKey(CaseClock.CLOCK_PAUSED_AT);

        ClockUtil.setCurrentTime(at(MONDAY_23_NOVEMBER.plusDays(7)));
        runtimeService()
                .createMessageCorrelation(MESSAGE_MATERIALS_SUPPLEMENTED)
                .processInstanceBusinessKey(CASE_NUMBER)
                .correlate();

        assertThat(pi).isWaitingAt(TASK_ACCEPTANCE);
        assertThat(pi)
                .variables()
                .doesNotContainKey(CaseClock.CLOCK_PAUSED_AT)
                .containsEntry(CaseClock.PAUSED_WORKDAYS, 5)
                .containsEntry(
                        CaseVariables.PROMISED_DECISION_DATE, WorkdayCalendar.endOfDay(LocalDate.of(2026, 12, 14)));
    }

    @Test
    @DisplayName("R28: a window supplement goes to the department's acceptance once supplied")
    void windowSupplementThenSupplementedGoesToAcceptance() {
        ProcessInstance pi = start(aCase().window());

        complete(
                task(pi),
                withVariables(CaseVariables.RECEIPT_OUTCOME, "SUPPLEMENT", CaseVariables.MISSING_MATERIALS, "户口簿"));
        assertThat(pi).isWaitingAt(TASK_AWAIT_SUPPLEMENT);

        runtimeService()
                .createMessageCorrelation(MESSAGE_MATERIALS_SUPPLEMENTED)
                .processInstanceBusinessKey(CASE_NUMBER)
                .correlate();

        assertThat(pi).isWaitingAt(TASK_ACCEPTANCE);
    }

    @Test
    @DisplayName("补正: without a supplement for 30 calendar days the case ends WITHDRAWN")
    void supplementThenWithdrawnByTimer() {
        ProcessInstance pi = start(aCase());
        Date askedAt = ClockUtil.getCurrentTime();
        complete(
                task(pi),
                withVariables(CaseVariables.ACCEPTANCE_OUTCOME, "SUPPLEMENT", CaseVariables.MISSING_MATERIALS, "户口簿"));

        Job timer = job(BOUNDARY_SUPPLEMENT_EXPIRED, pi);
        assertThat(Duration.between(askedAt.toInstant(), timer.getDuedate().toInstant())
                        .toDays())
                .isEqualTo(30);

        execute(timer);

        assertThat(pi).isEnded().hasPassed(END_WITHDRAWN);
        assertThat(outcomeOf(pi)).isEqualTo("WITHDRAWN");
    }

    @Test
    @DisplayName("补正: the wait is configurable per case (supplementWait)")
    void supplementWaitIsConfigurable() {
        ProcessInstance pi = start(aCase().with(SUPPLEMENT_WAIT, "P10D"));
        Date askedAt = ClockUtil.getCurrentTime();
        complete(
                task(pi),
                withVariables(CaseVariables.ACCEPTANCE_OUTCOME, "SUPPLEMENT", CaseVariables.MISSING_MATERIALS, "户口簿"));

        Job timer = job(BOUNDARY_SUPPLEMENT_EXPIRED, pi);
        assertThat(Duration.between(askedAt.toInstant(), timer.getDuedate().toInstant())
                        .toDays())
                .isEqualTo(10);
    }

    // ------------------------------------------------------------------------------------------- decision

    @Test
    @DisplayName("a case decided NOT_APPROVED ends NOT_APPROVED with the reason; the clock stops at the decision")
    void notApprovedEndsNotApproved() throws Exception {
        ProcessInstance pi = startAndAccept(aCase());
        complete(task(pi), withVariables(CaseVariables.REVIEW_OPINION, "不符合条件"));

        complete(task(pi), withVariables(CaseVariables.DECISION, "NOT_APPROVED", CaseVariables.REASON, "犬只未免疫"));

        assertThat(pi).isEnded().hasPassed(END_NOT_APPROVED).hasNotPassed(TASK_ISSUE_LICENCE);
        assertThat(outcomeOf(pi)).isEqualTo("NOT_APPROVED");
        assertThat(historicVariable(pi, CaseClock.OVERDUE)).isEqualTo(false);
        assertThat(historicVariable(pi, CaseClock.DECIDED_AT)).isNotNull();
        verify(issueLicence, never()).execute(any());
    }

    @Test
    @DisplayName(
            "R9/R26: approved with an e-licence — acceptance, review, decision (two approval levels), licence issued online")
    void approvedWithELicence() throws Exception {
        ProcessInstance pi = startAndAccept(aCase());
        complete(task(pi), withVariables(CaseVariables.REVIEW_OPINION, "符合条件"));
        complete(task(pi), withVariables(CaseVariables.DECISION, "APPROVED"));

        assertThat(pi).isWaitingAt(TASK_ISSUE_LICENCE);
        execute(job(pi));

        assertThat(pi).isEnded().hasPassed(TASK_ISSUE_LICENCE, END_APPROVED).hasNotPassed(SUBPROCESS_COURIER_DELIVERY);
        assertThat(outcomeOf(pi)).isEqualTo("APPROVED");
        assertThat(historicVariable(pi, CaseVariables.LICENCE_IDENTIFIER)).isEqualTo(LICENCE);
        verify(issueLicence, times(1)).execute(any());
        assertThat(historyService()
                        .createHistoricTaskInstanceQuery()
                        .processInstanceId(pi.getId())
                        .orderByHistoricActivityInstanceStartTime()
                        .asc()
                        .list())
                .extracting(HistoricTaskInstance::getTaskDefinitionKey)
                .containsExactly(TASK_ACCEPTANCE, TASK_REVIEW, TASK_DECISION);
        assertThat(historicVariable(pi, CaseClock.OVERDUE)).isEqualTo(false);
    }

    @Test
    @DisplayName("R33: when the promised date passes before the decision the case is marked overdue and goes on")
    void r33_overdueIsMarkedWithoutEndingTheCase() {
        ProcessInstance pi = startAndAccept(aCase());
        Date promised = (Date) runtimeService().getVariable(pi.getId(), CaseVariables.PROMISED_DECISION_DATE);

        Job deadline = job(BOUNDARY_DECISION_DEADLINE, pi);
        assertThat(deadline.getDuedate()).isEqualTo(promised);
        ClockUtil.setCurrentTime(deadline.getDuedate());
        execute(deadline);

        assertThat(pi).hasPassed(TASK_MARK_OVERDUE).isWaitingAt(TASK_REVIEW);
        assertThat(pi).variables().containsEntry(CaseClock.OVERDUE, true);

        ClockUtil.setCurrentTime(at(TEN_WORKDAYS_LATER.plusDays(1)));
        complete(task(pi), withVariables(CaseVariables.REVIEW_OPINION, "符合条件"));
        complete(task(pi), withVariables(CaseVariables.DECISION, "NOT_APPROVED", CaseVariables.REASON, "不符合条件"));
        assertThat(pi).isEnded();
        assertThat(historicVariable(pi, CaseClock.OVERDUE)).as("超期办结").isEqualTo(true);
    }

    @Test
    @DisplayName("an approved item without a result document ends APPROVED directly")
    void approvedWithoutResultEndsDirectly() {
        ProcessInstance pi = startAndAccept(aCase().resultType("NONE").deliveryMethod("COURIER"));
        complete(task(pi), withVariables(CaseVariables.REVIEW_OPINION, "符合条件"));
        complete(task(pi), withVariables(CaseVariables.DECISION, "APPROVED"));

        assertThat(pi).isEnded().hasPassed(END_APPROVED).hasNotPassed(TASK_ISSUE_LICENCE, SUBPROCESS_COURIER_DELIVERY);
        assertThat(outcomeOf(pi)).isEqualTo("APPROVED");
    }

    // ------------------------------------------------------------------------------------------- courier

    @Test
    @DisplayName("R10: a paper result goes to the applicant by courier and the case ends APPROVED when delivered")
    void approvedWithCourierAndDelivery() throws Exception {
        ProcessInstance pi = approve(aCase().resultType("PAPER_LICENCE").deliveryMethod("COURIER"));

        assertThat(pi).isWaitingAt(TASK_HAND_OFF_TO_COURIER);
        execute(job(pi));

        assertThat(pi).isWaitingAt(TASK_AWAIT_DELIVERY);
        assertThat(delegateInputs)
                .containsEntry(COURIER_PURPOSE, "RESULT")
                .containsEntry(COURIER_RECIPIENT, "APPLICANT");
        assertThat(pi).variables().containsEntry(CaseVariables.TRACKING_NUMBER, TRACKING);

        deliver();

        assertThat(pi).isEnded().hasPassed(TASK_AWAIT_DELIVERY, END_APPROVED).hasNotPassed(TASK_DELIVERY_REMINDER);
        assertThat(outcomeOf(pi)).isEqualTo("APPROVED");
        verify(handOffToCourier, times(1)).execute(any());
    }

    @Test
    @DisplayName(
            "R33: a delivery slower than 10 working days gives the department a reminder; delivery still ends the case")
    void r33_slowDeliveryRemindsTheDepartment() {
        ProcessInstance pi = approve(aCase().resultType("PAPER_LICENCE").deliveryMethod("COURIER"));
        execute(job(pi));

        Job reminder = job(BOUNDARY_DELIVERY_REMINDER, pi);
        assertThat(reminder.getDuedate())
                .as("10 working days after the hand-off")
                .isEqualTo(WorkdayCalendar.endOfDay(TEN_WORKDAYS_LATER));
        execute(reminder);

        assertThat(pi).isWaitingAt(TASK_AWAIT_DELIVERY, TASK_DELIVERY_REMINDER);
        Task reminderTask =
                taskQuery().taskDefinitionKey(TASK_DELIVERY_REMINDER).singleResult();
        assertThat(reminderTask).hasCandidateGroup(DEPARTMENT_GROUP);
        assertThat(formOf(pi)).isEqualTo("DeliveryReminderForm");
        assertThatThrownBy(() -> complete(reminderTask, Map.of())).isInstanceOf(FormFieldValidationException.class);

        complete(reminderTask, withVariables(REMINDER_NOTE, "已联系物流平台，明日派送"));
        assertThat(pi).isWaitingAt(TASK_AWAIT_DELIVERY);

        deliver();

        assertThat(pi).isEnded().hasPassed(END_APPROVED);
    }

    @Test
    @DisplayName("a delivery that arrives while the reminder is still open closes the reminder")
    void deliveryClosesAnOpenReminder() {
        ProcessInstance pi = approve(aCase().resultType("PAPER_LICENCE").deliveryMethod("COURIER"));
        execute(job(pi));
        execute(job(BOUNDARY_DELIVERY_REMINDER, pi));
        assertThat(pi).isWaitingAt(TASK_DELIVERY_REMINDER);

        deliver();

        assertThat(pi).isEnded();
        assertThat(outcomeOf(pi)).isEqualTo("APPROVED");
        assertThat(taskQuery().count()).isZero();
    }

    @Test
    @DisplayName(
            "R10: a failed hand-off (the courier refuses: no address) is 人工寄送 for the department; after the address is supplemented the retry books and the case ends APPROVED")
    void r10_refusedHandOffBecomesManualDispatchThenRetry() throws Exception {
        ProcessInstance pi = approve(aCase().resultType("PAPER_LICENCE").deliveryMethod("COURIER"));
        failOnceThenBook(handOffToCourier, "办件没有申请人的送达地址，无法寄送给申请人", TRACKING);

        execute(job(pi));

        assertThat(pi).hasPassed(BOUNDARY_HAND_OFF_FAILED).isWaitingAt(TASK_MANUAL_DISPATCH);
        assertThat(runtimeService().createIncidentQuery().count())
                .as("no incident: it is someone's work")
                .isZero();
        assertThat(task(pi)).hasCandidateGroup(DEPARTMENT_GROUP).hasName("人工寄送");
        assertThat(formOf(pi)).isEqualTo("ManualDispatchForm");
        assertThat(pi).variables().containsEntry(CaseVariables.HAND_OFF_FAILURE, "办件没有申请人的送达地址，无法寄送给申请人");
        assertThatThrownBy(() -> complete(task(pi), Map.of())).isInstanceOf(FormFieldValidationException.class);

        complete(task(pi), withVariables(CaseVariables.DISPATCH_OUTCOME, "RETRY"));

        assertThat(pi).isWaitingAt(TASK_HAND_OFF_TO_COURIER);
        execute(job(pi));
        assertThat(pi).isWaitingAt(TASK_AWAIT_DELIVERY);
        deliver();

        assertThat(pi).isEnded().hasPassed(END_APPROVED).hasNotPassed(END_HANDED_OVER_MANUALLY);
        assertThat(outcomeOf(pi)).isEqualTo("APPROVED");
        verify(handOffToCourier, times(2)).execute(any());
    }

    @Test
    @DisplayName(
            "R10: after a failed hand-off the department may deliver another way; HANDED_OVER needs a note and ends the case APPROVED")
    void r10_failedHandOffDeliveredAnotherWay() throws Exception {
        ProcessInstance pi = approve(aCase().resultType("PAPER_LICENCE").deliveryMethod("COURIER"));
        failOnceThenBook(handOffToCourier, "统一物流平台多次重试后仍未受理：连接被拒绝", TRACKING);
        execute(job(pi));
        assertThat(pi).isWaitingAt(TASK_MANUAL_DISPATCH);

        assertThatThrownBy(() -> complete(task(pi), withVariables(CaseVariables.DISPATCH_OUTCOME, "HANDED_OVER")))
                .as("HANDED_OVER needs dispatchNote")
                .isInstanceOf(FormFieldValidationException.class);
        complete(
                task(pi),
                withVariables(
                        CaseVariables.DISPATCH_OUTCOME,
                        "HANDED_OVER",
                        CaseVariables.DISPATCH_NOTE,
                        "已由部门以 EMS 挂号信寄出，11月25日签收"));

        assertThat(pi)
                .isEnded()
                .hasPassed(END_HANDED_OVER_MANUALLY, END_APPROVED)
                .hasNotPassed(TASK_AWAIT_DELIVERY);
        assertThat(outcomeOf(pi)).isEqualTo("APPROVED");
    }

    /** The hand-off fails as HandOffToCourierDelegate does (BPMN error with the reason), then books on a retry. */
    static void failOnceThenBook(JavaDelegate handOff, String reason, String trackingNumber) throws Exception {
        doAnswer(call -> {
                    DelegateExecution execution = call.getArgument(0);
                    execution.setVariable(CaseVariables.HAND_OFF_FAILURE, reason);
                    throw new BpmnError(CaseVariables.ERROR_HAND_OFF_FAILED, reason);
                })
                .doAnswer(call -> {
                    call.<DelegateExecution>getArgument(0).setVariable(CaseVariables.TRACKING_NUMBER, trackingNumber);
                    return null;
                })
                .when(handOff)
                .execute(any());
    }

    // ------------------------------------------------------------------------------------------- 告知承诺

    @Test
    @DisplayName(
            "R29: on a commitment the case is approved at acceptance, the licence issued, and a verification that passes ends APPROVED")
    void r29_commitmentVerifiedEndsApproved() throws Exception {
        ProcessInstance pi = start(aCase().commitment());
        complete(task(pi), withVariables(CaseVariables.ACCEPTANCE_OUTCOME, "ACCEPTED"));

        assertThat(pi).hasPassed(EVENT_APPROVED_ON_COMMITMENT).hasNotPassed(TASK_REVIEW, TASK_DECISION);
        assertThat(pi)
                .variables()
                .containsEntry(CaseVariables.DECISION, "APPROVED")
                .containsEntry(CaseClock.OVERDUE, false);
        execute(job(pi));
        verify(issueLicence).execute(any());

        assertThat(pi).isWaitingAt(TASK_COMMITMENT_VERIFICATION);
        Task verification = task(pi);
        assertThat(verification).hasCandidateGroup(DEPARTMENT_GROUP);
        assertThat(formOf(pi)).isEqualTo("CommitmentVerificationForm");
        assertThat(verification.getDueDate())
                .as("20 working days")
                .isEqualTo(WorkdayCalendar.endOfDay(LocalDate.of(2026, 12, 21)));

        complete(verification, withVariables(VERIFICATION_RESULT, "PASSED"));

        assertThat(pi).isEnded().hasPassed(END_COMMITMENT_VERIFIED);
        assertThat(outcomeOf(pi)).isEqualTo("APPROVED");
        verify(revokeLicence, never()).execute(any());
    }

    @Test
    @DisplayName(
            "R29: a false commitment revokes the approval and its licence; outcome stays APPROVED with approvalRevoked")
    void r29_falseCommitmentRevokesTheLicence() throws Exception {
        ProcessInstance pi = start(aCase().commitment());
        complete(task(pi), withVariables(CaseVariables.ACCEPTANCE_OUTCOME, "ACCEPTED"));
        execute(job(pi));

        assertThatThrownBy(() -> complete(task(pi), withVariables(VERIFICATION_RESULT, "FAILED")))
                .as("FAILED needs a reason")
                .isInstanceOf(FormFieldValidationException.class);
        complete(task(pi), withVariables(VERIFICATION_RESULT, "FAILED", CaseVariables.REASON, "承诺的犬只免疫证明不存在"));

        assertThat(pi).isWaitingAt(TASK_REVOKE_LICENCE);
        execute(job(pi));

        assertThat(pi).isEnded().hasPassed(END_APPROVAL_REVOKED);
        verify(revokeLicence).execute(any());
        assertThat(outcomeOf(pi)).isEqualTo("APPROVED");
        assertThat(historicVariable(pi, APPROVAL_REVOKED)).isEqualTo(true);
        assertThat(historicVariable(pi, LICENCE_REVOKED)).isEqualTo(true);
        assertThat(delegateInputs).as("the delegate's inputs").containsEntry(REVOKE_REASON, "承诺的犬只免疫证明不存在");
    }

    // ------------------------------------------------------------------------------------------- helpers

    ProcessInstance start(CaseBuilder builder) {
        return beans.start(PROCESS_ID, CASE_NUMBER, builder.variables);
    }

    ProcessInstance startAndAccept(CaseBuilder builder) {
        ProcessInstance pi = start(builder);
        complete(task(pi), withVariables(CaseVariables.ACCEPTANCE_OUTCOME, "ACCEPTED"));
        return pi;
    }

    ProcessInstance approve(CaseBuilder builder) {
        ProcessInstance pi = startAndAccept(builder);
        complete(task(pi), withVariables(CaseVariables.REVIEW_OPINION, "符合条件"));
        complete(task(pi), withVariables(CaseVariables.DECISION, "APPROVED"));
        return pi;
    }

    void deliver() {
        runtimeService()
                .createMessageCorrelation(MESSAGE_COURIER_DELIVERED)
                .processInstanceBusinessKey(CASE_NUMBER)
                .processInstanceVariableEquals(CaseVariables.TRACKING_NUMBER, TRACKING)
                .correlate();
    }

    /** The Camunda Form (camunda:formRef) of the instance's single open task. */
    static String formOf(ProcessInstance pi) {
        Task task =
                taskQuery().processInstanceId(pi.getId()).initializeFormKeys().singleResult();
        return task.getCamundaFormRef().getKey();
    }

    /** 09:00 in Shanghai on that day. */
    static Date at(LocalDate day) {
        return Date.from(day.atTime(9, 0).atZone(WorkdayCalendar.ZONE).toInstant());
    }

    static Object outcomeOf(ProcessInstance pi) {
        return historicVariable(pi, CaseVariables.OUTCOME);
    }

    static Object historicVariable(ProcessInstance pi, String name) {
        var variable = historyService()
                .createHistoricVariableInstanceQuery()
                .processInstanceId(pi.getId())
                .variableName(name)
                .singleResult();
        return variable == null ? null : variable.getValue();
    }

    static CaseBuilder aCase() {
        return new CaseBuilder();
    }

    /** The start variables intake sets (CaseVariables), for a 2022 full-online e-licence item by default. */
    static final class CaseBuilder {
        final Map<String, Object> variables = new HashMap<>();

        CaseBuilder() {
            variables.put(CaseVariables.CASE_NUMBER, CASE_NUMBER);
            variables.put(CaseVariables.ITEM_CODE, "2022-FO-004");
            variables.put(CaseVariables.ITEM_NAME, "核发《养犬登记证》(补证)");
            variables.put(CaseVariables.MODE, "FULL_ONLINE");
            variables.put(CaseVariables.DEPARTMENT, "public-security");
            variables.put(CaseVariables.DEPARTMENT_NAME, "市公安局");
            variables.put(CaseVariables.DISTRICT, "yangpu");
            variables.put(CaseVariables.CHANNEL, "ONLINE");
            variables.put(CaseVariables.APPLICANT_NAME, "张三");
            variables.put(CaseVariables.APPLICANT_ID_MASKED, "310110********1234");
            variables.put(CaseVariables.APPLICANT_TYPE, "PERSON");
            variables.put(CaseVariables.DELIVERY_METHOD, "E_LICENCE");
            variables.put(CaseVariables.COMMITMENT, false);
            variables.put(CaseVariables.SITUATION, "证件遗失");
            variables.put(CaseVariables.MATERIALS_RECEIVED, "申请表\n犬只照片");
            variables.put(CasePlans.RESULT_TYPE, "E_LICENCE");
            variables.put(CasePlans.PROMISED_DAYS, 10);
            variables.put(CasePlans.ON_THE_SPOT, false);
            variables.put(CasePlans.RECEIPT_IS_ACCEPTANCE, false);
            variables.put(CasePlans.CLOCK_STARTS_AT, "ACCEPTANCE");
            variables.put(CasePlans.VOUCHER_ISSUED_BY, "ONLINE");
        }

        CaseBuilder window() {
            return with(CaseVariables.CHANNEL, "WINDOW");
        }

        CaseBuilder commitment() {
            return with(CaseVariables.COMMITMENT, true);
        }

        CaseBuilder resultType(String resultType) {
            return with(CasePlans.RESULT_TYPE, resultType);
        }

        CaseBuilder deliveryMethod(String deliveryMethod) {
            return with(CaseVariables.DELIVERY_METHOD, deliveryMethod);
        }

        CaseBuilder with(String name, Object value) {
            variables.put(name, value);
            return this;
        }
    }
}
