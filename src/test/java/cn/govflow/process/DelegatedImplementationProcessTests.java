package cn.govflow.process;

import static cn.govflow.process.DelegatedImplementationElements.*;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.job;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.managementService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.doAnswer;
import static org.mockito.Mockito.inOrder;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;

import cn.govflow.calendar.CaseClock;
import cn.govflow.calendar.WorkdayCalendar;
import cn.govflow.calendar.Workdays;
import cn.govflow.catalog.CasePlans;
import cn.govflow.supervision.SpotCheckDraw;
import cn.govflow.support.ModelBeans;
import cn.govflow.support.ProcessTests;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.assertj.core.api.Assertions;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.camunda.community.process_test_coverage.junit5.platform7.ProcessEngineCoverageExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.mockito.InOrder;
import org.mockito.Mockito;

/** Every path of 下放基层实施 (R2, R4, R23–R27, R33), read like the diagram. */
@Deployment(
        resources = {
            RESOURCE,
            "forms/delegated-review-form.form",
            "forms/city-decision-form.form",
            "forms/special-procedure-form.form",
            "forms/spot-check-form.form",
            "forms/delegated-on-the-spot-decision-form.form",
            "forms/manual-dispatch-form.form"
        })
class DelegatedImplementationProcessTests {

    @RegisterExtension
    static ProcessEngineCoverageExtension engine = ProcessTests.engine();

    /** Monday 23 November 2026, 10:00 in Shanghai: every date below follows from it. */
    static final Date NOW = Date.from(
            ZonedDateTime.of(2026, 11, 23, 10, 0, 0, 0, WorkdayCalendar.ZONE).toInstant());

    static final WorkdayCalendar CALENDAR = WorkdayCalendar.fromClasspath();
    static final Workdays WORKDAYS = new Workdays(CALENDAR);
    /** 2022-DI-007 promises 5 working days from acceptance. */
    static final Date PROMISED = WORKDAYS.after(NOW, 5);

    static final Date WARNING =
            WorkdayCalendar.startOfDay(CALENDAR.addWorkdays(WorkdayCalendar.toLocalDate(PROMISED), -3));
    static final Date IN_10_WORKDAYS = WORKDAYS.after(NOW, 10);
    static final Date IN_15_WORKDAYS = WORKDAYS.after(NOW, 15);
    static final Date IN_20_WORKDAYS = WORKDAYS.after(NOW, 20);

    /** The calendar helper's real clock, spied on to see when the model starts, pauses, resumes and stops it. */
    CaseClock caseClock;

    ModelBeans beans;

    JavaDelegate issueLicence;
    JavaDelegate handOffToCourier;
    JavaDelegate reportToCitySupervision;
    JavaDelegate recordSpotCheck;
    JavaDelegate suspendDelegation;
    List<Boolean> drawsInLedger;
    Map<String, Object> courierInput;

    @BeforeEach
    void registerBeans() throws Exception {
        ClockUtil.setCurrentTime(NOW);
        beans = ModelBeans.register(Mockito::spy);
        caseClock = beans.caseClock;

        issueLicence = mock(JavaDelegate.class);
        doAnswer(call -> {
                    call.<DelegateExecution>getArgument(0).setVariable(CaseVariables.LICENCE_IDENTIFIER, "SH-LIC-1");
                    return null;
                })
                .when(issueLicence)
                .execute(any());
        courierInput = new HashMap<>();
        handOffToCourier = mock(JavaDelegate.class);
        doAnswer(call -> {
                    DelegateExecution execution = call.getArgument(0);
                    courierInput.put("courierPurpose", execution.getVariable("courierPurpose"));
                    courierInput.put("courierRecipient", execution.getVariable("courierRecipient"));
                    execution.setVariable(CaseVariables.TRACKING_NUMBER, "SF1001");
                    return null;
                })
                .when(handOffToCourier)
                .execute(any());
        reportToCitySupervision = mock(JavaDelegate.class);
        recordSpotCheck = mock(JavaDelegate.class);
        suspendDelegation = mock(JavaDelegate.class);
        drawsInLedger = new ArrayList<>();

        Mocks.register("issueLicenceDelegate", issueLicence);
        Mocks.register("handOffToCourierDelegate", handOffToCourier);
        Mocks.register("reportToCitySupervisionDelegate", reportToCitySupervision);
        Mocks.register("recordSpotCheckDelegate", recordSpotCheck);
        Mocks.register("suspendDelegationDelegate", suspendDelegation);
        spotCheckRate(0.0);
    }

