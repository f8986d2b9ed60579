package cn.govflow.courier;

import cn.govflow.security.Authorities;
import cn.govflow.security.Groups;
import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.springframework.core.env.Environment;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.client.SimpleClientHttpRequestFactory;
import org.springframework.security.core.Authentication;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientException;
import org.springframework.web.client.RestClientResponseException;

/**
 * The built-in courier desk: plays the unified courier platform for demo and tests. Books shipments idempotently
 * by {@code Idempotency-Key}, lists them, and when a clerk marks one delivered it posts the delivery event to
 * govflow's {@code POST /api/courier/events} over HTTP, as the real platform would.
 */
@RestController
@RequestMapping(CourierDeskController.PATH)
class CourierDeskController {

    static final String PATH = "/courier-desk";

    private final CourierDeskRepository desk;
    private final TransactionTemplate transaction;
    private final CourierProperties properties;
    private final Environment environment;
    private final RestClient http;
    private final Clock clock;

    CourierDeskController(
            CourierDeskRepository desk,
            PlatformTransactionManager transactions,
            CourierProperties properties,
            Environment environment,
            RestClient.Builder builder,
            Clock clock) {
        this.clock = clock;
        this.desk = desk;
        this.transaction = new TransactionTemplate(transactions);
        this.properties = properties;
        this.environment = environment;
        SimpleClientHttpRequestFactory requests = new SimpleClientHttpRequestFactory();
        requests.setConnectTimeout(properties.connectTimeout());
        requests.setReadTimeout(properties.readTimeout());
        this.http = builder.clone().requestFactory(requests).build();
    }

    /** Books a shipment; the same Idempotency-Key returns the shipment booked first (200 instead of 201). */
    @PostMapping(path = "/api/shipments", consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<CourierDeskRepository.DeskShipment> book(
            @RequestHeader(name = CourierPlatformClient.IDEMPOTENCY_KEY, required = false) String key,
            @RequestBody ShipmentOrder order,
            Authentication caller) {
        requireCourier(caller);
        if (key == null || key.isBlank()) {
            throw new DeskProblem(
                    HttpStatus.BAD_REQUEST, CourierPlatformClient.IDEMPOTENCY_KEY, "寄件请求须带 Idempotency-Key 请求头");
        }
        if (order.caseNumber() == null || order.recipientAddress() == null || order.recipientName() == null) {
            throw new DeskProblem(HttpStatus.BAD_REQUEST, "recipientAddress", "寄件须有办件编号、收件人和收件地址");
        }
        var existing = desk.findByKey(key);
        if (existing.isPresent()) {
            return ResponseEntity.ok(existing.get());
        }
        try {
            transaction.executeWithoutResult(status -> desk.insert(key, order, clock.instant()));
        } catch (DuplicateKeyException concurrentBooking) {
            return ResponseEntity.ok(desk.findByKey(key).orElseThrow());
        }
        var booked = desk.findByKey(key).orElseThrow();
        return ResponseEntity.created(URI.create(PATH + "/api/shipments/" + booked.trackingNumber()))
                .body(booked);
    }

    @GetMapping("/api/shipments")
    List<CourierDeskRepository.DeskShipment> shipments(
            @RequestParam(required = false) String caseNumber, Authentication caller) {
        requireCourier(caller);
        return caseNumber == null ? desk.all() : desk.byCase(caseNumber);
    }

    /** Marks delivered and reports it to govflow; answers with govflow's answer (200, 404 or 409). */
    @PostMapping("/api/shipments/{trackingNumber}/delivered")
    ResponseEntity<JsonNode> delivered(@PathVariable String trackingNumber, Authentication caller) {
        requireCourier(caller);
        var shipment = desk.findByTrackingNumber(trackingNumber)
                .orElseThrow(() ->
                        new DeskProblem(HttpStatus.NOT_FOUND, "trackingNumber", "没有运单号为 " + trackingNumber + " 的寄件"));
        Instant at = shipment.deliveredAt() != null ? shipment.deliveredAt() : clock.instant();
        desk.markDelivered(trackingNumber, at);
        Map<String, Object> event = Map.of(
                "caseNumber",
                shipment.caseNumber(),
                "trackingNumber",
                trackingNumber,
                "event",
                "DELIVERED",
                "at",
                at.toString());
        URI eventsUrl = URI.create(eventsUrl());
        try {
            ResponseEntity<JsonNode> answer = http.post()
                    .uri(eventsUrl)
                    .contentType(MediaType.APPLICATION_JSON)
                    .headers(h -> h.setBasicAuth(
                            blankToEmpty(properties.desk().username()),
                            blankToEmpty(properties.desk().password())))
                    .body(event)
                    .retrieve()
                    .toEntity(JsonNode.class);
            return ResponseEntity.status(answer.getStatusCode()).body(answer.getBody());
        } catch (RestClientResponseException rejected) {
            return ResponseEntity.status(rejected.getStatusCode())
                    .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                    .body(rejected.getResponseBodyAs(JsonNode.class));
        } catch (RestClientException unreachable) {
            throw new DeskProblem(HttpStatus.BAD_GATEWAY, "eventsUrl", "送达事件无法报送 " + eventsUrl);
        }
    }

    @ExceptionHandler
    ProblemDetail problem(DeskProblem e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(e.status, e.getMessage());
        problem.setTitle("物流平台（内置）拒绝了请求");
        problem.setProperty("field", e.field);
        problem.setProperty("rule", "R21");
        return problem;
    }

    /** Shipments carry addresses: only the platform's own staff (group courier) and the admin see the desk. */
    private static void requireCourier(Authentication caller) {
        if (!Authorities.isMember(caller, Groups.COURIER) && !Authorities.isMember(caller, Groups.ADMIN)) {
            throw new DeskProblem(HttpStatus.FORBIDDEN, "caller", "只有物流平台（courier 组）可以使用寄件台");
        }
    }

    private String eventsUrl() {
        String configured = properties.desk().eventsUrl();
        if (configured != null && !configured.isBlank()) {
            return configured;
        }
        return "http://localhost:" + CourierPlatformClient.localPort(environment) + CourierEventController.PATH;
    }

    private static String blankToEmpty(String value) {
        return value == null ? "" : value;
    }

    static final class DeskProblem extends RuntimeException {
        final HttpStatus status;
        final String field;

        DeskProblem(HttpStatus status, String field, String message) {
            super(message);
            this.status = status;
            this.field = field;
        }
    }
}
