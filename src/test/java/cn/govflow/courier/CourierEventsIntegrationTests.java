package cn.govflow.courier;

import static org.assertj.core.api.Assertions.assertThat;

import cn.govflow.support.GovflowIntegrationTest;
import com.fasterxml.jackson.databind.JsonNode;
import java.sql.Timestamp;
import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;

/** {@code POST /api/courier/events} and the built-in courier desk, over HTTP as the platform calls them. */
@GovflowIntegrationTest
class CourierEventsIntegrationTests {

    @Autowired
    TestRestTemplate http;

    @Autowired
    RepositoryService repository;

    @Autowired
    RuntimeService runtime;

    @Autowired
    ManagementService management;

    @Autowired
    HistoryService history;

    @Autowired
    CourierService courier;

    @Autowired
    JdbcTemplate jdbc;

    /** A case whose paper result was handed to the courier and now waits for the delivery event. */
    private record Waiting(String caseNumber, ProcessInstance instance, String trackingNumber) {}

    private Waiting caseWaitingForDelivery() {
        String caseNumber = "EV-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
        ProcessInstance instance = DeliveryTestModel.startCase(repository, runtime, caseNumber, "HALL");
        DeliveryTestModel.awaitWaitingForDelivery(runtime, instance);
        return new Waiting(caseNumber, instance, (String) runtime.getVariable(instance.getId(), "trackingNumber"));
    }

    private ResponseEntity<JsonNode> event(String user, String caseNumber, String trackingNumber) {
        return http.withBasicAuth(user, "demo")
                .postForEntity(
                        "/api/courier/events",
                        Map.of(
                                "caseNumber",
                                caseNumber,
                                "trackingNumber",
                                trackingNumber,
                                "event",
                                "DELIVERED",
                                "at",
                                "2026-11-23T10:00:00+08:00"),
                        JsonNode.class);
    }

    @Test
    @DisplayName("R21: a delivery event continues the case waiting for that tracking number and is recorded")
    void deliveryEventContinuesTheCase() {
        Waiting waiting = caseWaitingForDelivery();

        ResponseEntity<JsonNode> response = event("courier", waiting.caseNumber(), waiting.trackingNumber());

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(response.getBody().path("trackingNumber").asText()).isEqualTo(waiting.trackingNumber());
        assertThat(runtime.createProcessInstanceQuery()
                        .processInstanceId(waiting.instance().getId())
                        .count())
                .isZero();
        assertThat(history.createHistoricActivityInstanceQuery()
                        .processInstanceId(waiting.instance().getId())
                        .activityId("EndEvent_Delivered")
                        .count())
                .isOne();
        assertThat(((Timestamp) deliveredAt(waiting.trackingNumber())).toInstant())
                .isEqualTo(java.time.Instant.parse("2026-11-23T02:00:00Z"));
    }