    @AfterEach
    void reset() throws Exception {
        Mocks.reset();
    }

    void spotCheckRate(double rate) {
        Mocks.register(
                "spotCheckDraw",
                new SpotCheckDraw(rate, new Random(7), (caseNumber, drawn) -> drawsInLedger.add(drawn)));
    }

    // ------------------------------------------------------------------ receipt

    @Test
    @DisplayName("R2/R23: an in-scope case starts at the comprehensive window of its district (前台综合受理)")
    void r2_inScopeCaseStartsAtTheDistrictWindow() throws Exception {
        ProcessInstance instance = start(Map.of());

        assertThat(instance).isStarted().isWaitingAt(TASK_WINDOW_RECEIPT);
        assertThat(task(instance)).hasCandidateGroup("window-pudong").hasName("窗口收件（前台综合受理）");
        verify(caseClock, never()).start(any());
    }

    @Test
    @DisplayName("R6: 补正 at the window waits for the supplement (一次性告知), then the window receives again")
    void r6_supplementAtTheWindowThenReceivedAgain() throws Exception {
        ProcessInstance instance = start(Map.of());
        complete(
                task(instance),
                withVariables(
                        CaseVariables.RECEIPT_OUTCOME, "SUPPLEMENT", CaseVariables.MISSING_MATERIALS, "活动安全工作方案"));
        assertThat(instance).isWaitingAt(TASK_AWAIT_WINDOW_SUPPLEMENT);

        supplementMaterials(instance);

        assertThat(instance).isWaitingAt(TASK_WINDOW_RECEIPT);
        verify(caseClock, never()).pause(any());
    }

    @Test
    @DisplayName("R6: no supplement within the period at the window: the application is withdrawn")
    void r6_supplementNotDeliveredAtTheWindowIsWithdrawn() throws Exception {
        ProcessInstance instance = start(Map.of());
        complete(
                task(instance),
                withVariables(
                        CaseVariables.RECEIPT_OUTCOME, "SUPPLEMENT", CaseVariables.MISSING_MATERIALS, "活动安全工作方案"));

        execute(job());

        assertThat(instance)
                .isEnded()
                .hasPassed(END_WINDOW_WITHDRAWN)
                .variables()
                .containsEntry("outcome", "WITHDRAWN");
    }

    @Test
    @DisplayName(
            "R6: the supplement period is supplementWait (default P30D, 30 calendar days); a start variable overrides it")
    void r6_supplementPeriodIsConfigurable() throws Exception {
        ProcessInstance byDefault = start(Map.of());
        complete(
                task(byDefault),
                withVariables(
                        CaseVariables.RECEIPT_OUTCOME, "SUPPLEMENT", CaseVariables.MISSING_MATERIALS, "活动安全工作方案"));
        ProcessInstance shorter = start(Map.of("supplementWait", "P10D"));
        complete(
                task(shorter),
                withVariables(
                        CaseVariables.RECEIPT_OUTCOME, "SUPPLEMENT", CaseVariables.MISSING_MATERIALS, "活动安全工作方案"));

        long day = java.util.concurrent.TimeUnit.DAYS.toMillis(1);
        long now = org.camunda.bpm.engine.impl.util.ClockUtil.getCurrentTime().getTime();
        Assertions.assertThat(job(byDefault).getDuedate().getTime() - now).isBetween(30 * day - 60_000, 30 * day);
        Assertions.assertThat(job(shorter).getDuedate().getTime() - now).isBetween(10 * day - 60_000, 10 * day);
    }

    @Test
    @DisplayName("R6: the window refuses an application it cannot receive, with a reason")
    void r6_refusedAtTheWindow() throws Exception {
        ProcessInstance instance = start(Map.of());

        complete(
                task(instance),
                withVariables(CaseVariables.RECEIPT_OUTCOME, "REFUSED", CaseVariables.REASON, "不属于本中心受理范围"));

        assertThat(instance).isEnded().hasPassed(END_REFUSED).variables().containsEntry("outcome", "REFUSED");
    }

