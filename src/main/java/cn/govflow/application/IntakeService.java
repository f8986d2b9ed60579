package cn.govflow.application;

import static cn.govflow.process.CaseVariables.APPLICANT_ID_MASKED;
import static cn.govflow.process.CaseVariables.APPLICANT_NAME;
import static cn.govflow.process.CaseVariables.APPLICANT_TYPE;
import static cn.govflow.process.CaseVariables.CASE_NUMBER;
import static cn.govflow.process.CaseVariables.CHANNEL;
import static cn.govflow.process.CaseVariables.COMMITMENT;
import static cn.govflow.process.CaseVariables.DEPARTMENT;
import static cn.govflow.process.CaseVariables.DEPARTMENT_NAME;
import static cn.govflow.process.CaseVariables.DISTRICT;
import static cn.govflow.process.CaseVariables.ITEM_CODE;
import static cn.govflow.process.CaseVariables.ITEM_NAME;
import static cn.govflow.process.CaseVariables.LICENCE_REPLACED_PAPER;
import static cn.govflow.process.CaseVariables.MATERIALS_RECEIVED;
import static cn.govflow.process.CaseVariables.MODE;
import static cn.govflow.process.CaseVariables.PLAN_NOTICE;
import static cn.govflow.process.CaseVariables.SITUATION;

import cn.govflow.calendar.WorkdayCalendar;
import cn.govflow.catalog.CasePlan;
import cn.govflow.catalog.CatalogItem;
import cn.govflow.catalog.CatalogService;
import cn.govflow.catalog.District;
import cn.govflow.catalog.HandlingMode;
import cn.govflow.catalog.Material;
import cn.govflow.catalog.Situation;
import cn.govflow.monitoring.CaseLogContext;
import cn.govflow.supervision.DelegationSuspensions;
import cn.govflow.system.ApiException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.variable.Variables;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.springframework.dao.DataAccessException;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Starts a case: checks the caller and the application against the catalog, then records the case and starts
 * the process of the item's mode in one transaction, with the case number as business key.
 */
@Service
class IntakeService {

    /**
     * R19: the applicant is told at receipt when the acceptance decision will be known: five working days of the
     * official calendar (holidays and make-up days included), or today where receipt is acceptance (R24).
     */
    static final int ACCEPTANCE_DECISION_WORKING_DAYS = 5;

    static final String STARTED = "STARTED";

    private static final Logger log = LoggerFactory.getLogger(IntakeService.class);

    private final CatalogService catalog;
    private final CaseRepository cases;
    private final CaseNumbers numbers;
    private final WorkdayCalendar workdays;
    private final RuntimeService runtime;
    private final RepositoryService repository;
    private final TransactionTemplate transaction;
    private final DelegationSuspensions suspensions;
    private final ObjectMapper canonicalJson = new ObjectMapper();
    private final Clock clock;

    IntakeService(
            CatalogService catalog,
            CaseRepository cases,
            CaseNumbers numbers,
            WorkdayCalendar workdays,
            RuntimeService runtime,
            RepositoryService repository,
            PlatformTransactionManager transactionManager,
            DelegationSuspensions suspensions,
            Clock clock) {
        this.suspensions = suspensions;
        this.clock = clock;
        this.catalog = catalog;
        this.cases = cases;
        this.numbers = numbers;
        this.workdays = workdays;
        this.runtime = runtime;
        this.repository = repository;
        this.transaction = new TransactionTemplate(transactionManager);
    }

    /** The case and whether this call created it ({@code false}: an idempotent repeat). */
    record Started(CaseRecord record, boolean created) {}

    /** Only the portal and the windows start cases; a window clerk only in their own district. */
    void checkMayStart(Caller caller, String district) {
        if (caller.isIn(Caller.PORTAL)) {
            return;
        }
        List<String> windows = caller.windowDistricts();
        if (windows.isEmpty()) {
            throw new ApiException(HttpStatus.FORBIDDEN, null, "role", "只有一网通办门户（portal）和综合窗口（window-*）可以申请办件");
        }
        if (district != null && !windows.contains(district)) {
            throw new ApiException(
                    HttpStatus.FORBIDDEN,
                    "district",
                    "window-district",
                    "综合窗口只能为本区（" + String.join("、", windows) + "）收件，不能为 " + district + " 收件");
        }
    }

