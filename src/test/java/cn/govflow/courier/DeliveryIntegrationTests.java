package cn.govflow.courier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import cn.govflow.licence.LicenceService;
import cn.govflow.support.GovflowIntegrationTest;
import java.io.IOException;
import java.net.ServerSocket;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The two delivery delegates as jobs of the running application (test model {@code delivery/delivery-test.bpmn}):
 * a retried or concurrent execution never issues a second licence or books a second shipment; a courier platform
 * that is down fails the job until an incident exists, and the retry after recovery books exactly one shipment.
 */
@GovflowIntegrationTest
class DeliveryIntegrationTests {

    private static final String COURIER_SWITCH = "delivery-test-courier-platform";

    @Autowired
    ApplicationContext context;

    @Autowired
    ConfigurableEnvironment environment;

    @Autowired
    RepositoryService repository;

    @Autowired
    RuntimeService runtime;

    @Autowired
    ManagementService management;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    LicenceService licences;

    @AfterEach
    void restorePlatform() {
        environment.getPropertySources().remove(COURIER_SWITCH);
        DeliveryTestModel.CrashOnce.disarm();
    }

    /** Points the courier client somewhere else, as an operator switching platforms would. */
    private void courierPlatformAt(String baseUrl) {
        environment
                .getPropertySources()
                .addFirst(new MapPropertySource(COURIER_SWITCH, Map.of("govflow.courier.base-url", baseUrl)));
    }

    private static String newCaseNumber() {
        return "IT-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
    }

    private ProcessInstance start(String caseNumber) {
        return DeliveryTestModel.startCase(repository, runtime, caseNumber, "HALL");
    }

    @Test
    @DisplayName(
            "R20: a licence job that crashed after the licence was stored is retried and finds that licence, one row")
    void retryAfterCrashIssuesOneLicence() {
        String caseNumber = newCaseNumber();
        DeliveryTestModel.CrashOnce.arm(caseNumber);

        ProcessInstance instance = start(caseNumber);
        DeliveryTestModel.awaitFailure(management, instance);
        Job crashed = DeliveryTestModel.job(management, instance);
        assertThat(crashed.getExceptionMessage()).contains("simulated crash after Task_IssueLicence");
        String stored = licences.findByCase(caseNumber).orElseThrow().identifier();
        assertThat(runtime.getVariable(instance.getId(), "licenceIdentifier")).isNull();

        management.executeJob(crashed.getId());

        assertThat(runtime.getVariable(instance.getId(), "licenceIdentifier")).isEqualTo(stored);
        assertThat(count("gf_licence", caseNumber)).isOne();
    }

    @Test
    @DisplayName("R20: two concurrent executions of the licence delegate for one case issue one licence")
    void concurrentLicenceDelegatesIssueOneLicence() throws Exception {
        String caseNumber = newCaseNumber();
        JavaDelegate delegate = context.getBean("issueLicenceDelegate", JavaDelegate.class);
        Map<String, Object> variables = Map.of(
                "caseNumber",
                caseNumber,
                "itemCode",
                "310100-DOG-02",
                "itemName",
                "核发《养犬登记证》(补证)",
                "department",
                "public-security",
                "applicantName",
                "张三",
                "applicantIdMasked",
                "3101**********1234",
                "applicantType",
                "PERSON",
                "district",
                "yangpu");
        List<DelegateExecution> executions = List.of(execution(variables), execution(variables));

        runConcurrently(delegate, executions);

        assertThat(count("gf_licence", caseNumber)).isOne();
        String identifier = licences.findByCase(caseNumber).orElseThrow().identifier();
        for (DelegateExecution execution : executions) {
            verify(execution).setVariable("licenceIdentifier", identifier);
        }
    }

    @Test
    @DisplayName("R21: two concurrent executions of the hand-off delegate for one case and purpose book one shipment")
    void concurrentHandOffDelegatesBookOneShipment() throws Exception {
        String caseNumber = newCaseNumber();
        JavaDelegate delegate = context.getBean("handOffToCourierDelegate", JavaDelegate.class);
        Map<String, Object> variables = Map.of(
                "caseNumber",
                caseNumber,
                "courierPurpose",
                "RESULT",
                "courierRecipient",
                "HALL",
                "district",
                "yangpu",
                "department",
                "public-security",
                "departmentName",
                "市公安局",
                "itemName",
                "核发《养犬登记证》(补证)",
                "applicantName",
                "张三");
        List<DelegateExecution> executions = List.of(execution(variables), execution(variables));

        runConcurrently(delegate, executions);

        assertThat(count("gf_courier_desk_shipment", caseNumber)).isOne();
        assertThat(count("gf_shipment", caseNumber)).isOne();
        for (DelegateExecution execution : executions) {
            verify(execution).setVariable("trackingNumber", deskTrackingNumber(caseNumber));
        }
    }