    @Test
    @DisplayName("R24 收件即受理: the window's receipt is the acceptance, the clock starts at receipt, no acceptance task")
    void r24_receiptIsAcceptance() throws Exception {
        ProcessInstance instance = start(Map.of(CasePlans.RECEIPT_IS_ACCEPTANCE, true));

        receive(instance);

        assertThat(instance)
                .isWaitingAt(TASK_REVIEW)
                .hasNotPassed(TASK_ACCEPTANCE)
                .variables()
                .containsEntry(CaseVariables.ACCEPTANCE_OUTCOME, "ACCEPTED");
        assertThat(task(instance)).hasDueDate(PROMISED);
        verify(caseClock, times(1)).start(any());
    }

    // ------------------------------------------------------------------ district acceptance, review, decision

    @Test
    @DisplayName("R23 后台分类审批: the district department accepts, reviews and approves; e-licence; reported to the city")
    void r23_districtAcceptsReviewsAndApproves() throws Exception {
        ProcessInstance instance = start(Map.of());
        receive(instance);
        verify(caseClock, never()).start(any());

        assertThat(task(instance)).hasDefinitionKey(TASK_ACCEPTANCE).hasCandidateGroup("dept-pudong-public-security");
        complete(task(instance), withVariables(CaseVariables.ACCEPTANCE_OUTCOME, "ACCEPTED"));
        verify(caseClock).start(any());
        assertThat(task(instance))
                .hasDefinitionKey(TASK_REVIEW)
                .hasCandidateGroup("dept-pudong-public-security")
                .hasDueDate(PROMISED);
        review(instance, false);
        assertThat(task(instance))
                .hasDefinitionKey(TASK_DECISION)
                .hasCandidateGroup("dept-pudong-public-security")
                .hasDueDate(PROMISED);
        org.assertj.core.api.Assertions.assertThat(task(instance).getFollowUpDate())
                .isEqualTo(WARNING);
        complete(task(instance), withVariables(CaseVariables.DECISION, "APPROVED"));

        assertThat(instance)
                .variables()
                .containsEntry(DECISION_LEVEL, "DISTRICT")
                .containsEntry("outcome", "APPROVED");
        verify(caseClock).stop(any());
        executeJobAt(TASK_ISSUE_LICENCE);
        executeJobAt(TASK_REPORT_TO_CITY_SUPERVISION);

        assertThat(instance)
                .isEnded()
                .hasPassed(TASK_ISSUE_LICENCE, TASK_REPORT_TO_CITY_SUPERVISION, END_APPROVED)
                .hasNotPassed(TASK_SPOT_CHECK)
                .variables()
                .containsEntry(CaseVariables.LICENCE_IDENTIFIER, "SH-LIC-1")
                .doesNotContainKey(SPOT_CHECK_DRAWN) // transient: the gateway read it, the supervision ledger keeps it
                .containsEntry("outcome", "APPROVED");
        verify(issueLicence).execute(any());
        verify(reportToCitySupervision).execute(any());
        org.assertj.core.api.Assertions.assertThat(drawsInLedger).containsExactly(false);
    }

    @Test
    @DisplayName("R33: the district department does not approve, with a reason; the clock stops")
    void r33_districtDoesNotApprove() throws Exception {
        ProcessInstance instance = start(Map.of());
        receive(instance);
        accept(instance);
        review(instance, false);

        complete(
                task(instance),
                withVariables(CaseVariables.DECISION, "NOT_APPROVED", CaseVariables.REASON, "安全工作方案不符合要求"));

        assertThat(instance).isEnded().hasPassed(END_NOT_APPROVED).variables().containsEntry("outcome", "NOT_APPROVED");
        verify(caseClock).stop(any());
        verify(reportToCitySupervision, never()).execute(any());
    }

    @Test
    @DisplayName("the district department does not accept the application, with a reason")
    void notAcceptedByTheDistrictDepartment() throws Exception {
        ProcessInstance instance = start(Map.of());
        receive(instance);

        complete(
                task(instance),
                withVariables(CaseVariables.ACCEPTANCE_OUTCOME, "NOT_ACCEPTED", CaseVariables.REASON, "不属于许可范围"));

        assertThat(instance).isEnded().hasPassed(END_NOT_ACCEPTED).variables().containsEntry("outcome", "NOT_ACCEPTED");
        verify(caseClock, never()).start(any());
    }

