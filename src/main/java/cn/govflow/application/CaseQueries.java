package cn.govflow.application;

import cn.govflow.catalog.CatalogItem;
import cn.govflow.catalog.CatalogService;
import cn.govflow.catalog.District;
import cn.govflow.ledger.Ledger;
import cn.govflow.ledger.LedgerCase;
import cn.govflow.process.CaseVariables;
import cn.govflow.system.ApiException;
import java.time.Instant;
import java.util.Arrays;
import java.util.Date;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.history.HistoricActivityInstance;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.history.HistoricVariableInstance;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;

/**
 * Reads a case for a caller who may see it: supervisors and admins all, a window its district's, the portal
 * the cases it started, a department (city-/dept-) its department's. Everyone else gets 404, so that a case's
 * existence does not leak.
 */
@Service
class CaseQueries {

    static final int MAX_HITS = 200;
    private static final Set<String> HIDDEN_ACTIVITY_TYPES = Set.of("subProcess", "multiInstanceBody");

    private final CaseRepository cases;
    private final CatalogService catalog;
    private final HistoryService history;
    private final Ledger ledger;

    CaseQueries(CaseRepository cases, CatalogService catalog, HistoryService history, Ledger ledger) {
        this.cases = cases;
        this.catalog = catalog;
        this.history = history;
        this.ledger = ledger;
    }

    CaseView find(String caseNumber, Caller caller) {
        CaseRecord record = cases.find(caseNumber)
                .filter(c -> maySee(caller, c))
                .orElseThrow(() -> ApiException.notFound("caseNumber", "没有编号为 " + caseNumber + " 的办件"));
        return view(record);
    }

    /**
     * 办件查询: cases the caller may see, newest first. {@code item} is part of an item's name or code, {@code
     * district} a district code (yangpu) or name (杨浦区), {@code applicant} part of the applicant's name.
     */
    List<CaseSummary> search(
            String caseNumber, String item, String district, String applicant, int limit, Caller caller) {
        if (limit < 1 || limit > MAX_HITS) {
            throw new ApiException(HttpStatus.BAD_REQUEST, "limit", "Range", "limit 为 1 到 " + MAX_HITS);
        }
        List<String> itemCodes = blank(item)
                ? null
                : catalog.search(null, null, null, item).stream()
                        .map(CatalogItem::code)
                        .toList();
        String districtCode = blank(district) ? null : districtCode(district.strip());
        List<CaseRecord> found = cases.search(
                blank(caseNumber) ? null : caseNumber.strip().toUpperCase(Locale.ROOT),
                itemCodes,
                districtCode,
                blank(applicant) ? null : applicant.strip(),
                caller,
                limit);
        return found.stream().map(this::summary).toList();
    }

    private CaseSummary summary(CaseRecord record) {
        String itemName = catalog.find(record.itemCode()).map(CatalogItem::name).orElse(null);
        String districtName =
                District.fromCode(record.district()).map(District::displayName).orElse(null);
        String status = ledger.find(record.caseNumber())
                .map(c -> LedgerCase.ENDED.equals(c.status()) && c.outcome() != null ? c.outcome() : c.status())
                .orElse(record.status());
        return new CaseSummary(
                record.caseNumber(),
                record.itemCode(),
                itemName,
                record.district(),
                districtName,
                record.applicantName(),
                status,
                record.processInstanceId(),
                record.createdAt());
    }

    private static String districtCode(String district) {
        return Arrays.stream(District.values())
                .filter(d ->
                        d.code().equalsIgnoreCase(district) || d.displayName().equals(district))
                .findFirst()
                .map(District::code)
                .orElseThrow(() -> new ApiException(
                        HttpStatus.BAD_REQUEST,
                        "district",
                        "District",
                        "没有名为 " + district + " 的区（用区代码如 yangpu，或区名如 杨浦区）"));
    }

    private static boolean blank(String text) {
        return text == null || text.isBlank();
    }

    static boolean maySee(Caller caller, CaseRecord c) {
        if (caller.isIn(Caller.SUPERVISOR) || caller.isIn(Caller.ADMIN)) {
            return true;
        }
        if (caller.isIn(Caller.PORTAL) && caller.userId().equals(c.startedBy())) {
            return true;
        }
        if (caller.windowDistricts().contains(c.district())) {
            return true;
        }
        if (caller.cityDepartments().contains(c.department())) {
            return true;
        }
        return caller.districtDepartments().stream()
                .anyMatch(dd ->
                        dd.district().equals(c.district()) && dd.department().equals(c.department()));
    }

    CaseView view(CaseRecord record) {
        String itemName = catalog.find(record.itemCode()).map(CatalogItem::name).orElse(null);
        // After Camunda's history cleanup only the ledger still knows how the case ended.
        String status = ledger.find(record.caseNumber())
                .map(c -> LedgerCase.ENDED.equals(c.status()) && c.outcome() != null ? c.outcome() : "RUNNING")
                .orElse(record.status());
        List<CaseView.Step> current = List.of();
        List<CaseView.TimelineEntry> timeline = List.of();
        if (record.processInstanceId() != null) {
            HistoricProcessInstance instance = history.createHistoricProcessInstanceQuery()
                    .processInstanceId(record.processInstanceId())
                    .singleResult();
            if (instance != null) {
                status = status(instance);
            }
            List<HistoricActivityInstance> activities = history
                    .createHistoricActivityInstanceQuery()
                    .processInstanceId(record.processInstanceId())
                    .orderByHistoricActivityInstanceStartTime()
                    .asc()
                    .orderPartiallyByOccurrence()
                    .asc()
                    .list()
                    .stream()
                    .filter(a -> !HIDDEN_ACTIVITY_TYPES.contains(a.getActivityType()))
                    .toList();
            current = activities.stream()
                    .filter(a -> a.getEndTime() == null)
                    .map(a -> new CaseView.Step(
                            a.getActivityId(),
                            name(a),
                            a.getActivityType(),
                            instant(a.getStartTime()),
                            a.getAssignee()))
                    .toList();
            timeline = activities.stream()
                    .map(a -> new CaseView.TimelineEntry(
                            a.getActivityId(),
                            name(a),
                            a.getActivityType(),
                            instant(a.getStartTime()),
                            instant(a.getEndTime()),
                            a.getAssignee()))
                    .toList();
        }
        return new CaseView(
                record.caseNumber(),
                record.itemCode(),
                itemName,
                record.mode(),
                record.district(),
                record.newTown(),
                record.channel(),
                new CaseView.Applicant(record.applicantType(), record.applicantName(), record.idNumberMasked()),
                status,
                record.processInstanceId(),
                Voucher.of(record),
                record.acceptanceExpectedBy(),
                record.createdAt(),
                current,
                timeline);
    }

    /** RUNNING while the process runs; at the end its {@code outcome} (APPROVED, NOT_ACCEPTED, …). */
    private String status(HistoricProcessInstance instance) {
        if (instance.getEndTime() == null) {
            return "RUNNING";
        }
        HistoricVariableInstance outcome = history.createHistoricVariableInstanceQuery()
                .processInstanceId(instance.getId())
                .variableName(CaseVariables.OUTCOME)
                .singleResult();
        if (outcome != null && outcome.getValue() != null) {
            return outcome.getValue().toString();
        }
        return HistoricProcessInstance.STATE_COMPLETED.equals(instance.getState()) ? "COMPLETED" : "TERMINATED";
    }

    private static String name(HistoricActivityInstance a) {
        return a.getActivityName() != null ? a.getActivityName() : a.getActivityId();
    }

    private static Instant instant(Date date) {
        return date == null ? null : date.toInstant();
    }
}
