package cn.govflow.system;

import java.util.Map;
import org.springframework.core.MethodParameter;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.converter.HttpMessageConverter;
import org.springframework.http.server.ServerHttpRequest;
import org.springframework.http.server.ServerHttpResponse;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.servlet.mvc.method.annotation.ResponseBodyAdvice;

/**
 * Errors in one language: every ProblemDetail leaves with a Chinese {@code title}. A feature may set its own
 * title ("证照不存在"); where none is set, or Spring's English reason phrase stands ("Bad Request"), the title of
 * the status takes its place. {@code field} and {@code rule} stay as they are, for machines.
 */
@RestControllerAdvice
public class ProblemTitles implements ResponseBodyAdvice<Object> {

    private static final Map<Integer, String> TITLES = Map.ofEntries(
            Map.entry(400, "请求无效"),
            Map.entry(401, "需要登录"),
            Map.entry(403, "无权操作"),
            Map.entry(404, "未找到"),
            Map.entry(405, "不支持该请求方法"),
            Map.entry(406, "无法提供所要求的格式"),
            Map.entry(409, "与当前状态冲突"),
            Map.entry(413, "请求体过大"),
            Map.entry(415, "不支持该请求格式"),
            Map.entry(422, "不符合办理规则"),
            Map.entry(429, "请求过于频繁"),
            Map.entry(500, "服务器内部错误"),
            Map.entry(502, "上游系统无响应"),
            Map.entry(503, "服务暂不可用"),
            Map.entry(504, "上游系统超时"));

    /** The Chinese title of an HTTP status: "请求无效" for 400, "客户端错误" / "服务器错误" for others. */
    public static String of(int status) {
        return TITLES.getOrDefault(status, status >= 500 ? "服务器错误" : "客户端错误");
    }

    /** Gives the problem the Chinese title of its status unless it has a title of its own. */
    public static ProblemDetail localize(ProblemDetail problem) {
        HttpStatus status = HttpStatus.resolve(problem.getStatus());
        String title = problem.getTitle();
        if (title == null || (status != null && title.equals(status.getReasonPhrase()))) {
            problem.setTitle(of(problem.getStatus()));
        }
        return problem;
    }

    @Override
    public boolean supports(MethodParameter returnType, Class<? extends HttpMessageConverter<?>> converterType) {
        return true;
    }

    @Override
    public Object beforeBodyWrite(
            Object body,
            MethodParameter returnType,
            MediaType selectedContentType,
            Class<? extends HttpMessageConverter<?>> selectedConverterType,
            ServerHttpRequest request,
            ServerHttpResponse response) {
        return body instanceof ProblemDetail problem ? localize(problem) : body;
    }
}