    @Test
    @DisplayName(
            "R16/R33: 补正 at acceptance pauses a clock that runs from receipt; the promised date moves by the days in 补正")
    void r33_supplementAtAcceptancePausesARunningClock() throws Exception {
        ProcessInstance instance = start(Map.of(CasePlans.CLOCK_STARTS_AT, "RECEIPT"));
        receive(instance);
        assertThat(instance).variables().containsEntry(CaseVariables.PROMISED_DECISION_DATE, PROMISED);

        complete(
                task(instance),
                withVariables(
                        CaseVariables.ACCEPTANCE_OUTCOME,
                        "SUPPLEMENT",
                        CaseVariables.MISSING_MATERIALS,
                        "场所管理者同意使用的证明"));
        assertThat(instance)
                .isWaitingAt(TASK_AWAIT_ACCEPTANCE_SUPPLEMENT)
                .variables()
                .containsKey(CaseClock.CLOCK_PAUSED_AT);
        ClockUtil.setCurrentTime(WORKDAYS.after(NOW, 3));
        supplementMaterials(instance);
        assertThat(instance)
                .isWaitingAt(TASK_ACCEPTANCE)
                .variables()
                .doesNotContainKey(CaseClock.CLOCK_PAUSED_AT)
                .containsEntry(CaseVariables.PROMISED_DECISION_DATE, WORKDAYS.after(NOW, 8));
        accept(instance);

        assertThat(instance).isWaitingAt(TASK_REVIEW);
        assertThat(task(instance)).hasDueDate(WORKDAYS.after(NOW, 8));
        verify(caseClock).pause(any());
        verify(caseClock).resume(any());
    }

    @Test
    @DisplayName("R16: 补正 at acceptance before the clock runs pauses nothing; no supplement in time withdraws the case")
    void r16_supplementAtAcceptanceNotDeliveredIsWithdrawn() throws Exception {
        ProcessInstance instance = start(Map.of());
        receive(instance);
        complete(
                task(instance),
                withVariables(
                        CaseVariables.ACCEPTANCE_OUTCOME,
                        "SUPPLEMENT",
                        CaseVariables.MISSING_MATERIALS,
                        "场所管理者同意使用的证明"));

        execute(job());

        assertThat(instance)
                .isEnded()
                .hasPassed(END_ACCEPTANCE_WITHDRAWN)
                .variables()
                .containsEntry("outcome", "WITHDRAWN")
                .doesNotContainKey(CaseVariables.PROMISED_DECISION_DATE)
                .doesNotContainKey("clockPaused");
    }

    // ------------------------------------------------------------------ 转报 to the city

    @Test
    @DisplayName(
            "R2 转报: the reviewer escalates, the city department approves, the district window hands the result out")
    void r2_escalatedAndApprovedByTheCity() throws Exception {
        ProcessInstance instance = start(Map.of(CaseVariables.DELIVERY_METHOD, "WINDOW_PICKUP"));
        receive(instance);
        accept(instance);
        review(instance, true);

        assertThat(task(instance))
                .hasDefinitionKey(TASK_CITY_DECISION)
                .hasCandidateGroup("city-public-security")
                .hasDueDate(PROMISED);
        complete(task(instance), withVariables(CaseVariables.DECISION, "APPROVED"));

        assertThat(task(instance))
                .hasDefinitionKey(TASK_DELIVERY)
                .hasCandidateGroup("window-pudong")
                .hasDueDate(IN_10_WORKDAYS);
        complete(task(instance), withVariables(CaseVariables.HANDED_OVER, true));
        assertThat(instance)
                .isEnded()
                .hasPassed(TASK_CITY_DECISION, TASK_DELIVERY, END_APPROVED)
                .hasNotPassed(TASK_DECISION, TASK_REPORT_TO_CITY_SUPERVISION)
                .variables()
                .containsEntry(DECISION_LEVEL, "CITY")
                .containsEntry("outcome", "APPROVED");
        verify(reportToCitySupervision, never()).execute(any());
    }

    @Test
    @DisplayName("R2 转报: the city department does not approve; the case ends NOT_APPROVED")
    void r2_escalatedAndNotApprovedByTheCity() throws Exception {
        ProcessInstance instance = start(Map.of());
        receive(instance);
        accept(instance);
        review(instance, true);

        complete(task(instance), withVariables(CaseVariables.DECISION, "NOT_APPROVED", CaseVariables.REASON, "活动风险过高"));

        assertThat(instance)
                .isEnded()
                .hasPassed(END_CITY_NOT_APPROVED)
                .variables()
                .containsEntry("outcome", "NOT_APPROVED");
        verify(caseClock).stop(any());
    }

