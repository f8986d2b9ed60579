package cn.govflow.courier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.mock.env.MockEnvironment;
import org.springframework.web.client.RestClient;

/** The courier platform client against a platform double: answers, timeouts and a closed port. */
class CourierPlatformClientTests {

    private static final ShipmentOrder ORDER =
            new ShipmentOrder("YP-1", "RESULT", "市公安局", "杨浦区政务服务中心综合窗口", null, "杨浦区政务服务中心综合窗口", "纸质办理结果");

    private static CourierPlatformClient client(String baseUrl, Duration readTimeout) {
        CourierProperties properties = new CourierProperties(
                baseUrl,
                "courier",
                "demo",
                Duration.ofMillis(500),
                readTimeout,
                new CourierProperties.Desk(null, null, null));
        return new CourierPlatformClient(properties, new MockEnvironment(), RestClient.builder());
    }

    @Test
    @DisplayName("R21: a booking returns the platform's tracking number")
    void bookingReturnsTrackingNumber() throws IOException {
        try (CourierPlatformDouble platform = new CourierPlatformDouble(null)) {
            assertThat(client(platform.baseUrl(), Duration.ofSeconds(2)).book(ORDER, "YP-1:RESULT"))
                    .isEqualTo("DOUBLE-1");
        }
    }

    @Test
    @DisplayName("R21: a platform slower than the read timeout fails the booking")
    void slowPlatformTimesOut() throws IOException {
        try (CourierPlatformDouble platform = new CourierPlatformDouble(null)) {
            platform.mode.set(CourierPlatformDouble.Mode.SLOW);
            platform.slowMillis = 1500;

            assertThatThrownBy(() ->
                            client(platform.baseUrl(), Duration.ofMillis(300)).book(ORDER, "YP-1:RESULT"))
                    .isInstanceOf(CourierPlatformException.class)
                    .hasMessageContaining("统一物流平台");
        }
    }

    @Test
    @DisplayName("R21: a platform that does not answer at all (closed port) fails the booking")
    void closedPortFails() throws IOException {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }

        assertThatThrownBy(() -> client("http://127.0.0.1:" + port, Duration.ofSeconds(1))
                        .book(ORDER, "YP-1:RESULT"))
                .isInstanceOf(CourierPlatformException.class)
                .hasMessageContaining("127.0.0.1:" + port);
    }

    @Test
    @DisplayName(
            "R21: a platform that refuses the order (4xx) is a refusal with the platform's reason, not a failure to retry")
    void refusalIsNotRetried() throws IOException {
        try (CourierPlatformDouble platform = new CourierPlatformDouble(null)) {
            platform.mode.set(CourierPlatformDouble.Mode.REFUSE);

            assertThatThrownBy(() ->
                            client(platform.baseUrl(), Duration.ofSeconds(2)).book(ORDER, "YP-1:RESULT"))
                    .isInstanceOf(CourierRefusedException.class)
                    .hasMessageContaining("HTTP 422")
                    .hasMessageContaining("收件地址不完整，无法派送");
        }
    }

    @Test
    @DisplayName("R21: a busy platform (429) fails the booking so that the job retries")
    void busyPlatformIsRetried() throws IOException {
        try (CourierPlatformDouble platform = new CourierPlatformDouble(null)) {
            platform.mode.set(CourierPlatformDouble.Mode.BUSY);

            assertThatThrownBy(() ->
                            client(platform.baseUrl(), Duration.ofSeconds(2)).book(ORDER, "YP-1:RESULT"))
                    .isInstanceOf(CourierPlatformException.class)
                    .hasMessageContaining("暂时不能受理");
        }
    }
}
