package cn.govflow.window;

import static org.assertj.core.api.Assertions.assertThat;

import cn.govflow.support.GovflowIntegrationTest;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.CookieManager;
import java.net.HttpCookie;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The desk's login as a browser does it: a session cookie from the form login, a CSRF token from the desk's
 * cookie, the ordinary {@code /api} called with both; non-window users refused with a Chinese page or a
 * ProblemDetail; HTTP Basic callers of {@code /api} unaffected.
 */
@GovflowIntegrationTest
class WindowDeskIntegrationTests {

    private static final String XHR = "XMLHttpRequest";

    @LocalServerPort
    int port;

    final ObjectMapper json = new ObjectMapper();

    @Test
    void theDeskSendsAnonymousVisitorsToItsLoginPageNotToABrowserPrompt() throws Exception {
        Browser browser = new Browser();

        HttpResponse<String> desk = browser.get("/window-desk/", false);
        assertThat(desk.statusCode()).isEqualTo(302);
        assertThat(desk.headers().firstValue("Location").orElseThrow()).endsWith("/window-desk/login.html");
        assertThat(desk.headers().firstValue("WWW-Authenticate")).isEmpty();

        HttpResponse<String> login = browser.get("/window-desk/login.html", false);
        assertThat(login.statusCode()).isEqualTo(200);
        assertThat(login.body()).contains("窗口收件台", "用户名", "密码");

        HttpResponse<String> api = browser.get("/api/windows/minhang/items", true);
        assertThat(api.statusCode()).isEqualTo(401);
        assertThat(api.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/problem+json");
        assertThat(api.headers().firstValue("WWW-Authenticate")).isEmpty();
        assertThat(json.readTree(api.body()).path("detail").asText()).contains("重新登录");
    }

    @Test
    void aWrongPasswordReturnsToTheLoginPage() throws Exception {
        // A user of its own: Camunda delays the next login of a user after a failed one.
        Browser browser = new Browser();
        HttpResponse<String> answer = browser.login("window-chongming", "wrong");

        assertThat(answer.statusCode()).isEqualTo(302);
        assertThat(answer.headers().firstValue("Location").orElseThrow()).endsWith("/window-desk/login.html?error");
    }

    @Test
    @DisplayName(
            "a window clerk logs in, reads the session and starts a case over /api with the desk's session and CSRF token")
    void aWindowClerkWorksTheDeskWithItsSession() throws Exception {
        Browser browser = new Browser();
        HttpResponse<String> login = browser.login("window-minhang", "demo");
        assertThat(login.statusCode()).isEqualTo(302);
        assertThat(login.headers().firstValue("Location").orElseThrow()).endsWith("/window-desk/");

        HttpResponse<String> page = browser.get("/window-desk/", false);
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("<title>窗口收件台</title>");

        JsonNode session =
                json.readTree(browser.get("/window-desk/api/session", true).body());
        assertThat(session.path("userId").asText()).isEqualTo("window-minhang");
        assertThat(session.path("windows").get(0).path("district").asText()).isEqualTo("minhang");
        assertThat(session.path("windows").get(0).path("name").asText()).isEqualTo("闵行区政务服务中心综合窗口");

        HttpResponse<String> items = browser.get("/api/windows/minhang/items?q=2022-ER-002", true);
        assertThat(items.statusCode()).isEqualTo(200);
        assertThat(json.readTree(items.body()).get(0).path("code").asText()).isEqualTo("2022-ER-002");

        String body = application("11010519491231002X");
        HttpResponse<String> withoutToken = browser.post("/api/applications", body, null);
        assertThat(withoutToken.statusCode()).isEqualTo(403);
        assertThat(json.readTree(withoutToken.body()).path("detail").asText()).contains("安全令牌");

        String key = UUID.randomUUID().toString();
        HttpResponse<String> started = browser.post("/api/applications", body, key);
        assertThat(started.statusCode()).as(started.body()).isEqualTo(201);
        String caseNumber = json.readTree(started.body()).path("caseNumber").asText();
        HttpResponse<String> again = browser.post("/api/applications", body, key);
        assertThat(again.statusCode()).isEqualTo(200);
        assertThat(json.readTree(again.body()).path("caseNumber").asText()).isEqualTo(caseNumber);

        HttpResponse<String> timeline = browser.get("/api/applications/" + caseNumber + "/timeline", true);
        assertThat(timeline.statusCode()).isEqualTo(200);

        HttpResponse<String> logout = browser.post("/window-desk/logout", "", null, true);
        assertThat(logout.statusCode()).isEqualTo(302);
        assertThat(logout.headers().firstValue("Location").orElseThrow()).endsWith("/window-desk/login.html?logout");
        assertThat(browser.get("/api/windows/minhang/items", true).statusCode()).isEqualTo(401);
    }

    @Test
    @DisplayName("R11: a missing material through the desk's session is the intake's 422 with every missing material")
    void r11_missingMaterialsThroughTheDesk() throws Exception {
        Browser browser = new Browser();
        browser.login("window-minhang", "demo");
        browser.get("/window-desk/", false);

        HttpResponse<String> refused = browser.post(
                "/api/applications",
                application("11010519491231002X").replace("{\"code\":\"application-form\",\"source\":\"PAPER\"},", ""),
                UUID.randomUUID().toString());

        assertThat(refused.statusCode()).isEqualTo(422);
        JsonNode problem = json.readTree(refused.body());
        assertThat(problem.path("rule").asText()).isEqualTo("R11");
        assertThat(problem.path("missingMaterials").get(0).path("code").asText())
                .isEqualTo("application-form");
    }

    @Test
    @DisplayName(
            "one login per browser: the desk's login opens Tasklist, and a Tasklist login (new session) opens the desk")
    void theDeskAndTheWebappsShareTheLogin() throws Exception {
        Browser desk = new Browser();
        desk.login("window-xuhui", "demo");
        HttpResponse<String> webappUser = desk.get("/camunda/api/admin/auth/user/default", true);
        assertThat(webappUser.statusCode()).isEqualTo(200);
        assertThat(json.readTree(webappUser.body()).path("userId").asText()).isEqualTo("window-xuhui");

        Browser tasklist = new Browser();
        tasklist.get("/camunda/app/tasklist/", false);
        String camundaToken = tasklist.cookie("XSRF-TOKEN");
        HttpResponse<String> login = tasklist.client.send(
                HttpRequest.newBuilder(url("/camunda/api/admin/auth/user/default/login/tasklist"))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .header("X-XSRF-TOKEN", camundaToken)
                        .POST(HttpRequest.BodyPublishers.ofString("username=window-xuhui&password=demo"))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(login.statusCode()).as(login.body()).isEqualTo(200);
        HttpResponse<String> session = tasklist.get("/window-desk/api/session", true);
        assertThat(session.statusCode()).isEqualTo(200);
        assertThat(json.readTree(session.body()).path("userId").asText()).isEqualTo("window-xuhui");
        assertThat(tasklist.get("/window-desk/", false).statusCode()).isEqualTo(200);
    }

    @Test
    void departmentUsersSupervisorsAndThePortalAreRefusedTheDesk() throws Exception {
        for (String user : new String[] {"dept-minhang-archives", "supervisor", "portal"}) {
            Browser browser = new Browser();
            assertThat(browser.login(user, "demo").statusCode()).isEqualTo(302);

            HttpResponse<String> page = browser.get("/window-desk/", false);
            assertThat(page.statusCode()).as(user).isEqualTo(403);
            assertThat(page.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/html");
            assertThat(page.body()).contains("无权使用窗口收件台", user);

            HttpResponse<String> api = browser.get("/window-desk/api/session", true);
            assertThat(api.statusCode()).isEqualTo(403);
            assertThat(json.readTree(api.body()).path("detail").asText()).contains("综合窗口");
            assertThat(browser.get("/api/windows/minhang/items", true).statusCode())
                    .isEqualTo(403);
        }
    }

    @Test
    @DisplayName("HTTP Basic callers of /api are untouched by the desk: stateless, challenged when anonymous")
    void basicCallersAreUnchanged() throws Exception {
        HttpClient client = HttpClient.newHttpClient();
        HttpResponse<String> anonymous =
                client.send(HttpRequest.newBuilder(url("/api/items")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(anonymous.statusCode()).isEqualTo(401);
        assertThat(anonymous.headers().firstValue("WWW-Authenticate").orElseThrow())
                .startsWith("Basic");

        String basic = "Basic "
                + java.util.Base64.getEncoder().encodeToString("window-minhang:demo".getBytes(StandardCharsets.UTF_8));
        HttpResponse<String> items = client.send(
                HttpRequest.newBuilder(url("/api/windows/minhang/items"))
                        .header("Authorization", basic)
                        .header("X-Requested-With", XHR)
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(items.statusCode()).isEqualTo(200);
        assertThat(items.headers().firstValue("Set-Cookie")).isEmpty();
    }

    private static String application(String idNumber) {
        return """
                {"itemCode":"2022-ER-002","channel":"WINDOW","district":"minhang",
                 "applicant":{"type":"PERSON","name":"李四","idType":"RESIDENT_ID","idNumber":"%s"},
                 "situation":"own-record",
                 "materials":[{"code":"application-form","source":"PAPER"},{"code":"id-card","source":"E_LICENCE"}],
                 "delivery":{"method":"WINDOW_PICKUP"},"commitment":false}""".formatted(idNumber);
    }

    private URI url(String path) {
        return URI.create("http://localhost:" + port + path);
    }

    /** Cookies, no redirects followed, the desk's headers: what the desk page's script sends. */
    private final class Browser {
        final CookieManager cookies = new CookieManager();
        final HttpClient client = HttpClient.newBuilder()
                .cookieHandler(cookies)
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();

        HttpResponse<String> get(String path, boolean script) throws IOException, InterruptedException {
            HttpRequest.Builder request = HttpRequest.newBuilder(url(path));
            if (script) {
                request.header("X-Requested-With", XHR).header("Accept", "application/json");
            }
            return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
        }

        HttpResponse<String> login(String user, String password) throws IOException, InterruptedException {
            get("/window-desk/login.html", false);
            String form = "username=" + URLEncoder.encode(user, StandardCharsets.UTF_8) + "&password="
                    + URLEncoder.encode(password, StandardCharsets.UTF_8) + "&_csrf=" + csrf();
            return client.send(
                    HttpRequest.newBuilder(url("/window-desk/login"))
                            .header("Content-Type", "application/x-www-form-urlencoded")
                            .POST(HttpRequest.BodyPublishers.ofString(form))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
        }

        HttpResponse<String> post(String path, String body, String idempotencyKey)
                throws IOException, InterruptedException {
            return post(path, body, idempotencyKey, idempotencyKey != null);
        }

        HttpResponse<String> post(String path, String body, String idempotencyKey, boolean withToken)
                throws IOException, InterruptedException {
            HttpRequest.Builder request = HttpRequest.newBuilder(url(path))
                    .header("X-Requested-With", XHR)
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(body));
            if (withToken) {
                request.header("X-XSRF-TOKEN", csrf());
            }
            if (idempotencyKey != null) {
                request.header("Idempotency-Key", idempotencyKey);
            }
            return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
        }

        String csrf() {
            return cookie("GOVFLOW-DESK-XSRF");
        }

        String cookie(String name) {
            return cookies.getCookieStore().getCookies().stream()
                    .filter(c -> c.getName().equals(name))
                    .map(HttpCookie::getValue)
                    .reduce((first, second) -> second)
                    .orElseThrow();
        }
    }
}