    // ------------------------------------------------------------------ special procedure

    @Test
    @DisplayName(
            "R27: a special procedure has its own limit, pauses the promised clock, and sends the case back to review")
    void r27_specialProcedurePausesTheClock() throws Exception {
        ProcessInstance instance = start(Map.of());
        receive(instance);
        accept(instance);
        complete(
                task(instance),
                withVariables(
                        CaseVariables.REVIEW_OPINION,
                        "需要现场踏勘",
                        SPECIAL_PROCEDURE,
                        "SITE_INSPECTION",
                        SPECIAL_PROCEDURE_DAYS,
                        15));

        assertThat(task(instance))
                .hasDefinitionKey(TASK_SPECIAL_PROCEDURE)
                .hasCandidateGroup("dept-pudong-public-security")
                .hasDueDate(IN_15_WORKDAYS);
        verify(caseClock).pause(any());
        verify(caseClock, never()).resume(any());
        ClockUtil.setCurrentTime(WORKDAYS.after(NOW, 4));
        complete(task(instance), withVariables(SPECIAL_PROCEDURE_FINDINGS, "场地符合安全要求"));

        verify(caseClock).resume(any());
        assertThat(task(instance)).hasDueDate(WORKDAYS.after(NOW, 9));
        assertThat(instance)
                .isWaitingAt(TASK_REVIEW)
                .variables()
                .doesNotContainKey(SPECIAL_PROCEDURE)
                .containsEntry(SPECIAL_PROCEDURE_FINDINGS, "场地符合安全要求");
        review(instance, false);
        assertThat(instance).isWaitingAt(TASK_DECISION);
        InOrder clock = inOrder(caseClock);
        clock.verify(caseClock).start(any());
        clock.verify(caseClock).pause(any());
        clock.verify(caseClock).resume(any());
    }

    // ------------------------------------------------------------------ on the spot (R25)

    @Test
    @DisplayName(
            "R25 当场办结: the chief representative approves at the window; reported to the city like any district approval")
    void r25_decidedOnTheSpot() throws Exception {
        ProcessInstance instance = start(Map.of(CasePlans.ON_THE_SPOT, true));
        receive(instance);

        assertThat(task(instance)).hasDefinitionKey(TASK_ON_THE_SPOT_DECISION).hasCandidateGroup("chief-pudong");
        complete(task(instance), withVariables(ON_THE_SPOT_DECISION, "APPROVED"));
        executeJobAt(TASK_ISSUE_LICENCE);
        executeJobAt(TASK_REPORT_TO_CITY_SUPERVISION);

        assertThat(instance)
                .isEnded()
                .hasPassed(END_APPROVED)
                .hasNotPassed(TASK_ACCEPTANCE, TASK_REVIEW, TASK_DECISION)
                .variables()
                .containsEntry(ON_THE_SPOT_COMPLETED, true)
                .containsEntry(DECISION_LEVEL, "CHIEF_REPRESENTATIVE")
                .containsEntry(CaseVariables.ACCEPTANCE_OUTCOME, "ACCEPTED")
                .containsEntry("outcome", "APPROVED");
        verify(caseClock).start(any());
        verify(caseClock).stop(any());
        verify(reportToCitySupervision).execute(any());
    }

    @Test
    @DisplayName("R25: the chief representative may refuse on the spot, with a reason")
    void r25_notApprovedOnTheSpot() throws Exception {
        ProcessInstance instance = start(Map.of(CasePlans.ON_THE_SPOT, true));
        receive(instance);

        complete(task(instance), withVariables(ON_THE_SPOT_DECISION, "NOT_APPROVED", CaseVariables.REASON, "不符合条件"));

        assertThat(instance)
                .isEnded()
                .hasPassed(END_ON_THE_SPOT_NOT_APPROVED)
                .variables()
                .containsEntry("outcome", "NOT_APPROVED");
    }

