package cn.govflow.courier;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A courier platform in front of the built-in desk, on its own port, that a test can switch: passing requests
 * through, losing the answer after the desk booked (a timeout or cut connection), answering slowly, refusing the
 * order (422 with a ProblemDetail) or being busy (429).
 */
final class CourierPlatformDouble implements AutoCloseable {

    enum Mode {
        PASS,
        LOSE_ANSWER,
        SLOW,
        REFUSE,
        BUSY
    }

    private final HttpServer server;
    private final String target;
    private final HttpClient client = HttpClient.newHttpClient();
    final AtomicReference<Mode> mode = new AtomicReference<>(Mode.PASS);
    volatile long slowMillis = 1000;

    /** @param target the real platform's base URL, or null for a platform that books nothing */
    CourierPlatformDouble(String target) throws IOException {
        this.target = target;
        this.server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", this::handle);
        server.setExecutor(java.util.concurrent.Executors.newCachedThreadPool());
        server.start();
    }

    String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            byte[] body = exchange.getRequestBody().readAllBytes();
            if (mode.get() == Mode.SLOW) {
                sleep(slowMillis);
            }
            int status = 200;
            byte[] answer = "{\"trackingNumber\":\"DOUBLE-1\"}".getBytes();
            if (target != null) {
                HttpRequest.Builder forward = HttpRequest.newBuilder(URI.create(target + exchange.getRequestURI()))
                        .method(exchange.getRequestMethod(), HttpRequest.BodyPublishers.ofByteArray(body));
                for (String header : new String[] {"Authorization", "Idempotency-Key", "Content-Type", "Accept"}) {
                    String value = exchange.getRequestHeaders().getFirst(header);
                    if (value != null) {
                        forward.header(header, value);
                    }
                }
                HttpResponse<byte[]> response = client.send(forward.build(), HttpResponse.BodyHandlers.ofByteArray());
                status = response.statusCode();
                answer = response.body();
            }
            if (mode.get() == Mode.REFUSE) {
                status = 422;
                answer = "{\"status\":422,\"detail\":\"收件地址不完整，无法派送\"}".getBytes(StandardCharsets.UTF_8);
            } else if (mode.get() == Mode.BUSY) {
                status = 429;
                answer = "{\"status\":429,\"detail\":\"busy\"}".getBytes(StandardCharsets.UTF_8);
            }
            if (mode.get() == Mode.LOSE_ANSWER) {
                return; // the connection closes without an answer
            }
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.getResponseHeaders()
                    .add(
                            "X-Seen-Idempotency-Key",
                            String.valueOf(exchange.getRequestHeaders().getFirst("Idempotency-Key")));
            exchange.sendResponseHeaders(status, answer.length);
            exchange.getResponseBody().write(answer);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
