package cn.govflow.courier;

import cn.govflow.security.Authorities;
import cn.govflow.security.Groups;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Instant;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** Delivery events from the courier platform ({@code courier} group): {@code POST /api/courier/events}. */
@Tag(name = "物流", description = "统一物流平台报送送达事件（R21）")
@RestController
class CourierEventController {

    static final String PATH = "/api/courier/events";

    record CourierEvent(String caseNumber, String trackingNumber, String event, Instant at) {}

    private final CourierService courier;

    CourierEventController(CourierService courier) {
        this.courier = courier;
    }

    @Operation(summary = "报送送达事件", description = "统一物流平台（courier 组）报告寄件已送达；等待送达的办件继续办理。未知运单 404，重复报送或没有等待送达的环节 409。")
    @io.swagger.v3.oas.annotations.parameters.RequestBody(
            content =
                    @Content(
                            examples =
                                    @ExampleObject(
                                            name = "已送达",
                                            value =
                                                    "{\"caseNumber\":\"SH-20260105-YP-000001\",\"trackingNumber\":\"SF1234567890\",\"event\":\"DELIVERED\",\"at\":\"2026-01-08T06:30:00Z\"}")))
    @ApiResponse(responseCode = "200", description = "已记录送达")
    @ApiResponse(responseCode = "400", ref = "BadRequest")
    @ApiResponse(responseCode = "403", ref = "Forbidden")
    @ApiResponse(responseCode = "404", ref = "NotFound")
    @ApiResponse(responseCode = "409", ref = "Conflict")
    @PostMapping(PATH)
    CourierService.Shipment event(
            @RequestBody(required = false) CourierEvent event, @Parameter(hidden = true) Authentication caller) {
        if (!Authorities.isMember(caller, Groups.COURIER)) {
            throw new InvalidEvent(HttpStatus.FORBIDDEN, "caller", "只有统一物流平台（courier 组）可以报送送达事件");
        }
        if (event == null || blank(event.caseNumber())) {
            throw new InvalidEvent(HttpStatus.BAD_REQUEST, "caseNumber", "缺少办件编号 caseNumber");
        }
        if (blank(event.trackingNumber())) {
            throw new InvalidEvent(HttpStatus.BAD_REQUEST, "trackingNumber", "缺少运单号 trackingNumber");
        }
        if (!"DELIVERED".equals(event.event())) {
            throw new InvalidEvent(HttpStatus.BAD_REQUEST, "event", "事件 event 须为 DELIVERED");
        }
        return courier.delivered(event.caseNumber(), event.trackingNumber(), event.at());
    }

    @ExceptionHandler
    ProblemDetail invalid(InvalidEvent e) {
        return problem(e.status, e.field, e.getMessage());
    }

    @ExceptionHandler
    ProblemDetail rejected(CourierEventException e) {
        if (e instanceof CourierEventException.Unknown) {
            return problem(HttpStatus.NOT_FOUND, "trackingNumber", e.getMessage());
        }
        if (e instanceof CourierEventException.AlreadyDelivered) {
            return problem(HttpStatus.CONFLICT, "trackingNumber", e.getMessage());
        }
        return problem(HttpStatus.CONFLICT, "caseNumber", e.getMessage());
    }

    private static ProblemDetail problem(HttpStatus status, String field, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setTitle("送达事件未被接受");
        problem.setProperty("field", field);
        problem.setProperty("rule", "R21");
        return problem;
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }

    static final class InvalidEvent extends RuntimeException {
        final HttpStatus status;
        final String field;

        InvalidEvent(HttpStatus status, String field, String message) {
            super(message);
            this.status = status;
            this.field = field;
        }
    }
}