    @Test
    @DisplayName("R21: a repeated delivery event is a 409 and changes nothing")
    void repeatedDeliveryIsConflictAndChangesNothing() {
        Waiting waiting = caseWaitingForDelivery();
        assertThat(event("courier", waiting.caseNumber(), waiting.trackingNumber())
                        .getStatusCode())
                .isEqualTo(HttpStatus.OK);
        Object firstDelivery = deliveredAt(waiting.trackingNumber());

        ResponseEntity<JsonNode> repeated = http.withBasicAuth("courier", "demo")
                .postForEntity(
                        "/api/courier/events",
                        Map.of(
                                "caseNumber",
                                waiting.caseNumber(),
                                "trackingNumber",
                                waiting.trackingNumber(),
                                "event",
                                "DELIVERED",
                                "at",
                                "2026-11-24T09:00:00+08:00"),
                        JsonNode.class);

        assertThat(repeated.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
        assertThat(repeated.getBody().path("field").asText()).isEqualTo("trackingNumber");
        assertThat(repeated.getBody().path("rule").asText()).isEqualTo("R21");
        assertThat(deliveredAt(waiting.trackingNumber())).isEqualTo(firstDelivery);
    }

    @Test
    @DisplayName("R21: an unknown tracking number or a tracking number of another case is a 404")
    void unknownShipmentIsNotFound() {
        Waiting waiting = caseWaitingForDelivery();

        ResponseEntity<JsonNode> unknown = event("courier", waiting.caseNumber(), "GF-NO-SUCH");
        ResponseEntity<JsonNode> otherCase = event("courier", "OTHER-CASE", waiting.trackingNumber());

        assertThat(unknown.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(unknown.getBody().path("field").asText()).isEqualTo("trackingNumber");
        assertThat(otherCase.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(deliveredAt(waiting.trackingNumber())).isNull();
        assertThat(runtime.createProcessInstanceQuery()
                        .processInstanceId(waiting.instance().getId())
                        .count())
                .isOne();
    }

    @Test
    @DisplayName("R21: a delivery event for a shipment nothing waits for is a 409 and is not recorded")
    void nothingWaitingIsConflict() {
        String caseNumber = "NW-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
        CourierService.Shipment shipment = courier.handOff(new CourierService.HandOff(
                caseNumber,
                CourierPurpose.RETURNED_MATERIALS,
                CourierRecipient.HALL,
                "yangpu",
                "public-security",
                "市公安局",
                "核发《养犬登记证》(补证)",
                "张三"));

        ResponseEntity<JsonNode> response = event("courier", caseNumber, shipment.trackingNumber());

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
        assertThat(response.getBody().path("field").asText()).isEqualTo("caseNumber");
        assertThat(deliveredAt(shipment.trackingNumber())).isNull();
    }

    @Test
    @DisplayName("R21: only the courier group may report deliveries; a bad event names its field")
    void onlyCourierMayReport() {
        Waiting waiting = caseWaitingForDelivery();

        ResponseEntity<JsonNode> window = event("window-yangpu", waiting.caseNumber(), waiting.trackingNumber());
        ResponseEntity<JsonNode> anonymous = http.postForEntity("/api/courier/events", Map.of(), JsonNode.class);
        ResponseEntity<JsonNode> badEvent = http.withBasicAuth("courier", "demo")
                .postForEntity(
                        "/api/courier/events",
                        Map.of(
                                "caseNumber",
                                waiting.caseNumber(),
                                "trackingNumber",
                                waiting.trackingNumber(),
                                "event",
                                "LOST"),
                        JsonNode.class);

        assertThat(window.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(anonymous.getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
        assertThat(badEvent.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(badEvent.getBody().path("field").asText()).isEqualTo("event");
        assertThat(deliveredAt(waiting.trackingNumber())).isNull();
    }

    @Test
    @DisplayName("R10: the courier desk books idempotently and, marked 已送达, reports the delivery back over HTTP")
    void courierDeskRoundTrip() {
        Waiting waiting = caseWaitingForDelivery();
        ResponseEntity<JsonNode> again = http.withBasicAuth("courier", "demo")
                .exchange(
                        org.springframework.http.RequestEntity.post("/courier-desk/api/shipments")
                                .header("Idempotency-Key", waiting.caseNumber() + ":RESULT")
                                .contentType(org.springframework.http.MediaType.APPLICATION_JSON)
                                .body(Map.of(
                                        "caseNumber",
                                        waiting.caseNumber(),
                                        "purpose",
                                        "RESULT",
                                        "sender",
                                        "市公安局",
                                        "recipientName",
                                        "x",
                                        "recipientAddress",
                                        "y",
                                        "contents",
                                        "z")),
                        JsonNode.class);
        assertThat(again.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(again.getBody().path("trackingNumber").asText()).isEqualTo(waiting.trackingNumber());

        ResponseEntity<JsonNode> delivered = http.withBasicAuth("courier", "demo")
                .postForEntity(
                        "/courier-desk/api/shipments/" + waiting.trackingNumber() + "/delivered", null, JsonNode.class);
        ResponseEntity<JsonNode> deliveredAgain = http.withBasicAuth("courier", "demo")
                .postForEntity(
                        "/courier-desk/api/shipments/" + waiting.trackingNumber() + "/delivered", null, JsonNode.class);

        assertThat(delivered.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(runtime.createProcessInstanceQuery()
                        .processInstanceId(waiting.instance().getId())
                        .count())
                .isZero();
        assertThat(deliveredAt(waiting.trackingNumber())).isNotNull();
        assertThat(deliveredAgain.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
        assertThat(http.withBasicAuth("courier", "demo")
                        .getForObject("/courier-desk/api/shipments?caseNumber=" + waiting.caseNumber(), JsonNode.class))
                .hasSize(1);
        assertThat(http.withBasicAuth("window-yangpu", "demo")
                        .getForEntity("/courier-desk/api/shipments", JsonNode.class)
                        .getStatusCode())
                .isEqualTo(HttpStatus.FORBIDDEN);
    }

    private Object deliveredAt(String trackingNumber) {
        return jdbc.queryForObject(
                "select delivered_at from gf_shipment where tracking_number = ?", Timestamp.class, trackingNumber);
    }
}
