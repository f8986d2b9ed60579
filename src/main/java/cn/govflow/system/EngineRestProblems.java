package cn.govflow.system;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.core.Response;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.exception.NullValueException;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.rest.exception.RestException;
import org.glassfish.jersey.spi.ExtendedExceptionMapper;
import org.springframework.boot.autoconfigure.jersey.ResourceConfigCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * Failures the engine REST API reports as 500 (or as a misleading 403) although nothing is broken, answered as
 * ProblemDetail instead: somebody else changed the same task or case first (409), or the task is not there (404).
 *
 * <p>Two clerks completing one task, often on two nodes, race; how the loser fails depends on when it reads: an
 * optimistic locking exception when both flush, or — when it read the task before the winner committed and the
 * rest after — an execution that has moved on, or a missing authorization (the task's authorizations went with
 * the task). So: an optimistic locking exception is always 409; any failed completion of a task that no longer
 * exists is 409; a task that is not there when the request arrives is 404. Everything else keeps Camunda's answer.
 *
 * <p>Camunda maps exceptions with its own JAX-RS mappers, and {@code POST /task/{id}/complete} wraps engine
 * exceptions in a {@code RestException}. These mappers take over only the cases above
 * ({@link ExtendedExceptionMapper#isMappable}) and win over Camunda's for the same exception types by a higher
 * JAX-RS priority. Registered on the {@code /engine-rest} application only; the webapps' own API is untouched.
 */
@Configuration(proxyBeanMethods = false)
class EngineRestProblems {

    /** Lower is preferred; Camunda's mappers have none, which Jersey counts as {@link Priorities#USER}. */
    static final int PRIORITY = Priorities.USER - 1000;

    private static final Pattern TASK_COMPLETION = Pattern.compile("/task/([^/]+)/(complete|submit-form)$");

    @Bean
    ResourceConfigCustomizer engineRestProblemMappers(ObjectMapper json, ProcessEngine engine) {
        ProcessEngineConfigurationImpl configuration =
                (ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration();
        // By id and without the caller's authorizations: whether the task exists, not whether the caller may see it.
        Predicate<String> taskExists = taskId -> configuration
                .getCommandExecutorTxRequired()
                .execute(context -> context.getTaskManager().findTaskById(taskId) != null);
        Problems problems = new Problems(taskExists);
        return config -> {
            config.register(new RestExceptionMapper(problems, json), PRIORITY);
            config.register(new EngineExceptionMapper(problems, json), PRIORITY);
        };
    }

    /** Decides the answer for a failure of a request. */
    static final class Problems {
        private final Predicate<String> taskExists;

        Problems(Predicate<String> taskExists) {
            this.taskExists = taskExists;
        }

        /** The answer for a failure, or empty when Camunda's own answer stands. */
        Optional<ProblemDetail> problemFor(Throwable failure, String requestPath) {
            for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
                if (cause instanceof OptimisticLockingException) {
                    return Optional.of(conflict());
                }
                if (cause instanceof NullValueException
                        && cause.getMessage() != null
                        && cause.getMessage().contains("Cannot find task")) {
                    ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, "任务不存在：已被办结或撤销");
                    problem.setProperty("field", "taskId");
                    problem.setProperty("rule", "task-exists");
                    return Optional.of(problem);
                }
            }
            Matcher completion = TASK_COMPLETION.matcher(requestPath == null ? "" : requestPath);
            if (completion.find() && !taskExists.test(completion.group(1))) {
                return Optional.of(conflict());
            }
            return Optional.empty();
        }

        private static ProblemDetail conflict() {
            ProblemDetail problem =
                    ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT, "同一任务或案件已被他人同时办理（并发冲突），本次操作未生效；请刷新后查看");
            problem.setProperty("rule", "concurrent-update");
            return problem;
        }

        Optional<ProblemDetail> problemForCurrentRequest(Throwable failure) {
            return problemFor(failure, currentRequestPath());
        }

        private static String currentRequestPath() {
            if (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes) {
                HttpServletRequest request = attributes.getRequest();
                return request.getRequestURI();
            }
            return null;
        }
    }

    static Response toResponse(ObjectMapper json, ProblemDetail problem) {
        try {
            return Response.status(problem.getStatus())
                    .type(MediaType.APPLICATION_PROBLEM_JSON_VALUE)
                    .entity(json.writeValueAsString(ProblemTitles.localize(problem)))
                    .build();
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** What resources such as {@code TaskResourceImpl.complete} throw: the engine exception as the cause. */
    static final class RestExceptionMapper implements ExtendedExceptionMapper<RestException> {
        private final Problems problems;
        private final ObjectMapper json;

        RestExceptionMapper(Problems problems, ObjectMapper json) {
            this.problems = problems;
            this.json = json;
        }

        @Override
        public boolean isMappable(RestException exception) {
            return problems.problemForCurrentRequest(exception).isPresent();
        }

        @Override
        public Response toResponse(RestException exception) {
            return EngineRestProblems.toResponse(
                    json, problems.problemForCurrentRequest(exception).orElseThrow());
        }
    }

    /** Engine exceptions that reach JAX-RS unwrapped (authorization failures, claim, variables, ...). */
    static final class EngineExceptionMapper implements ExtendedExceptionMapper<ProcessEngineException> {
        private final Problems problems;
        private final ObjectMapper json;

        EngineExceptionMapper(Problems problems, ObjectMapper json) {
            this.problems = problems;
            this.json = json;
        }

        @Override
        public boolean isMappable(ProcessEngineException exception) {
            return problems.problemForCurrentRequest(exception).isPresent();
        }

        @Override
        public Response toResponse(ProcessEngineException exception) {
            return EngineRestProblems.toResponse(
                    json, problems.problemForCurrentRequest(exception).orElseThrow());
        }
    }
}
