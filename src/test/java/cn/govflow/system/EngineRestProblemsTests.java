package cn.govflow.system;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.ws.rs.core.Response.Status;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.exception.NullValueException;
import org.camunda.bpm.engine.impl.pvm.PvmException;
import org.camunda.bpm.engine.rest.exception.RestException;
import org.junit.jupiter.api.Test;

class EngineRestProblemsTests {

    static final String COMPLETE = "/engine-rest/task/42/complete";

    final EngineRestProblems.Problems taskStillThere = new EngineRestProblems.Problems(taskId -> true);
    final EngineRestProblems.Problems taskGone = new EngineRestProblems.Problems(taskId -> !taskId.equals("42"));

    @Test
    void concurrentUpdateWrappedByTheCompleteResourceIsAConflict() {
        RestException wrapped = new RestException(
                Status.INTERNAL_SERVER_ERROR,
                new OptimisticLockingException("ENTITY was updated by another transaction concurrently"),
                "Cannot complete task 42");

        assertThat(taskStillThere.problemFor(wrapped, COMPLETE)).hasValueSatisfying(problem -> {
            assertThat(problem.getStatus()).isEqualTo(409);
            assertThat(problem.getDetail()).doesNotContain("ENTITY");
        });
    }

    @Test
    void failedCompletionOfATaskSomebodyElseCompletedMeanwhileIsAConflict() {
        RestException movedOn = new RestException(
                Status.INTERNAL_SERVER_ERROR,
                new PvmException("cannot signal execution 7: it has no current activity"),
                "Cannot complete task 42");
        AuthorizationException authorizationsGoneWithTheTask =
                new AuthorizationException("window-yangpu-2", "TASK_WORK", "Task", "42");

        assertThat(taskGone.problemFor(movedOn, COMPLETE))
                .map(problem -> problem.getStatus())
                .hasValue(409);
        assertThat(taskGone.problemFor(authorizationsGoneWithTheTask, COMPLETE))
                .map(problem -> problem.getStatus())
                .hasValue(409);
    }

    @Test
    void realAuthorizationFailuresKeepCamundasAnswer() {
        AuthorizationException forbidden = new AuthorizationException("window-pudong", "TASK_WORK", "Task", "42");

        assertThat(taskStillThere.problemFor(forbidden, COMPLETE)).isEmpty();
        assertThat(taskGone.problemFor(forbidden, "/engine-rest/task/42/claim")).isEmpty();
    }

    @Test
    void missingTaskIsNotFound() {
        RestException wrapped = new RestException(
                Status.INTERNAL_SERVER_ERROR,
                new NullValueException("Cannot find task with id 42: task is null"),
                "Cannot complete task 42");

        assertThat(taskGone.problemFor(wrapped, COMPLETE)).hasValueSatisfying(problem -> {
            assertThat(problem.getStatus()).isEqualTo(404);
            assertThat(problem.getProperties()).containsEntry("field", "taskId");
        });
    }

    @Test
    void otherEngineFailuresKeepCamundasAnswer() {
        assertThat(taskStillThere.problemFor(
                        new ProcessEngineException("Unknown property used in expression"), COMPLETE))
                .isEmpty();
        assertThat(taskStillThere.problemFor(
                        new NullValueException("Cannot find process definition"),
                        "/engine-rest/process-definition/key/X/start"))
                .isEmpty();
    }
}
