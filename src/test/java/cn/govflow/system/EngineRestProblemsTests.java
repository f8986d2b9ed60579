package cn.govflow.system;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.ws.rs.core.Response.Status;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.exception.NullValueException;
import org.camunda.bpm.engine.impl.pvm.PvmException;
import org.camunda.bpm.engine.rest.exception.RestException;
import org.junit.jupiter.api.Test;

class EngineRestProblemsTests {

    @Test
    void concurrentUpdateWrappedByTheCompleteResourceIsAConflict() {
        RestException wrapped = new RestException(Status.INTERNAL_SERVER_ERROR,
                new OptimisticLockingException("ENTITY was updated by another transaction concurrently"),
                "Cannot complete task 42");

        assertThat(EngineRestProblems.problemFor(wrapped)).hasValueSatisfying(problem -> {
            assertThat(problem.getStatus()).isEqualTo(409);
            assertThat(problem.getDetail()).doesNotContain("ENTITY");
        });
    }

    @Test
    void executionThatMovedOnMeanwhileIsAConflict() {
        RestException wrapped = new RestException(Status.INTERNAL_SERVER_ERROR,
                new PvmException("cannot signal execution 7: it has no current activity"), "Cannot complete task 42");

        assertThat(EngineRestProblems.problemFor(wrapped)).map(problem -> problem.getStatus()).hasValue(409);
    }

    @Test
    void missingTaskIsNotFound() {
        RestException wrapped = new RestException(Status.INTERNAL_SERVER_ERROR,
                new NullValueException("Cannot find task with id 42: task is null"), "Cannot complete task 42");

        assertThat(EngineRestProblems.problemFor(wrapped)).hasValueSatisfying(problem -> {
            assertThat(problem.getStatus()).isEqualTo(404);
            assertThat(problem.getProperties()).containsEntry("field", "taskId");
        });
    }

    @Test
    void otherEngineFailuresKeepCamundasAnswer() {
        assertThat(EngineRestProblems.problemFor(new ProcessEngineException("Unknown property used in expression")))
                .isEmpty();
        assertThat(EngineRestProblems.problemFor(new NullValueException("Cannot find process definition")))
                .isEmpty();
    }
}
