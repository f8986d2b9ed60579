package cn.govflow.support;

import com.atlassian.oai.validator.OpenApiInteractionValidator;
import com.atlassian.oai.validator.model.SimpleRequest;
import com.atlassian.oai.validator.model.SimpleResponse;
import com.atlassian.oai.validator.report.ValidationReport;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URLDecoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.web.client.RestTemplateCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.client.ClientHttpRequestExecution;
import org.springframework.http.client.ClientHttpRequestInterceptor;
import org.springframework.http.client.ClientHttpResponse;

/**
 * The OpenAPI contract enforced on every HTTP call the integration tests make with {@code TestRestTemplate}
 * (imported by {@link GovflowIntegrationTest}): each exchange under {@code /api} is checked against the running
 * application's own {@code /v3/api-docs} with Atlassian's swagger-request-validator, and a mismatch fails the test
 * that made the call (docs/api.md).
 *
 * <ul>
 * <li>Every response: its status must be declared for the operation, and its body must match the declared schema
 * of its content type (ProblemDetail for errors).</li>
 * <li>The request as well, when the answer is a success: a request that breaks the contract must not succeed.
 * Tests that send broken requests on purpose get their 4xx answer checked, not their request.</li>
 * </ul>
 */
@TestConfiguration(proxyBeanMethods = false)
public class OpenApiContract {

    static final String API_DOCS = "/v3/api-docs";

    /** Findings a 4xx answer may have: a path or method the contract does not offer was refused (404, 405). */
    static final Set<String> REFUSED_REQUEST_KEYS =
            Set.of("validation.request.path.missing", "validation.request.operation.notAllowed");

    /** A client's Accept header cannot be wrong for an answer without a body (204). */
    static final String ACCEPT_NOT_ALLOWED = "validation.request.accept.notAllowed";

    private static final Map<String, OpenApiInteractionValidator> VALIDATORS = new ConcurrentHashMap<>();

    @Bean
    RestTemplateCustomizer openApiContractValidation() {
        return restTemplate -> restTemplate.getInterceptors().add(new Interceptor());
    }

    /** Validates one exchange; throws {@link AssertionError} naming every mismatch. */
    public static void check(OpenApiInteractionValidator validator, SimpleRequest request, SimpleResponse response) {
        boolean success = response.getStatus() < 400;
        ValidationReport report = success
                ? validator.validate(request, response)
                : validator.validateResponse(request.getPath(), request.getMethod(), response);
        List<ValidationReport.Message> errors = report.getMessages().stream()
                .filter(m -> m.getLevel() == ValidationReport.Level.ERROR)
                .filter(m -> success || !REFUSED_REQUEST_KEYS.contains(m.getKey()))
                .filter(m -> response.getResponseBody().isPresent() || !ACCEPT_NOT_ALLOWED.equals(m.getKey()))
                .toList();
        if (!errors.isEmpty()) {
            throw new AssertionError("OpenAPI contract broken by " + request.getMethod() + " " + request.getPath()
                    + " → " + response.getStatus() + ":\n"
                    + errors.stream()
                            .map(m -> "  " + m.getKey() + ": " + m.getMessage()
                                    + (m.getAdditionalInfo().isEmpty() ? "" : " " + m.getAdditionalInfo()))
                            .collect(Collectors.joining("\n"))
                    + "\n(the contract: /v3/api-docs, snapshot docs/api/openapi.json; see docs/api.md)");
        }
    }

    /** The validator of the application at this base URL, built once from its own {@code /v3/api-docs}. */
    static OpenApiInteractionValidator validatorFor(URI anyUri) {
        String base = anyUri.getScheme() + "://" + anyUri.getAuthority();
        return VALIDATORS.computeIfAbsent(
                base,
                url -> OpenApiInteractionValidator.createForInlineApiSpecification(fetch(URI.create(url + API_DOCS)))
                        .build());
    }

    private static String fetch(URI uri) {
        try {
            HttpResponse<String> answer = HttpClient.newHttpClient()
                    .send(
                            HttpRequest.newBuilder(uri).GET().build(),
                            HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            if (answer.statusCode() != 200) {
                throw new IllegalStateException(uri + " answered " + answer.statusCode());
            }
            return answer.body();
        } catch (IOException e) {
            throw new IllegalStateException("cannot read the OpenAPI document at " + uri, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    static final class Interceptor implements ClientHttpRequestInterceptor {
        @Override
        public ClientHttpResponse intercept(
                org.springframework.http.HttpRequest request, byte[] body, ClientHttpRequestExecution execution)
                throws IOException {
            ClientHttpResponse response = execution.execute(request, body);
            URI uri = request.getURI();
            if (uri.getRawPath() == null || !uri.getRawPath().startsWith("/api/")) {
                return response;
            }
            byte[] answer;
            try (InputStream in = response.getBody()) {
                answer = in.readAllBytes();
            }
            check(validatorFor(uri), request(request, body), response(response, answer));
            return new Buffered(response, answer);
        }

        private static SimpleRequest request(org.springframework.http.HttpRequest request, byte[] body) {
            URI uri = request.getURI();
            SimpleRequest.Builder builder =
                    new SimpleRequest.Builder(request.getMethod().name(), uri.getPath());
            request.getHeaders().forEach(builder::withHeader);
            if (uri.getRawQuery() != null) {
                for (String pair : uri.getRawQuery().split("&")) {
                    int eq = pair.indexOf('=');
                    String name = decode(eq < 0 ? pair : pair.substring(0, eq));
                    builder.withQueryParam(name, eq < 0 ? "" : decode(pair.substring(eq + 1)));
                }
            }
            if (body.length > 0) {
                builder.withBody(body);
            }
            return builder.build();
        }

        private static SimpleResponse response(ClientHttpResponse response, byte[] body) throws IOException {
            SimpleResponse.Builder builder =
                    new SimpleResponse.Builder(response.getStatusCode().value());
            response.getHeaders().forEach(builder::withHeader);
            if (body.length > 0) {
                builder.withBody(body);
            }
            return builder.build();
        }

        private static String decode(String text) {
            return URLDecoder.decode(text, StandardCharsets.UTF_8);
        }
    }

    /** The response with its body read once and kept, for the test to read again. */
    private record Buffered(ClientHttpResponse response, byte[] body) implements ClientHttpResponse {
        @Override
        public HttpStatusCode getStatusCode() throws IOException {
            return response.getStatusCode();
        }

        @Override
        public String getStatusText() throws IOException {
            return response.getStatusText();
        }

        @Override
        public void close() {
            response.close();
        }

        @Override
        public InputStream getBody() {
            return new ByteArrayInputStream(body);
        }

        @Override
        public HttpHeaders getHeaders() {
            return response.getHeaders();
        }
    }
}