    Started start(ApplicationRequest request, Caller caller, String idempotencyKey) {
        checkMayStart(caller, request.district());
        String hash = hash(request);
        if (idempotencyKey != null) {
            Optional<CaseRecord> earlier = cases.findByIdempotencyKey(caller.userId(), idempotencyKey);
            if (earlier.isPresent()) {
                return repeat(earlier.get(), hash);
            }
        }
        CatalogItem item = catalog.find(request.itemCode())
                .orElseThrow(() -> ApiException.notFound("itemCode", "事项目录中没有编号为 " + request.itemCode() + " 的事项"));
        Situation situation = ApplicationRules.check(item, request);
        // R4: a spot check found a violation, the item's delegation to this district is suspended until lifted.
        if (item.mode() == HandlingMode.DELEGATED && suspensions.isSuspended(item.code(), request.district())) {
            throw new ApiException(
                    HttpStatus.UNPROCESSABLE_ENTITY, "district", "R4", DelegationSuspensions.REFUSAL_REASON);
        }
        if (repository
                        .createProcessDefinitionQuery()
                        .processDefinitionKey(item.mode().processId())
                        .count()
                == 0) {
            throw new ApiException(
                    HttpStatus.SERVICE_UNAVAILABLE,
                    "itemCode",
                    "deployment",
                    item.mode().displayName() + "流程（" + item.mode().processId() + "）尚未部署，暂不能收件");
        }
        try {
            CaseRecord record =
                    transaction.execute(status -> create(item, situation, request, caller, idempotencyKey, hash));
            try (MDC.MDCCloseable logContext = MDC.putCloseable(CaseLogContext.KEY, record.caseNumber())) {
                log.info(
                        "case {} started: item {} ({}), district {}, channel {}, applicant {} {}, by {}",
                        record.caseNumber(),
                        item.code(),
                        item.mode(),
                        record.district(),
                        record.channel(),
                        record.applicantType(),
                        record.idNumberMasked(),
                        caller.userId());
            }
            return new Started(record, true);
        } catch (DataAccessException e) {
            // A concurrent request with the same Idempotency-Key committed first: answer with its case.
            if (idempotencyKey != null) {
                Optional<CaseRecord> winner = cases.findByIdempotencyKey(caller.userId(), idempotencyKey);
                if (winner.isPresent()) {
                    log.info(
                            "Idempotency-Key of {} taken by a concurrent request: answering with case {}",
                            caller.userId(),
                            winner.get().caseNumber());
                    return repeat(winner.get(), hash);
                }
            }
            throw e;
        }
    }

    private CaseRecord create(
            CatalogItem item,
            Situation situation,
            ApplicationRequest request,
            Caller caller,
            String idempotencyKey,
            String hash) {
        Instant now = clock.instant();
        LocalDate today = LocalDate.ofInstant(now, clock.getZone());
        District district = District.fromCode(request.district()).orElseThrow();
        String caseNumber = numbers.next(today, district);
        LocalDate decisionKnown =
                item.receiptIsAcceptance() ? today : workdays.addWorkdays(today, ACCEPTANCE_DECISION_WORKING_DAYS);
        ApplicationRequest.Applicant applicant = request.applicant();
        CaseRecord record = new CaseRecord(
                caseNumber,
                item.code(),
                item.mode(),
                item.department().code(),
                district.code(),
                request.newTown(),
                request.channel(),
                situation.code(),
                applicant.type(),
                applicant.name(),
                applicant.idType(),
                applicant.idNumber(),
                applicant.phone(),
                applicant.address(),
                request.delivery().method(),
                request.delivery().address(),
                request.commitment(),
                null,
                "SJ-" + caseNumber,
                item.voucherIssuedBy(),
                decisionKnown,
                caller.userId(),
                idempotencyKey,
                hash,
                now,
                STARTED);
        CasePlan plan = CasePlan.of(item);
        cases.insert(record, plan);
        ProcessInstance instance;
        try (MDC.MDCCloseable logContext = MDC.putCloseable(CaseLogContext.KEY, caseNumber)) {
            instance = runtime.createProcessInstanceByKey(item.mode().processId())
                    .businessKey(caseNumber)
                    .setVariables(variables(item, plan, situation, request, record))
                    .execute();
        }
        cases.setProcessInstanceId(caseNumber, instance.getId());
        return record.withProcessInstanceId(instance.getId());
    }

