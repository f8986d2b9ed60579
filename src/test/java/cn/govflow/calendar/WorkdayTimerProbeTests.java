package cn.govflow.calendar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.job;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;

import cn.govflow.catalog.CasePlans;
import cn.govflow.support.ModelBeans;
import cn.govflow.support.ProcessTests;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Date;
import java.util.Map;
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

/** The engine plugin and the clock in a running process: timers and task dates in working days. */
@Deployment(resources = "calendar/workday-timer-probe.bpmn")
class WorkdayTimerProbeTests {

    ModelBeans beans;

    private static final String REMINDER = "BoundaryEvent_Reminder";
    private static final String DEADLINE = "BoundaryEvent_Deadline";

    @RegisterExtension
    static ProcessEngineCoverageExtension engine = ProcessTests.engine();

    @BeforeEach
    void beans() {
        beans = ModelBeans.register();
    }

    @AfterEach
    void reset() {
        Mocks.reset();
        ClockUtil.reset();
    }

    @Test
    @DisplayName("R33: accepted 2026-02-10, the timer '15 工作日' fires on 2026-03-09 and the deadline on 2026-03-16")
    void r33_timersInWorkdaysFireOnTheOfficialDates() {
        now(2026, 2, 10, 10, 0);
        ProcessInstance instance = start();

        assertThat(instance).isWaitingAt("Task_Decision");
        // 15 working days: Feb 11–14 (Sat 14 调休), Feb 24–28 (Sat 28 调休), Mar 2–6, Mar 9.
        assertThat(timer(instance, REMINDER).getDuedate())
                .isEqualTo(WorkdayCalendar.endOfDay(LocalDate.of(2026, 3, 9)));
        assertThat(timer(instance, DEADLINE).getDuedate())
                .isEqualTo(WorkdayCalendar.endOfDay(LocalDate.of(2026, 3, 16)));
        Task decision = task(instance);
        assertThat(decision.getDueDate()).isEqualTo(WorkdayCalendar.endOfDay(LocalDate.of(2026, 3, 16)));
        assertThat(decision.getFollowUpDate()).isEqualTo(WorkdayCalendar.startOfDay(LocalDate.of(2026, 3, 11)));

        now(2026, 3, 10, 0, 0);
        execute(timer(instance, REMINDER));
        assertThat(instance).hasPassed("EndEvent_Reminded").isWaitingAt("Task_Decision");

        now(2026, 3, 17, 0, 0);
        execute(timer(instance, DEADLINE));
        assertThat(instance)
                .hasPassed("EndEvent_MarkedOverdue")
                .isWaitingAt("Task_Decision")
                .variables()
                .containsEntry("overdue", true);

        complete(task(instance), withVariables("decision", "APPROVED"));
        assertThat(instance)
                .isEnded()
                .hasPassed("EndEvent_Decided")
                .variables()
                .containsEntry("overdue", true)
                .doesNotContainKey("onTime");
    }

    @Test
    @DisplayName("R33: decided on the promised day, the case ends on time (按期办结)")
    void r33_decidedOnTheDeadlineIsOnTime() {
        now(2026, 2, 10, 10, 0);
        ProcessInstance instance = start();

        now(2026, 3, 16, 17, 0);
        complete(task(instance), withVariables("decision", "APPROVED"));

        assertThat(instance)
                .isEnded()
                .hasNotPassed("EndEvent_MarkedOverdue")
                .variables()
                .containsEntry("overdue", false)
                .doesNotContainKey("onTime");
        assertThat(runtimeService()
                        .createProcessInstanceQuery()
                        .processInstanceId(instance.getId())
                        .count())
                .isZero();
    }

    private ProcessInstance start() {
        return beans.start(
                "WorkdayTimerProbe",
                "YW-2026-000001",
                Map.of(
                        "caseNumber",
                        "YW-2026-000001",
                        CasePlans.RESULT_TYPE,
                        "E_LICENCE",
                        CasePlans.PROMISED_DAYS,
                        20,
                        CasePlans.CLOCK_STARTS_AT,
                        "ACCEPTANCE"));
    }

    private static Job timer(ProcessInstance instance, String activityId) {
        return job(activityId, instance);
    }

    private static void now(int year, int month, int day, int hour, int minute) {
        ClockUtil.setCurrentTime(Date.from(LocalDateTime.of(year, month, day, hour, minute)
                .atZone(WorkdayCalendar.ZONE)
                .toInstant()));
    }
}
