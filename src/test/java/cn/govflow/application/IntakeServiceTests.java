package cn.govflow.application;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.RETURNS_DEEP_STUBS;
import static org.mockito.Mockito.doAnswer;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import cn.govflow.calendar.EngineClock;
import cn.govflow.calendar.WorkdayCalendar;
import cn.govflow.catalog.AcceptanceAt;
import cn.govflow.catalog.ApplicantType;
import cn.govflow.catalog.CatalogItem;
import cn.govflow.catalog.CatalogService;
import cn.govflow.catalog.Channel;
import cn.govflow.catalog.ClockStart;
import cn.govflow.catalog.Department;
import cn.govflow.catalog.District;
import cn.govflow.catalog.EntrustedReceipt;
import cn.govflow.catalog.HandlingMode;
import cn.govflow.catalog.Material;
import cn.govflow.catalog.Receivers;
import cn.govflow.catalog.ResultType;
import cn.govflow.catalog.Situation;
import cn.govflow.catalog.VoucherIssuer;
import cn.govflow.system.ApiException;
import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.http.HttpStatus;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.SimpleTransactionStatus;

/** The paths of the intake that HTTP tests cannot force, such as losing an idempotency race. */
class IntakeServiceTests {

    static final CatalogItem ITEM = item(true);

    static CatalogItem item(boolean receiptIsAcceptance) {
        return new CatalogItem(
                "9999-ER-001",
                1,
                "测试事项",
                new Department("archives", "市档案局", "区档案局"),
                HandlingMode.ENTRUSTED_RECEIPT,
                Set.of(ApplicantType.PERSON),
                Set.of(Channel.WINDOW),
                5,
                false,
                false,
                receiptIsAcceptance,
                ResultType.PAPER_LICENCE,
                "证明",
                BigDecimal.ZERO,
                ClockStart.RECEIPT,
                VoucherIssuer.SERVICE_CENTRE,
                List.of(new Situation(
                        "standard", "一般情形", List.of(new Material("application-form", "申请表", false, true)))),
                null,
                new EntrustedReceipt(
                        new Receivers(false, Set.of(District.MINHANG), "闵行区档案局"),
                        "收件",
                        AcceptanceAt.CITY_DEPARTMENT,
                        true),
                List.of());
    }

    static final ApplicationRequest REQUEST = new ApplicationRequest(
            "9999-ER-001",
            Channel.WINDOW,
            "minhang",
            null,
            new ApplicationRequest.Applicant(
                    ApplicantType.PERSON, "张三", IdType.RESIDENT_ID, "310104198001011239", null, null),
            "standard",
            List.of(new ApplicationRequest.SuppliedMaterial("application-form", MaterialSource.PAPER)),
            new ApplicationRequest.Delivery(DeliveryMethod.WINDOW_PICKUP, null),
            false);

    static final Caller WINDOW = new Caller("window-minhang", List.of("window-minhang"));

    CatalogService catalog = mock(CatalogService.class);
    CaseRepository cases = mock(CaseRepository.class);
    CaseNumbers numbers = mock(CaseNumbers.class);
    RuntimeService runtime = mock(RuntimeService.class, RETURNS_DEEP_STUBS);
    IntakeService intake;

    @BeforeEach
    void setUp() {
        when(catalog.find("9999-ER-001")).thenReturn(Optional.of(ITEM));
        RepositoryService repository = mock(RepositoryService.class, RETURNS_DEEP_STUBS);
        when(repository
                        .createProcessDefinitionQuery()
                        .processDefinitionKey(anyString())
                        .count())
                .thenReturn(1L);
        PlatformTransactionManager transactions = mock(PlatformTransactionManager.class);
        when(transactions.getTransaction(any())).thenReturn(new SimpleTransactionStatus());
        when(numbers.next(any(), any())).thenReturn("SH-20261123-MH-000002");
        intake = new IntakeService(
                catalog,
                cases,
                numbers,
                WorkdayCalendar.fromClasspath(),
                runtime,
                repository,
                transactions,
                mock(cn.govflow.supervision.DelegationSuspensions.class),
                EngineClock.SHANGHAI);
    }

