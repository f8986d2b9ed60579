package cn.govflow.courier;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import org.springframework.core.env.Environment;
import org.springframework.http.MediaType;
import org.springframework.http.client.SimpleClientHttpRequestFactory;
import org.springframework.stereotype.Component;
import org.springframework.web.client.HttpClientErrorException;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientException;

/**
 * The courier platform's booking API over HTTP: {@code POST <base>/api/shipments} with HTTP Basic credentials
 * and an {@code Idempotency-Key}; the same key always returns the same tracking number.
 */
@Component
class CourierPlatformClient {

    static final String IDEMPOTENCY_KEY = "Idempotency-Key";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final CourierProperties properties;
    private final Environment environment;
    private final RestClient http;

    CourierPlatformClient(CourierProperties properties, Environment environment, RestClient.Builder builder) {
        this.properties = properties;
        this.environment = environment;
        SimpleClientHttpRequestFactory requests = new SimpleClientHttpRequestFactory();
        requests.setConnectTimeout(properties.connectTimeout());
        requests.setReadTimeout(properties.readTimeout());
        RestClient.Builder configured = builder.clone().requestFactory(requests);
        if (properties.username() != null && !properties.username().isBlank()) {
            configured.defaultHeaders(h ->
                    h.setBasicAuth(properties.username(), properties.password() == null ? "" : properties.password()));
        }
        this.http = configured.build();
    }

    /** Books the shipment and returns its tracking number. */
    String book(ShipmentOrder order, String idempotencyKey) {
        URI uri = URI.create(baseUrl() + "/api/shipments");
        JsonNode answer;
        try {
            answer = http.post()
                    .uri(uri)
                    .contentType(MediaType.APPLICATION_JSON)
                    .accept(MediaType.APPLICATION_JSON)
                    .header(IDEMPOTENCY_KEY, idempotencyKey)
                    .body(order)
                    .retrieve()
                    .body(JsonNode.class);
        } catch (HttpClientErrorException e) {
            if (e.getStatusCode().value() == 408 || e.getStatusCode().value() == 429) {
                throw new CourierPlatformException("统一物流平台暂时不能受理寄件（" + uri + "）：" + e.getMessage(), e);
            }
            throw new CourierRefusedException(
                    "统一物流平台拒绝受理寄件（HTTP " + e.getStatusCode().value() + "）：" + refusal(e), e);
        } catch (RestClientException e) {
            throw new CourierPlatformException("统一物流平台未能受理寄件（" + uri + "）：" + e.getMessage(), e);
        }
        String trackingNumber =
                answer == null ? null : answer.path("trackingNumber").asText(null);
        if (trackingNumber == null || trackingNumber.isBlank()) {
            throw new CourierPlatformException("统一物流平台的应答没有运单号（" + uri + "）", null);
        }
        return trackingNumber;
    }

    /** The platform's own words (a ProblemDetail's detail, or the body), for the clerk who handles the refusal. */
    private static String refusal(HttpClientErrorException e) {
        String body = e.getResponseBodyAsString();
        try {
            JsonNode problem = JSON.readTree(body);
            if (problem != null && problem.hasNonNull("detail")) {
                return problem.get("detail").asText();
            }
        } catch (JsonProcessingException notJson) {
            // fall through to the raw body
        }
        return body == null || body.isBlank() ? e.getStatusText() : body;
    }

    /**
     * Read at every call, not once at start-up: switching to a standby platform (a changed property source) takes
     * effect for the next retry without a restart.
     */
    String baseUrl() {
        String configured = environment.getProperty(
                "govflow.courier.base-url", properties.baseUrl() == null ? "" : properties.baseUrl());
        if (configured != null && !configured.isBlank()) {
            return configured.replaceAll("/+$", "");
        }
        return "http://localhost:" + localPort(environment) + CourierDeskController.PATH;
    }

    /** The port this server listens on (known once the web server runs; a random one in tests). */
    static String localPort(Environment environment) {
        return environment.getProperty("local.server.port", environment.getProperty("server.port", "8080"));
    }
}