    @Test
    @DisplayName(
            "R25: a case needing more than written review goes to the back office; the clock started at receipt runs on")
    void r25_sentToTheBackOffice() throws Exception {
        ProcessInstance instance = start(Map.of(CasePlans.ON_THE_SPOT, true));
        receive(instance);

        complete(task(instance), withVariables(ON_THE_SPOT_DECISION, "BACK_OFFICE"));
        assertThat(instance).isWaitingAt(TASK_ACCEPTANCE);
        ClockUtil.setCurrentTime(WORKDAYS.after(NOW, 1));
        accept(instance);

        assertThat(instance)
                .isWaitingAt(TASK_REVIEW)
                .variables()
                .containsEntry(CaseVariables.PROMISED_DECISION_DATE, PROMISED);
    }

    // ------------------------------------------------------------------ delivery

    @Test
    @DisplayName("R10/R2: a paper result goes by courier and the case waits for the delivery event")
    void r2_resultByCourier() throws Exception {
        ProcessInstance instance = start(Map.of(CaseVariables.DELIVERY_METHOD, "COURIER"));
        approveAtDistrict(instance);

        executeJobAt(TASK_HAND_OFF_TO_COURIER);
        executeJobAt(TASK_REPORT_TO_CITY_SUPERVISION);
        assertThat(instance).isWaitingAt(TASK_AWAIT_COURIER_DELIVERY);
        org.assertj.core.api.Assertions.assertThat(courierInput)
                .containsEntry("courierPurpose", "RESULT")
                .containsEntry("courierRecipient", "APPLICANT");
        runtimeService()
                .createMessageCorrelation(MESSAGE_COURIER_DELIVERED)
                .processInstanceBusinessKey(instance.getBusinessKey())
                .processInstanceVariableEquals(CaseVariables.TRACKING_NUMBER, "SF1001")
                .correlate();

        assertThat(instance).isEnded().hasPassed(TASK_AWAIT_COURIER_DELIVERY, END_APPROVED);
    }

    @Test
    @DisplayName(
            "R10/R23: a refused hand-off is 人工寄送 for the district window; RETRY hands off again and the courier delivers")
    void r23_refusedHandOffIsManualDispatchForTheWindowThenRetry() throws Exception {
        ProcessInstance instance = start(Map.of(CaseVariables.DELIVERY_METHOD, "COURIER"));
        approveAtDistrict(instance);
        FullOnlineProcessTests.failOnceThenBook(handOffToCourier, "统一物流平台拒绝受理寄件（HTTP 422）：地址不完整", "SF1001");

        executeJobAt(TASK_HAND_OFF_TO_COURIER);
        executeJobAt(TASK_REPORT_TO_CITY_SUPERVISION);

        assertThat(instance).isWaitingAt(TASK_MANUAL_DISPATCH);
        assertThat(task(instance)).hasCandidateGroup("window-pudong").hasName("人工寄送");
        assertThat(instance).variables().containsEntry(CaseVariables.HAND_OFF_FAILURE, "统一物流平台拒绝受理寄件（HTTP 422）：地址不完整");
        complete(task(instance), withVariables(CaseVariables.DISPATCH_OUTCOME, "RETRY"));
        executeJobAt(TASK_HAND_OFF_TO_COURIER);
        runtimeService()
                .createMessageCorrelation(MESSAGE_COURIER_DELIVERED)
                .processInstanceBusinessKey(instance.getBusinessKey())
                .processInstanceVariableEquals(CaseVariables.TRACKING_NUMBER, "SF1001")
                .correlate();

        assertThat(instance).isEnded().hasPassed(TASK_MANUAL_DISPATCH, TASK_AWAIT_COURIER_DELIVERY, END_APPROVED);
    }

    @Test
    @DisplayName(
            "R23: after a failed hand-off the window hands the result over in person (HANDED_OVER with a note); the case ends APPROVED")
    void r23_failedHandOffHandedOverAtTheWindow() throws Exception {
        ProcessInstance instance = start(Map.of(CaseVariables.DELIVERY_METHOD, "COURIER"));
        approveAtDistrict(instance);
        FullOnlineProcessTests.failOnceThenBook(handOffToCourier, "统一物流平台多次重试后仍未受理", "SF1001");
        executeJobAt(TASK_HAND_OFF_TO_COURIER);
        executeJobAt(TASK_REPORT_TO_CITY_SUPERVISION);

        complete(
                task(instance),
                withVariables(
                        CaseVariables.DISPATCH_OUTCOME, "HANDED_OVER", CaseVariables.DISPATCH_NOTE, "申请人到窗口领取，当场签收"));

        assertThat(instance).isEnded().hasPassed(END_APPROVED).hasNotPassed(TASK_AWAIT_COURIER_DELIVERY);
    }

