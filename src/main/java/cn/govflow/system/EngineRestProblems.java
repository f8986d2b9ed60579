package cn.govflow.system;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.core.Response;
import java.util.Optional;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.exception.NullValueException;
import org.camunda.bpm.engine.impl.pvm.PvmException;
import org.camunda.bpm.engine.rest.exception.RestException;
import org.glassfish.jersey.spi.ExtendedExceptionMapper;
import org.springframework.boot.autoconfigure.jersey.ResourceConfigCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;

/**
 * Two failures the engine REST API reports as 500 although nothing is broken, answered as ProblemDetail instead:
 * a concurrent update (another clerk, often on another node, changed the same task or case first: 409) and a
 * task that no longer exists (completed or deleted meanwhile: 404). Two requests completing one task race in
 * one of three ways, depending on when the loser reads: an optimistic locking failure at its flush, an execution
 * that has already moved on, or no task at all; the first two are 409, the last 404.
 *
 * <p>Camunda maps exceptions with its own JAX-RS mappers, and {@code POST /task/{id}/complete} wraps every engine
 * exception in a {@code RestException} with status 500. These mappers take over only the two cases above
 * ({@link ExtendedExceptionMapper#isMappable}) and win over Camunda's mappers for the same exception types by a
 * higher JAX-RS priority; every other error keeps Camunda's answer. Registered on the {@code /engine-rest}
 * application only; the webapps' own REST API is untouched.
 */
@Configuration(proxyBeanMethods = false)
class EngineRestProblems {

    /** Lower is preferred; Camunda's mappers have none, which Jersey counts as {@link Priorities#USER}. */
    static final int PRIORITY = Priorities.USER - 1000;

    @Bean
    ResourceConfigCustomizer engineRestProblemMappers(ObjectMapper json) {
        return config -> {
            config.register(new RestExceptionMapper(json), PRIORITY);
            config.register(new EngineExceptionMapper(json), PRIORITY);
        };
    }

    /** The answer for a failure, or empty when Camunda's own answer stands. */
    static Optional<ProblemDetail> problemFor(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof OptimisticLockingException || isStaleExecution(cause)) {
                ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT,
                        "同一案件或任务已被他人同时修改（并发冲突），本次操作未生效；请刷新后重试");
                problem.setProperty("rule", "concurrent-update");
                return Optional.of(problem);
            }
            if (cause instanceof NullValueException && cause.getMessage() != null
                    && cause.getMessage().contains("Cannot find task")) {
                ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND,
                        "任务不存在：已被办结或撤销");
                problem.setProperty("field", "taskId");
                problem.setProperty("rule", "task-exists");
                return Optional.of(problem);
            }
        }
        return Optional.empty();
    }

    /**
     * The other face of the same race: the second request read the task before the first committed and its
     * execution after, so the execution has already left the task ("cannot signal execution ...: it has no
     * current activity"). Had it gone on, its flush would have failed with an optimistic locking exception.
     */
    private static boolean isStaleExecution(Throwable cause) {
        return cause instanceof PvmException && cause.getMessage() != null
                && cause.getMessage().contains("has no current activity");
    }

    static Response toResponse(ObjectMapper json, Throwable failure) {
        ProblemDetail problem = problemFor(failure).orElseThrow();
        try {
            return Response.status(problem.getStatus())
                    .type(MediaType.APPLICATION_PROBLEM_JSON_VALUE)
                    .entity(json.writeValueAsString(problem))
                    .build();
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** What resources such as {@code TaskResourceImpl.complete} throw: the engine exception as the cause. */
    static final class RestExceptionMapper implements ExtendedExceptionMapper<RestException> {
        private final ObjectMapper json;

        RestExceptionMapper(ObjectMapper json) {
            this.json = json;
        }

        @Override
        public boolean isMappable(RestException exception) {
            return problemFor(exception).isPresent();
        }

        @Override
        public Response toResponse(RestException exception) {
            return EngineRestProblems.toResponse(json, exception);
        }
    }

    /** Engine exceptions that reach JAX-RS unwrapped (claim, variables, messages, ...). */
    static final class EngineExceptionMapper implements ExtendedExceptionMapper<ProcessEngineException> {
        private final ObjectMapper json;

        EngineExceptionMapper(ObjectMapper json) {
            this.json = json;
        }

        @Override
        public boolean isMappable(ProcessEngineException exception) {
            return problemFor(exception).isPresent();
        }

        @Override
        public Response toResponse(ProcessEngineException exception) {
            return EngineRestProblems.toResponse(json, exception);
        }
    }
}
