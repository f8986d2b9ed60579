package cn.govflow.monitoring;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.slf4j.MDC;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.web.servlet.HandlerMapping;

class CaseLogContextTests {

    final CaseLogContext.Interceptor interceptor = new CaseLogContext.Interceptor();

    @AfterEach
    void clear() {
        MDC.clear();
    }

    @Test
    @DisplayName("A request naming a case puts its number into the log context for the request, and takes it out after")
    void caseNumberOfTheRequest() {
        MockHttpServletRequest request = new MockHttpServletRequest("GET", "/api/applications/SH-20260105-YP-000001");
        request.setAttribute(
                HandlerMapping.URI_TEMPLATE_VARIABLES_ATTRIBUTE, Map.of("caseNumber", "SH-20260105-YP-000001"));
        MockHttpServletResponse response = new MockHttpServletResponse();

        interceptor.preHandle(request, response, new Object());
        assertThat(MDC.get(CaseLogContext.KEY)).isEqualTo("SH-20260105-YP-000001");
        interceptor.afterCompletion(request, response, new Object(), null);
        assertThat(MDC.get(CaseLogContext.KEY)).isNull();
    }

    @Test
    @DisplayName("A request without a case number leaves the log context alone")
    void noCaseNumber() {
        MockHttpServletRequest request = new MockHttpServletRequest("GET", "/api/items/2022-FO-004");
        request.setAttribute(HandlerMapping.URI_TEMPLATE_VARIABLES_ATTRIBUTE, Map.of("code", "2022-FO-004"));
        interceptor.preHandle(request, new MockHttpServletResponse(), new Object());
        assertThat(MDC.get(CaseLogContext.KEY)).isNull();
    }
}