    @Test
    @DisplayName("R23 综合窗口出件: a paper result is handed over at the district centre's window")
    void r23_resultHandedOutAtTheWindow() throws Exception {
        ProcessInstance instance = start(Map.of(CaseVariables.DELIVERY_METHOD, "WINDOW_PICKUP"));
        approveAtDistrict(instance);
        executeJobAt(TASK_REPORT_TO_CITY_SUPERVISION);

        assertThat(task(instance)).hasDefinitionKey(TASK_DELIVERY).hasCandidateGroup("window-pudong");
        assertThatThrownBy(() -> complete(task(instance), withVariables(CaseVariables.HANDED_OVER, false)))
                .isInstanceOf(FormFieldValidationException.class);
        complete(task(instance), withVariables(CaseVariables.HANDED_OVER, true));

        assertThat(instance).isEnded().hasPassed(TASK_DELIVERY, END_APPROVED);
    }

    // ------------------------------------------------------------------ supervision (R4)

    @Test
    @DisplayName(
            "R4 双随机: a district approval drawn for a spot check goes to the city department; PASSED changes nothing")
    void r4_spotCheckDrawnAndPassed() throws Exception {
        spotCheckRate(1.0);
        ProcessInstance instance = start(Map.of());
        approveAtDistrict(instance);
        executeJobAt(TASK_ISSUE_LICENCE);
        executeJobAt(TASK_REPORT_TO_CITY_SUPERVISION);

        assertThat(task(instance))
                .hasDefinitionKey(TASK_SPOT_CHECK)
                .hasCandidateGroup("city-public-security")
                .hasDueDate(IN_20_WORKDAYS);
        complete(task(instance), withVariables(SPOT_CHECK_RESULT, "PASSED"));
        executeJobAt(TASK_RECORD_SPOT_CHECK);

        assertThat(instance)
                .isEnded()
                .hasPassed(TASK_SPOT_CHECK, TASK_RECORD_SPOT_CHECK, END_APPROVED)
                .hasNotPassed(TASK_SUSPEND_DELEGATION);
        verify(recordSpotCheck).execute(any());
        verify(suspendDelegation, never()).execute(any());
        org.assertj.core.api.Assertions.assertThat(drawsInLedger).containsExactly(true);
    }

    @Test
    @DisplayName(
            "R4: a spot check finding a violation needs a reason and suspends the item's delegation to the district")
    void r4_spotCheckViolationSuspendsTheDelegation() throws Exception {
        spotCheckRate(1.0);
        ProcessInstance instance = start(Map.of());
        approveAtDistrict(instance);
        executeJobAt(TASK_ISSUE_LICENCE);
        executeJobAt(TASK_REPORT_TO_CITY_SUPERVISION);

        assertThatThrownBy(() -> complete(task(instance), withVariables(SPOT_CHECK_RESULT, "VIOLATION")))
                .isInstanceOf(FormFieldValidationException.class)
                .hasMessageContaining("reason");
        complete(task(instance), withVariables(SPOT_CHECK_RESULT, "VIOLATION", CaseVariables.REASON, "未核验场地安全条件即批准"));
        executeJobAt(TASK_RECORD_SPOT_CHECK);
        executeJobAt(TASK_SUSPEND_DELEGATION);

        assertThat(instance).isEnded().hasPassed(TASK_SUSPEND_DELEGATION, END_APPROVED);
        verify(suspendDelegation).execute(any());
    }

    // ------------------------------------------------------------------ outcome contract

    @Test
    @DisplayName("R33: Task_Decision cannot be completed without its outcome; the task stays open")
    void decisionNeedsItsOutcome() throws Exception {
        ProcessInstance instance = start(Map.of());
        receive(instance);
        accept(instance);
        review(instance, false);

        assertThatThrownBy(() -> complete(task(instance)))
                .isInstanceOf(FormFieldValidationException.class)
                .hasMessageContaining("decision");
        assertThatThrownBy(() -> complete(task(instance), withVariables(CaseVariables.DECISION, "NOT_APPROVED")))
                .isInstanceOf(FormFieldValidationException.class)
                .hasMessageContaining("reason");
        assertThat(instance).isWaitingAt(TASK_DECISION);
    }

