package cn.govflow.window;

import cn.govflow.application.CaseDirectory;
import cn.govflow.application.CaseRecord;
import cn.govflow.application.Deliveries;
import cn.govflow.application.DeliveryMethod;
import cn.govflow.catalog.ApplicantType;
import cn.govflow.catalog.CatalogItem;
import cn.govflow.catalog.CatalogService;
import cn.govflow.catalog.District;
import cn.govflow.catalog.HandlingMode;
import cn.govflow.catalog.NewTown;
import cn.govflow.catalog.ResultType;
import cn.govflow.ledger.Ledger;
import cn.govflow.ledger.LedgerStep;
import cn.govflow.security.Authorities;
import cn.govflow.security.Groups;
import cn.govflow.supervision.DelegationSuspensions;
import cn.govflow.system.ApiException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * A comprehensive window's view of its work: {@code GET /api/windows/{district}/items} — the items it may
 * receive — and {@code GET /api/windows/{district}/cases} — the cases it received on a day, with their standing
 * in the ledger. For that district's window, supervisors and the admin; everyone else gets 403.
 */
@Tag(name = "综合窗口", description = "窗口收件台所用：本窗口可收件的事项（R1、R4、R5）和今日收件")
@RestController
@RequestMapping("/api/windows/{district}")
class WindowController {

    private final CatalogService catalog;
    private final DelegationSuspensions suspensions;
    private final CaseDirectory cases;
    private final Ledger ledger;
    private final Clock clock;

    WindowController(
            CatalogService catalog,
            DelegationSuspensions suspensions,
            CaseDirectory cases,
            Ledger ledger,
            Clock clock) {
        this.clock = clock;
        this.catalog = catalog;
        this.suspensions = suspensions;
        this.cases = cases;
        this.ledger = ledger;
    }

    /**
     * Full-online items everywhere (R1), delegated items where the district or one of its new towns is in scope
     * (R4) and the delegation is not suspended, entrusted items where the district receives (R5). {@code q}
     * matches name, code or department name.
     */
    @Operation(
            summary = "本窗口可收件的事项",
            description = "全程网办事项各区均可收（R1）；下放事项仅限下放范围内的区或新城（R4），"
                    + "暂停下放的不列；委托收件事项仅限受托收件区（R5）。含办理方式、承诺时限、收费、告知承诺、当场办结、新城和可选送达方式。"
                    + "本区窗口、监管人员和管理员可查，其他人 403。")
    @ApiResponse(responseCode = "200", description = "事项列表")
    @ApiResponse(responseCode = "403", ref = "Forbidden")
    @ApiResponse(responseCode = "404", ref = "NotFound")
    @GetMapping("/items")
    List<ReceivableItem> items(
            @Parameter(description = "区（拼音代码）", example = "minhang") @PathVariable String district,
            @Parameter(description = "按名称、编码或部门名称查找", example = "犬") @RequestParam(required = false) String q,
            @Parameter(description = "部门代码", example = "public-security") @RequestParam(required = false)
                    String department,
            @Parameter(hidden = true) Authentication caller) {
        District where = window(district, caller);
        Set<String> suspended = suspensions.active().stream()
                .filter(s -> s.district().equals(where.code()))
                .map(DelegationSuspensions.Suspension::itemCode)
                .collect(Collectors.toSet());
        String departmentCode = department == null || department.isBlank() ? null : department;
        return catalog.receivableAtWindow(where, departmentCode, q).stream()
                .filter(i -> i.mode() != HandlingMode.DELEGATED || !suspended.contains(i.code()))
                .map(i -> ReceivableItem.of(i, where))
                .toList();
    }

    /** The window's receipts of {@code date} (default today, Shanghai), oldest first, with the ledger's status. */
    @Operation(summary = "今日收件", description = "本窗口某日（默认今天，上海时间）收件的办件，证件号脱敏，状态和当前环节取自办件库。")
    @ApiResponse(responseCode = "200", description = "收件列表，按收件时间")
    @ApiResponse(responseCode = "400", ref = "BadRequest")
    @ApiResponse(responseCode = "403", ref = "Forbidden")
    @ApiResponse(responseCode = "404", ref = "NotFound")
    @GetMapping("/cases")
    List<Receipt> cases(
            @Parameter(description = "区（拼音代码）", example = "minhang") @PathVariable String district,
            @Parameter(description = "日期（YYYY-MM-DD），默认今天", example = "2026-12-06")
                    @RequestParam(required = false)
                    @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
                    LocalDate date,
            @Parameter(hidden = true) Authentication caller) {
        District where = window(district, caller);
        LocalDate day = date == null ? LocalDate.now(clock) : date;
        List<CaseRecord> received = cases.receivedAtWindow(where.code(), day);
        Map<String, Ledger.Standing> standings =
                ledger.standings(received.stream().map(CaseRecord::caseNumber).toList());
        return received.stream()
                .map(c -> Receipt.of(
                        c,
                        catalog.find(c.itemCode()).map(CatalogItem::name).orElse(c.itemCode()),
                        standings.get(c.caseNumber())))
                .toList();
    }