    /**
     * The start variables of docs/processes.md: what forms, Tasklist columns, candidate groups and gateways need.
     * The plan (R22) is not among them: it is in the case row, read through {@code casePlan}; only the entrusted
     * window-receipt form shows it, as one text ({@code planNotice}).
     */
    static Map<String, Object> variables(
            CatalogItem item, CasePlan plan, Situation situation, ApplicationRequest request, CaseRecord record) {
        Map<String, Object> v = new LinkedHashMap<>();
        v.put(CASE_NUMBER, record.caseNumber());
        v.put(ITEM_CODE, item.code());
        v.put(ITEM_NAME, item.name());
        // Transient (read as the case starts — the ledger, full-online's channel gateway — never again, and kept in
        // the case row): mode, channel, applicantType, licenceReplacedPaper.
        v.put(MODE, Variables.stringValue(item.mode().name(), true));
        v.put(DEPARTMENT, item.department().code());
        v.put(DEPARTMENT_NAME, item.department().name());
        v.put(DISTRICT, record.district());
        v.put(CHANNEL, Variables.stringValue(request.channel().name(), true));
        v.put(APPLICANT_NAME, request.applicant().name());
        v.put(APPLICANT_ID_MASKED, record.idNumberMasked());
        v.put(APPLICANT_TYPE, Variables.stringValue(request.applicant().type().name(), true));
        // Full-online's gateways ask it after acceptance; the other models never do.
        boolean commitment = request.commitment() && item.commitmentAllowed();
        v.put(COMMITMENT, Variables.booleanValue(commitment, item.mode() != HandlingMode.FULL_ONLINE));
        v.put(SITUATION, situation.name());
        v.put(MATERIALS_RECEIVED, materialsReceived(situation, request));
        v.put(
                LICENCE_REPLACED_PAPER,
                Variables.booleanValue(
                        request.materials().stream().anyMatch(m -> m.source() == MaterialSource.E_LICENCE), true));
        if (item.mode() == HandlingMode.ENTRUSTED_RECEIPT) {
            v.put(PLAN_NOTICE, plan.notice());
        }
        return v;
    }

    /** One material per line: "申请表（上传）". */
    static String materialsReceived(Situation situation, ApplicationRequest request) {
        return request.materials().stream()
                .map(given -> {
                    String name =
                            situation.material(given.code()).map(Material::name).orElse(given.code());
                    return name + "（"
                            + switch (given.source()) {
                                case UPLOAD -> "上传";
                                case E_LICENCE -> "电子证照";
                                case PAPER -> "纸质";
                            }
                            + "）";
                })
                .collect(Collectors.joining("\n"));
    }

    private static Started repeat(CaseRecord earlier, String hash) {
        if (!hash.equals(earlier.requestHash())) {
            throw new ApiException(
                    HttpStatus.CONFLICT,
                    "Idempotency-Key",
                    "idempotency",
                    "该 Idempotency-Key 已用于另一份不同的申请（办件 " + earlier.caseNumber() + "）");
        }
        return new Started(earlier, false);
    }

    private String hash(ApplicationRequest request) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest(canonicalJson.writeValueAsString(request).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (JsonProcessingException | NoSuchAlgorithmException e) {
            throw new IllegalStateException("cannot hash the request", e);
        }
    }
}
