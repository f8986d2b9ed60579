package cn.govflow.system;

import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.ElementKind;
import jakarta.validation.Path;
import java.net.URI;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.MismatchingMessageCorrelationException;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.MessageSourceResolvable;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.validation.FieldError;
import org.springframework.validation.ObjectError;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.MissingRequestHeaderException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * Every caller mistake in the govflow API as an RFC 7807 ProblemDetail naming the {@code field} and the
 * {@code rule}: Bean Validation ({@code rule} = the constraint, or its {@code rule} attribute when it has one),
 * unreadable JSON, wrong parameter types, {@link ApiException}s thrown by the features, and the engine's
 * caller-caused exceptions (a message nobody waits for → 409). Unexpected failures become a 500 without a stack
 * trace. Runs last: a feature's own {@code @RestControllerAdvice} with a higher precedence
 * ({@code @Order(Ordered.HIGHEST_PRECEDENCE)}) gets the first pick — but throwing {@link ApiException} is simpler.
 */
@RestControllerAdvice
@Order(Ordered.LOWEST_PRECEDENCE)
class ApiExceptionHandler extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ApiExceptionHandler.class);

    @ExceptionHandler(ApiException.class)
    ResponseEntity<ProblemDetail> apiException(ApiException e, HttpServletRequest request) {
        ProblemDetail problem = problem(e.status(), e.detail(), e.field(), e.rule(), request);
        e.properties().forEach(problem::setProperty);
        return ResponseEntity.status(e.status()).body(problem);
    }

    @ExceptionHandler(ConstraintViolationException.class)
    ResponseEntity<ProblemDetail> constraintViolation(ConstraintViolationException e, HttpServletRequest request) {
        List<Map<String, String>> errors = new ArrayList<>();
        for (ConstraintViolation<?> violation : e.getConstraintViolations()) {
            errors.add(error(field(violation), ruleOf(violation), violation.getMessage()));
        }
        return badRequest(errors, request);
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ResponseEntity<ProblemDetail> typeMismatch(MethodArgumentTypeMismatchException e, HttpServletRequest request) {
        String allowed = e.getRequiredType() != null && e.getRequiredType().isEnum()
                ? "，可选值：" + Arrays.toString(e.getRequiredType().getEnumConstants())
                : "";
        ProblemDetail problem = problem(
                HttpStatus.BAD_REQUEST,
                "参数 " + e.getName() + " 的值 '" + e.getValue() + "' 无效" + allowed,
                e.getName(),
                "type",
                request);
        return ResponseEntity.badRequest().body(problem);
    }

    /** A message that arrives when nothing waits for it (docs/processes.md): 409. */
    @ExceptionHandler(MismatchingMessageCorrelationException.class)
    ResponseEntity<ProblemDetail> nothingWaits(MismatchingMessageCorrelationException e, HttpServletRequest request) {
        ProblemDetail problem = problem(HttpStatus.CONFLICT, "当前没有等待该消息的办件环节", "messageName", "correlation", request);
        return ResponseEntity.status(HttpStatus.CONFLICT).body(problem);
    }

    /** Someone else changed the same case at the same moment: try again. */
    @ExceptionHandler(OptimisticLockingException.class)
    ResponseEntity<ProblemDetail> concurrentChange(OptimisticLockingException e, HttpServletRequest request) {
        ProblemDetail problem = problem(HttpStatus.CONFLICT, "办件同时被他人修改，请重试", null, "concurrent-change", request);
        return ResponseEntity.status(HttpStatus.CONFLICT).body(problem);
    }

    @ExceptionHandler(AuthorizationException.class)
    ResponseEntity<ProblemDetail> engineForbids(AuthorizationException e, HttpServletRequest request) {
        ProblemDetail problem = problem(HttpStatus.FORBIDDEN, "当前用户无权执行此操作", null, "authorization", request);
        return ResponseEntity.status(HttpStatus.FORBIDDEN).body(problem);
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<ProblemDetail> unexpected(Exception e, HttpServletRequest request) {
        log.error("unexpected failure on {} {}", request.getMethod(), request.getRequestURI(), e);
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.INTERNAL_SERVER_ERROR, "服务器内部错误");
        problem.setInstance(URI.create(request.getRequestURI()));
        return ResponseEntity.internalServerError().body(problem);
    }

    @Override
    protected ResponseEntity<Object> handleMethodArgumentNotValid(
            MethodArgumentNotValidException e, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        List<Map<String, String>> errors = new ArrayList<>();
        for (FieldError error : e.getBindingResult().getFieldErrors()) {
            errors.add(error(error.getField(), ruleOf(error), error.getDefaultMessage()));
        }
        for (ObjectError error : e.getBindingResult().getGlobalErrors()) {
            errors.add(error(error.getObjectName(), ruleOf(error), error.getDefaultMessage()));
        }
        return new ResponseEntity<>(badRequest(errors, servletRequest(request)).getBody(), HttpStatus.BAD_REQUEST);
    }

    @Override
    protected ResponseEntity<Object> handleHandlerMethodValidationException(
            HandlerMethodValidationException e, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        List<Map<String, String>> errors = new ArrayList<>();
        e.getParameterValidationResults()
                .forEach(result -> result.getResolvableErrors()
                        .forEach(error -> errors.add(error(
                                result.getMethodParameter().getParameterName(),
                                ruleOf(error),
                                error.getDefaultMessage()))));
        return new ResponseEntity<>(badRequest(errors, servletRequest(request)).getBody(), HttpStatus.BAD_REQUEST);
    }

    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(
            HttpMessageNotReadableException e, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        String field = "body";
        String rule = "json";
        String detail = "请求体不是有效的 JSON";
        Throwable cause = e.getCause();
        if (cause instanceof JsonMappingException mapping && !mapping.getPath().isEmpty()) {
            field = path(mapping);
            if (cause instanceof InvalidFormatException invalid) {
                rule = "format";
                Class<?> target = invalid.getTargetType();
                detail = "字段 " + field + " 的值 '" + invalid.getValue() + "' 无效"
                        + (target != null && target.isEnum()
                                ? "，可选值：" + Arrays.toString(target.getEnumConstants())
                                : "");
            } else if (cause instanceof UnrecognizedPropertyException) {
                rule = "unknown-field";
                detail = "未知字段 " + field;
            } else if (cause instanceof MismatchedInputException) {
                rule = "type";
                detail = "字段 " + field + " 的类型不正确";
            } else {
                detail = "字段 " + field + " 无法读取";
            }
        } else if (cause == null && e.getMessage() != null && e.getMessage().startsWith("Required request body")) {
            detail = "缺少请求体";
            rule = "required";
        }
        ProblemDetail problem = problem(HttpStatus.BAD_REQUEST, detail, field, rule, servletRequest(request));
        return new ResponseEntity<>(problem, HttpStatus.BAD_REQUEST);
    }

    @Override
    protected ResponseEntity<Object> handleMissingServletRequestParameter(
            MissingServletRequestParameterException e, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        ProblemDetail problem = problem(
                HttpStatus.BAD_REQUEST,
                "缺少参数 " + e.getParameterName(),
                e.getParameterName(),
                "required",
                servletRequest(request));
        return new ResponseEntity<>(problem, HttpStatus.BAD_REQUEST);
    }

    @Override
    protected ResponseEntity<Object> handleServletRequestBindingException(
            org.springframework.web.bind.ServletRequestBindingException e,
            HttpHeaders headers,
            HttpStatusCode status,
            WebRequest request) {
        if (e instanceof MissingRequestHeaderException missing) {
            ProblemDetail problem = problem(
                    HttpStatus.BAD_REQUEST,
                    "缺少请求头 " + missing.getHeaderName(),
                    missing.getHeaderName(),
                    "required",
                    servletRequest(request));
            return new ResponseEntity<>(problem, HttpStatus.BAD_REQUEST);
        }
        return super.handleServletRequestBindingException(e, headers, status, request);
    }

    private ResponseEntity<ProblemDetail> badRequest(List<Map<String, String>> errors, HttpServletRequest request) {
        errors.sort((a, b) -> a.get("field").compareTo(b.get("field")));
        Map<String, String> first = errors.isEmpty() ? error("body", "valid", "请求无效") : errors.get(0);
        String detail = errors.size() == 1
                ? first.get("field") + ": " + first.get("message")
                : "请求中有 " + errors.size() + " 处错误，第一处 " + first.get("field") + ": " + first.get("message");
        ProblemDetail problem = problem(HttpStatus.BAD_REQUEST, detail, first.get("field"), first.get("rule"), request);
        problem.setProperty("errors", errors);
        return ResponseEntity.badRequest().body(problem);
    }

    private static ProblemDetail problem(
            HttpStatusCode status, String detail, String field, String rule, HttpServletRequest request) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        if (request != null) {
            problem.setInstance(URI.create(request.getRequestURI()));
        }
        if (field != null) {
            problem.setProperty("field", field);
        }
        if (rule != null) {
            problem.setProperty("rule", rule);
        }
        return problem;
    }

    private static Map<String, String> error(String field, String rule, String message) {
        Map<String, String> error = new LinkedHashMap<>();
        error.put("field", field);
        error.put("rule", rule);
        error.put("message", message == null ? "" : message);
        return error;
    }

    /** The constraint's own {@code rule} attribute (e.g. GB11643), else its annotation name (NotBlank). */
    private static String ruleOf(MessageSourceResolvable error) {
        if (error instanceof ObjectError objectError && objectError.contains(ConstraintViolation.class)) {
            return ruleOf(objectError.unwrap(ConstraintViolation.class));
        }
        String[] codes = error.getCodes();
        return codes == null || codes.length == 0 ? "valid" : codes[codes.length - 1];
    }

    private static String ruleOf(ConstraintViolation<?> violation) {
        return ApiException.ruleOf(violation);
    }

    /** {@code applicant.idNumber} for a validated bean; without the method name for a validated parameter. */
    private static String field(ConstraintViolation<?> violation) {
        String path = violation.getPropertyPath().toString();
        Path.Node first = violation.getPropertyPath().iterator().next();
        if (first.getKind() == ElementKind.METHOD || first.getKind() == ElementKind.CONSTRUCTOR) {
            int dot = path.indexOf('.');
            return dot < 0 ? path : path.substring(dot + 1);
        }
        return path;
    }

    private static String path(JsonMappingException e) {
        StringBuilder path = new StringBuilder();
        for (JsonMappingException.Reference ref : e.getPath()) {
            if (ref.getFieldName() != null) {
                if (!path.isEmpty()) {
                    path.append('.');
                }
                path.append(ref.getFieldName());
            } else if (ref.getIndex() >= 0) {
                path.append('[').append(ref.getIndex()).append(']');
            }
        }
        return path.toString();
    }

    private static HttpServletRequest servletRequest(WebRequest request) {
        return request instanceof NativeWebRequest nativeRequest
                ? nativeRequest.getNativeRequest(HttpServletRequest.class)
                : null;
    }
}