    private static District window(String district, Authentication caller) {
        District where = District.fromCode(district)
                .orElseThrow(() -> new ApiException(
                        HttpStatus.NOT_FOUND, "district", "exists", "未知的区 '" + district + "'（用拼音代码，如 pudong、yangpu）"));
        List<String> groups = Authorities.groupsOf(caller);
        if (!groups.contains(Groups.window(where))
                && !groups.contains(Groups.SUPERVISOR)
                && !groups.contains(Groups.ADMIN)) {
            throw new ApiException(
                    HttpStatus.FORBIDDEN,
                    "district",
                    "window-district",
                    "只有" + where.displayName() + "综合窗口（" + Groups.window(where) + "）可以查看本窗口的事项和收件");
        }
        return where;
    }

    record Choice(String code, String name) {}

    /**
     * One item as the window sees it. {@code newTowns}: the new towns in scope inside this district;
     * {@code newTownRequired}: the district as a whole is not in scope, so the application must name one (R4).
     */
    record ReceivableItem(
            String code,
            String name,
            HandlingMode mode,
            String modeName,
            Choice department,
            Set<ApplicantType> applicantTypes,
            int promisedDays,
            BigDecimal fee,
            boolean commitmentAllowed,
            boolean onTheSpotAllowed,
            boolean receiptIsAcceptance,
            ResultType resultType,
            String licenceName,
            List<Choice> newTowns,
            boolean newTownRequired,
            List<DeliveryMethod> deliveryMethods) {

        static ReceivableItem of(CatalogItem i, District district) {
            List<NewTown> towns =
                    i.mode() == HandlingMode.DELEGATED ? i.delegation().scope().newTownsIn(district) : List.of();
            boolean required = i.mode() == HandlingMode.DELEGATED
                    && !i.delegation().scope().covers(district, null);
            return new ReceivableItem(
                    i.code(),
                    i.name(),
                    i.mode(),
                    i.mode().displayName(),
                    new Choice(i.department().code(), i.department().name()),
                    i.applicantTypes(),
                    i.promisedDays(),
                    i.fee(),
                    i.commitmentAllowed(),
                    i.onTheSpotAllowed(),
                    i.receiptIsAcceptance(),
                    i.resultType(),
                    i.licenceName(),
                    towns.stream()
                            .map(t -> new Choice(t.code(), t.displayName()))
                            .toList(),
                    required,
                    Deliveries.allowed(i).stream().sorted().toList());
        }
    }

    /**
     * A case the window received: who (masked id), what, when, and where it stands in the ledger ({@code status}
     * RUNNING or ENDED, {@code outcome}, the steps it waits in; {@code null} status while the ledger has no row).
     */
    record Receipt(
            String caseNumber,
            String itemCode,
            String itemName,
            HandlingMode mode,
            String newTown,
            String applicantName,
            String applicantIdNumber,
            String receivedBy,
            Instant receivedAt,
            LocalDate acceptanceDecisionExpectedBy,
            String status,
            String outcome,
            List<String> waitingIn) {

        static Receipt of(CaseRecord c, String itemName, Ledger.Standing standing) {
            return new Receipt(
                    c.caseNumber(),
                    c.itemCode(),
                    itemName,
                    c.mode(),
                    c.newTown(),
                    c.applicantName(),
                    c.idNumberMasked(),
                    c.startedBy(),
                    c.createdAt(),
                    c.acceptanceExpectedBy(),
                    standing == null ? null : standing.ledgerCase().status(),
                    standing == null ? null : standing.ledgerCase().outcome(),
                    standing == null
                            ? List.of()
                            : standing.openSteps().stream()
                                    .map(LedgerStep::name)
                                    .distinct()
                                    .toList());
        }
    }
}