    @Test
    @DisplayName("losing the race for an Idempotency-Key answers with the winner's case, not an error")
    void losingTheIdempotencyRaceAnswersWithTheWinner() {
        AtomicReference<CaseRecord> winner = new AtomicReference<>();
        doAnswer(call -> {
                    CaseRecord mine = call.getArgument(0);
                    winner.set(new CaseRecord(
                            "SH-20261123-MH-000001",
                            mine.itemCode(),
                            mine.mode(),
                            mine.department(),
                            mine.district(),
                            null,
                            mine.channel(),
                            mine.situation(),
                            mine.applicantType(),
                            mine.applicantName(),
                            mine.idType(),
                            mine.idNumber(),
                            null,
                            null,
                            mine.deliveryMethod(),
                            null,
                            false,
                            "pi-1",
                            "SJ-SH-20261123-MH-000001",
                            mine.voucherIssuedBy(),
                            mine.acceptanceExpectedBy(),
                            mine.startedBy(),
                            mine.idempotencyKey(),
                            mine.requestHash(),
                            mine.createdAt(),
                            "STARTED"));
                    throw new DuplicateKeyException("gf_case_idempotency");
                })
                .when(cases)
                .insert(any(), any());
        when(cases.findByIdempotencyKey("window-minhang", "key-1"))
                .thenReturn(Optional.empty())
                .thenAnswer(call -> Optional.of(winner.get()));

        IntakeService.Started started = intake.start(REQUEST, WINDOW, "key-1");

        assertThat(started.created()).isFalse();
        assertThat(started.record().caseNumber()).isEqualTo("SH-20261123-MH-000001");
    }

    @Test
    @DisplayName("a winner with another body under the same key is a 409")
    void aWinnerWithAnotherBodyIsAConflict() {
        doAnswer(call -> {
                    throw new DuplicateKeyException("gf_case_idempotency");
                })
                .when(cases)
                .insert(any(), any());
        CaseRecord other = new CaseRecord(
                "SH-20261123-MH-000001",
                "9999-ER-001",
                HandlingMode.ENTRUSTED_RECEIPT,
                "archives",
                "minhang",
                null,
                Channel.WINDOW,
                "standard",
                ApplicantType.PERSON,
                "李四",
                IdType.RESIDENT_ID,
                "11010519491231002X",
                null,
                null,
                DeliveryMethod.WINDOW_PICKUP,
                null,
                false,
                "pi-1",
                "SJ-SH-20261123-MH-000001",
                VoucherIssuer.SERVICE_CENTRE,
                null,
                "window-minhang",
                "key-1",
                "another-hash",
                java.time.Instant.now(),
                "STARTED");
        when(cases.findByIdempotencyKey("window-minhang", "key-1"))
                .thenReturn(Optional.empty())
                .thenReturn(Optional.of(other));

        assertThatThrownBy(() -> intake.start(REQUEST, WINDOW, "key-1"))
                .isInstanceOfSatisfying(ApiException.class, e -> {
                    assertThat(e.status()).isEqualTo(HttpStatus.CONFLICT);
                    assertThat(e.field()).isEqualTo("Idempotency-Key");
                });
    }

    @Test
    @DisplayName("a database failure without an Idempotency-Key is not hidden")
    void otherFailuresPropagate() {
        doAnswer(call -> {
                    throw new DuplicateKeyException("gf_case_pk");
                })
                .when(cases)
                .insert(any(), any());

        assertThatThrownBy(() -> intake.start(REQUEST, WINDOW, null)).isInstanceOf(DuplicateKeyException.class);
    }

    @Test
    @DisplayName("R24: where receipt is acceptance, the applicant knows the acceptance at once (R19)")
    void r24_receiptIsAcceptanceDecisionKnownToday() {
        IntakeService.Started started = intake.start(REQUEST, WINDOW, null);

        assertThat(started.created()).isTrue();
        assertThat(started.record().acceptanceExpectedBy())
                .isEqualTo(started.record()
                        .createdAt()
                        .atZone(WorkdayCalendar.ZONE)
                        .toLocalDate());
        verify(cases).setProcessInstanceId(any(), any());
    }

    @Test
    @DisplayName("R19: the applicant is told the acceptance decision comes within 5 working days of the calendar")
    void r19_acceptanceDecisionInFiveWorkingDays() {
        when(catalog.find("9999-ER-001")).thenReturn(Optional.of(item(false)));

        CaseRecord record = intake.start(REQUEST, WINDOW, null).record();

        java.time.LocalDate today =
                record.createdAt().atZone(WorkdayCalendar.ZONE).toLocalDate();
        assertThat(record.acceptanceExpectedBy())
                .isEqualTo(WorkdayCalendar.fromClasspath().addWorkdays(today, 5))
                .isAfterOrEqualTo(today.plusDays(5));
    }

    @Test
    @DisplayName("R4/R6: a window clerk cannot start cases of another district; nothing is stored")
    void windowOfAnotherDistrict() {
        Caller yangpu = new Caller("window-yangpu", List.of("window-yangpu"));

        assertThatThrownBy(() -> intake.start(REQUEST, yangpu, null))
                .isInstanceOfSatisfying(
                        ApiException.class, e -> assertThat(e.status()).isEqualTo(HttpStatus.FORBIDDEN));
        verify(cases, never()).insert(any(), any());
    }
}