    @Test
    @DisplayName("R25: the chief representative's decision needs one of its three answers")
    void onTheSpotDecisionNeedsItsOutcome() throws Exception {
        ProcessInstance instance = start(Map.of(CasePlans.ON_THE_SPOT, true));
        receive(instance);

        assertThatThrownBy(() -> complete(task(instance), withVariables(ON_THE_SPOT_DECISION, "MAYBE")))
                .isInstanceOf(FormFieldValidationException.class)
                .hasMessageContaining("BACK_OFFICE");
        assertThat(instance).isWaitingAt(TASK_ON_THE_SPOT_DECISION);
    }

    // ------------------------------------------------------------------ steps

    ProcessInstance start(Map<String, Object> overrides) {
        Map<String, Object> variables = new HashMap<>();
        variables.put(CaseVariables.CASE_NUMBER, "DI-20261123-0001");
        variables.put(CaseVariables.ITEM_CODE, "2022-DI-007");
        variables.put(CaseVariables.ITEM_NAME, "核发《大型群众性活动安全管理许可证》");
        variables.put(CaseVariables.MODE, "DELEGATED");
        variables.put(CaseVariables.DEPARTMENT, "public-security");
        variables.put(CaseVariables.DEPARTMENT_NAME, "浦东新区公安分局");
        variables.put(CaseVariables.DISTRICT, "pudong");
        variables.put(CaseVariables.CHANNEL, "WINDOW");
        variables.put(CaseVariables.APPLICANT_NAME, "上海某会展有限公司");
        variables.put(CaseVariables.APPLICANT_ID_MASKED, "9131************1X");
        variables.put(CaseVariables.APPLICANT_TYPE, "ENTERPRISE");
        variables.put(CaseVariables.DELIVERY_METHOD, "E_LICENCE");
        variables.put(CaseVariables.COMMITMENT, false);
        variables.put(CaseVariables.SITUATION, "一般情形");
        variables.put(CaseVariables.MATERIALS_RECEIVED, "大型群众性活动安全许可申请表\n活动安全工作方案");
        variables.put(CasePlans.RESULT_TYPE, "E_LICENCE");
        variables.put(CasePlans.PROMISED_DAYS, 5);
        variables.put(CasePlans.ON_THE_SPOT, false);
        variables.put(CasePlans.RECEIPT_IS_ACCEPTANCE, false);
        variables.put(CasePlans.ACCEPTANCE_AT, "DISTRICT_DEPARTMENT");
        variables.put(CasePlans.PAPER_MATERIALS, false);
        variables.put(CasePlans.CLOCK_STARTS_AT, "ACCEPTANCE");
        variables.put(CasePlans.VOUCHER_ISSUED_BY, "SERVICE_CENTRE");
        variables.putAll(overrides);
        return beans.start(PROCESS_ID, "DI-20261123-0001", variables);
    }

    void receive(ProcessInstance instance) {
        assertThat(instance).isWaitingAt(TASK_WINDOW_RECEIPT);
        complete(task(instance), withVariables(CaseVariables.RECEIPT_OUTCOME, "RECEIVED"));
    }

    void accept(ProcessInstance instance) {
        assertThat(instance).isWaitingAt(TASK_ACCEPTANCE);
        complete(task(instance), withVariables(CaseVariables.ACCEPTANCE_OUTCOME, "ACCEPTED"));
    }

    void review(ProcessInstance instance, boolean escalate) {
        assertThat(instance).isWaitingAt(TASK_REVIEW);
        complete(
                task(instance),
                withVariables(CaseVariables.REVIEW_OPINION, "材料齐全，符合条件", CaseVariables.ESCALATE, escalate));
    }

    void approveAtDistrict(ProcessInstance instance) {
        receive(instance);
        accept(instance);
        review(instance, false);
        complete(task(instance), withVariables(CaseVariables.DECISION, "APPROVED"));
    }

    void supplementMaterials(ProcessInstance instance) {
        runtimeService()
                .createMessageCorrelation(MESSAGE_MATERIALS_SUPPLEMENTED)
                .processInstanceBusinessKey(instance.getBusinessKey())
                .correlate();
    }

    /** The approval runs delivery and supervision in parallel: execute the job of one activity. */
    void executeJobAt(String activityId) {
        Job job = managementService().createJobQuery().activityId(activityId).singleResult();
        org.assertj.core.api.Assertions.assertThat(job)
                .as("job at " + activityId)
                .isNotNull();
        execute(job);
    }
}