    @Test
    @DisplayName(
            "R21: platform down → the job fails on every retry, an incident appears; platform back → the retry books one shipment")
    void platformDownThenIncidentThenOneShipmentAfterRecovery() throws IOException {
        String caseNumber = newCaseNumber();
        courierPlatformAt("http://127.0.0.1:" + closedPort());

        ProcessInstance instance = start(caseNumber);
        DeliveryTestModel.awaitFailure(management, instance);
        Job handOff = DeliveryTestModel.job(management, instance);
        assertThat(handOff.getExceptionMessage()).contains("统一物流平台");
        int attempts = 1;
        while (DeliveryTestModel.job(management, instance).getRetries() > 0 && attempts < 10) {
            assertThatThrownBy(() -> management.executeJob(handOff.getId())).hasMessageContaining("统一物流平台");
            attempts++;
        }

        assertThat(attempts).as("R3/PT1M: three attempts").isEqualTo(3);
        assertThat(runtime.createIncidentQuery()
                        .processInstanceId(instance.getId())
                        .singleResult()
                        .getIncidentMessage())
                .contains("统一物流平台");
        assertThat(count("gf_courier_desk_shipment", caseNumber)).isZero();

        environment.getPropertySources().remove(COURIER_SWITCH);
        management.setJobRetries(handOff.getId(), 1);
        management.executeJob(handOff.getId());

        assertThat(runtime.createIncidentQuery()
                        .processInstanceId(instance.getId())
                        .count())
                .isZero();
        assertThat(count("gf_courier_desk_shipment", caseNumber)).isOne();
        assertThat(count("gf_shipment", caseNumber)).isOne();
        assertThat(runtime.getVariable(instance.getId(), "trackingNumber")).isEqualTo(deskTrackingNumber(caseNumber));
        assertThat(runtime.createExecutionQuery()
                        .processInstanceId(instance.getId())
                        .activityId(DeliveryTestModel.WAITING_FOR_DELIVERY)
                        .count())
                .isOne();
    }

    @Test
    @DisplayName(
            "R21: the platform booked but its answer was lost → the job fails; the retry gets that booking, not a second one")
    void lostAnswerRetryBooksNoSecondShipment() throws IOException {
        String caseNumber = newCaseNumber();
        try (CourierPlatformDouble platform = new CourierPlatformDouble(
                context.getBean(CourierPlatformClient.class).baseUrl())) {
            platform.mode.set(CourierPlatformDouble.Mode.LOSE_ANSWER);
            courierPlatformAt(platform.baseUrl());

            ProcessInstance instance = start(caseNumber);
            DeliveryTestModel.awaitFailure(management, instance);
            assertThat(count("gf_courier_desk_shipment", caseNumber))
                    .as("booked at the platform")
                    .isOne();
            assertThat(count("gf_shipment", caseNumber))
                    .as("but govflow got no tracking number")
                    .isZero();

            platform.mode.set(CourierPlatformDouble.Mode.PASS);
            management.executeJob(DeliveryTestModel.job(management, instance).getId());

            assertThat(count("gf_courier_desk_shipment", caseNumber)).isOne();
            assertThat(count("gf_shipment", caseNumber)).isOne();
            assertThat(runtime.getVariable(instance.getId(), "trackingNumber"))
                    .isEqualTo(deskTrackingNumber(caseNumber));
        }
    }

    private static DelegateExecution execution(Map<String, Object> variables) {
        DelegateExecution execution = mock(DelegateExecution.class);
        variables.forEach((name, value) -> when(execution.getVariable(name)).thenReturn(value));
        return execution;
    }

    private static void runConcurrently(JavaDelegate delegate, List<DelegateExecution> executions) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(executions.size());
        CountDownLatch start = new CountDownLatch(1);
        List<Future<?>> runs = new ArrayList<>();
        for (DelegateExecution execution : executions) {
            runs.add(pool.submit(() -> {
                start.await();
                delegate.execute(execution);
                return null;
            }));
        }
        start.countDown();
        for (Future<?> run : runs) {
            run.get(60, TimeUnit.SECONDS);
        }
        pool.shutdown();
    }

    private static int closedPort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private String deskTrackingNumber(String caseNumber) {
        return jdbc.queryForObject(
                "select tracking_number from gf_courier_desk_shipment where case_number = ?", String.class, caseNumber);
    }

    private long count(String table, String caseNumber) {
        return jdbc.queryForObject("select count(*) from " + table + " where case_number = ?", Long.class, caseNumber);
    }
}
