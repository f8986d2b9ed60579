package cn.govflow.monitoring;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Map;
import org.slf4j.MDC;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.HandlerMapping;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * The case number in the log context (MDC key {@value #KEY}) of every {@code /api} request that names a case in
 * its path ({@code /api/applications/{caseNumber}/…}). Delegates, listeners and jobs get it from the engine,
 * which puts the business key under the same key ({@code logging-context-business-key} in
 * config/application.yaml); the intake sets it once it has numbered a new case.
 */
@Configuration(proxyBeanMethods = false)
public class CaseLogContext implements WebMvcConfigurer {

    /** The MDC key of the case number, in the console pattern and in structured (JSON) logs. */
    public static final String KEY = "caseNumber";

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(new Interceptor()).addPathPatterns("/api/**");
    }

    static final class Interceptor implements HandlerInterceptor {
        @Override
        public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
            if (request.getAttribute(HandlerMapping.URI_TEMPLATE_VARIABLES_ATTRIBUTE) instanceof Map<?, ?> variables
                    && variables.get(KEY) instanceof String caseNumber
                    && !caseNumber.isBlank()) {
                MDC.put(KEY, caseNumber);
            }
            return true;
        }

        @Override
        public void afterCompletion(
                HttpServletRequest request, HttpServletResponse response, Object handler, Exception ex) {
            MDC.remove(KEY);
        }
    }
}
