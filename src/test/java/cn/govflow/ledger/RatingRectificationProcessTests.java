package cn.govflow.ledger;

import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.job;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;

import cn.govflow.calendar.WorkdayCalendar;
import cn.govflow.calendar.Workdays;
import cn.govflow.support.ProcessTests;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.assertj.core.api.Assertions;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.camunda.community.process_test_coverage.junit5.platform7.ProcessEngineCoverageExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Every path of the 差评整改 model (R30): rectified in time, and rectified after the supervisor's reminder. */
@Deployment(
        resources = {
            "processes/rating-rectification.bpmn",
            "forms/rectification-form.form",
            "forms/rectification-supervision-form.form"
        })
class RatingRectificationProcessTests {

    @RegisterExtension
    static ProcessEngineCoverageExtension engine = ProcessTests.engine();

    static final WorkdayCalendar CALENDAR = WorkdayCalendar.fromClasspath();
    /** Monday 2024-03-04, a working day. */
    static final Date RATED_AT = WorkdayCalendar.startOfDay(LocalDate.of(2024, 3, 4));

    final List<String> recorded = new ArrayList<>();

    @BeforeEach
    void registerBeans() {
        ClockUtil.setCurrentTime(RATED_AT);
        Mocks.register("recordRectificationDelegate", (JavaDelegate) execution -> recorded.add(
                execution.getVariable("caseNumber") + ": " + execution.getVariable("rectificationMeasures")));
    }

    @AfterEach
    void reset() {
        Mocks.reset();
        ClockUtil.reset();
    }

    ProcessInstance badRating() {
        Map<String, Object> variables = new HashMap<>();
        variables.put("caseNumber", "SH-20240304-YP-000001");
        variables.put("itemName", "食品经营许可");
        variables.put("department", "market-regulation");
        variables.put("district", "yangpu");
        variables.put("score", 1);
        variables.put("ratingComment", "窗口让我跑了三次");
        variables.put("ratingChannel", "WINDOW");
        variables.put("rectificationGroup", "dept-yangpu-market-regulation");
        variables.put("rectificationDue", new Workdays(CALENDAR).after(RATED_AT, Ratings.RECTIFICATION_WORKDAYS));
        return runtimeService()
                .startProcessInstanceByKey(Ratings.RECTIFICATION_PROCESS, "SH-20240304-YP-000001", variables);
    }

    @Test
    @DisplayName(
            "R30: a bad rating goes to the department that handled the case, due in 15 working days; its measures are recorded")
    void r30_rectifiedInTime() {
        ProcessInstance instance = badRating();

        assertThat(instance).isWaitingAt("Task_Rectification");
        assertThat(task())
                .hasCandidateGroup("dept-yangpu-market-regulation")
                .hasDueDate(WorkdayCalendar.endOfDay(LocalDate.of(2024, 3, 25)));
        complete(task(), withVariables("rectificationMeasures", "窗口实行一次告知，材料清单上墙"));

        assertThat(instance)
                .hasPassedInOrder("Task_Rectification", "Task_RecordRectification", "EndEvent_Rectified")
                .isEnded();
        Assertions.assertThat(recorded).containsExactly("SH-20240304-YP-000001: 窗口实行一次告知，材料清单上墙");
    }

    @Test
    @DisplayName("R30: a rectification cannot be closed without its measures")
    void r30_measuresAreRequired() {
        ProcessInstance instance = badRating();

        assertThatThrownBy(() -> complete(task(instance), withVariables("rectificationMeasures", " ")))
                .isInstanceOf(FormFieldValidationException.class);
        assertThat(instance).isWaitingAt("Task_Rectification");
        Assertions.assertThat(recorded).isEmpty();
    }

    @Test
    @DisplayName("R30: 15 working days without rectification bring in the supervisor; the department still rectifies")
    void r30_overdueRectificationIsSupervised() {
        ProcessInstance instance = badRating();

        execute(job(instance));

        assertThat(instance).isWaitingAt("Task_Rectification", "Task_RectificationSupervision");
        org.camunda.bpm.engine.task.Task supervision = task("Task_RectificationSupervision", instance);
        assertThat(supervision).hasCandidateGroup("supervisor");
        complete(supervision, withVariables("supervisionNote", "已电话督办，部门承诺三日内完成"));
        assertThat(instance).hasPassed("EndEvent_Supervised").isWaitingAt("Task_Rectification");

        complete(task("Task_Rectification", instance), withVariables("rectificationMeasures", "已整改"));
        assertThat(instance).hasPassed("EndEvent_Rectified").isEnded();
        Assertions.assertThat(recorded).containsExactly("SH-20240304-YP-000001: 已整改");
    }
}
