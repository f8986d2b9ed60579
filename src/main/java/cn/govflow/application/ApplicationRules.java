package cn.govflow.application;

import cn.govflow.catalog.CatalogItem;
import cn.govflow.catalog.Channel;
import cn.govflow.catalog.District;
import cn.govflow.catalog.HandlingMode;
import cn.govflow.catalog.Material;
import cn.govflow.catalog.NewTown;
import cn.govflow.catalog.Situation;
import cn.govflow.system.ApiException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.http.HttpStatus;

/**
 * The checks of an application against its item's catalog entry (422 with the rule broken). Runs before
 * anything is stored or started.
 */
final class ApplicationRules {

    private ApplicationRules() {}

    /** @return the business situation applied for */
    static Situation check(CatalogItem item, ApplicationRequest request) {
        District district = District.fromCode(request.district()).orElseThrow();
        NewTown newTown = request.newTown() == null
                ? null
                : NewTown.fromCode(request.newTown()).orElseThrow();

        if (!item.applicantTypes().contains(request.applicant().type())) {
            throw refused(
                    "applicant.type",
                    "R22",
                    "事项「" + item.name() + "」的申请人类型为 " + item.applicantTypes() + "，不受理 "
                            + request.applicant().type());
        }
        if (!item.channels().contains(request.channel())) {
            throw refused(
                    "channel",
                    modeRule(item.mode()),
                    "事项「" + item.name() + "」不能通过 " + request.channel() + " 渠道申请（可用渠道：" + item.channels() + "）");
        }
        if (newTown != null && newTown.district() != district) {
            throw refused("newTown", "R4", newTown.displayName() + "不在" + district.displayName() + "内");
        }
        checkWhere(item, district, newTown);
        if (request.commitment() && !item.commitmentAllowed()) {
            throw refused("commitment", "R29", "事项「" + item.name() + "」不适用告知承诺");
        }
        Deliveries.refusal(item.mode(), item.resultType(), request.delivery().method())
                .ifPresent(refusal -> {
                    throw refused(
                            "delivery.method",
                            refusal.rule(),
                            "事项「" + item.name() + "」" + refusal.reason(),
                            Map.of(
                                    "allowedDeliveryMethods",
                                    Deliveries.allowed(item).stream().sorted().toList()));
                });
        Situation situation = item.situation(request.situation())
                .orElseThrow(() -> refused(
                        "situation",
                        "R11",
                        "事项「" + item.name() + "」没有业务情形 '" + request.situation() + "'（可选："
                                + item.situations().stream()
                                        .map(s -> s.code() + " " + s.name())
                                        .collect(Collectors.joining("、"))
                                + "）"));
        checkMaterials(item, situation, request);
        return situation;
    }

    private static void checkWhere(CatalogItem item, District district, NewTown newTown) {
        if (item.mode() == HandlingMode.DELEGATED && !item.delegation().scope().covers(district, newTown)) {
            String where = newTown == null ? district.displayName() : newTown.displayName();
            String hint =
                    item.delegation().scope().touches(district) && newTown == null ? "；该区只有新城在下放范围内，请填写 newTown" : "";
            throw refused(
                    newTown == null ? "district" : "newTown",
                    "R4",
                    "事项「" + item.name() + "」未下放至" + where + "（下放范围：" + scopeText(item) + "），由市级部门办理" + hint);
        }
        if (item.mode() == HandlingMode.ENTRUSTED_RECEIPT
                && !item.entrustedReceipt().receivers().includes(district)) {
            throw refused(
                    "district",
                    "R5",
                    "事项「" + item.name() + "」不委托" + district.displayName() + "收件（委托收件部门："
                            + item.entrustedReceipt().receivers().name() + "）");
        }
    }

    private static void checkMaterials(CatalogItem item, Situation situation, ApplicationRequest request) {
        Set<String> supplied = new HashSet<>();
        List<String> unknown = new ArrayList<>();
        for (int i = 0; i < request.materials().size(); i++) {
            ApplicationRequest.SuppliedMaterial given = request.materials().get(i);
            Material material = situation.material(given.code()).orElse(null);
            if (material == null) {
                unknown.add(given.code());
                continue;
            }
            if (!supplied.add(given.code())) {
                throw refused("materials[" + i + "].code", "R11", "材料 " + material.name() + " 重复提交");
            }
            if (given.source() == MaterialSource.PAPER && material.exempt()) {
                throw refused(
                        "materials[" + i + "].source",
                        "R8",
                        "「" + material.name() + "」已实现两个免于提交（政府部门核发或可通过数据共享获取），窗口不得收取纸质材料");
            }
            if (given.source() == MaterialSource.PAPER && request.channel() == Channel.ONLINE) {
                throw refused("materials[" + i + "].source", "R1", "网上申请不能提交纸质材料「" + material.name() + "」");
            }
        }
        if (!unknown.isEmpty()) {
            throw refused(
                    "materials",
                    "R11",
                    "业务情形「" + situation.name() + "」不需要这些材料：" + String.join("、", unknown),
                    Map.of("unknownMaterials", unknown));
        }
        List<Material> missing = situation.required().stream()
                .filter(m -> !supplied.contains(m.code()))
                .toList();
        if (!missing.isEmpty()) {
            List<Map<String, Object>> list = missing.stream()
                    .map(m -> {
                        Map<String, Object> entry = new LinkedHashMap<>();
                        entry.put("code", m.code());
                        entry.put("name", m.name());
                        entry.put("paper", m.paper());
                        return entry;
                    })
                    .toList();
            throw refused(
                    "materials",
                    "R11",
                    "材料不全，请一次性补齐以下 " + missing.size() + " 项："
                            + missing.stream().map(Material::name).collect(Collectors.joining("、")),
                    Map.of("missingMaterials", list));
        }
    }

    private static String scopeText(CatalogItem item) {
        List<String> parts = new ArrayList<>();
        item.delegation().scope().districts().stream().sorted().forEach(d -> parts.add(d.displayName()));
        item.delegation().scope().newTowns().stream().sorted().forEach(t -> parts.add(t.displayName()));
        return String.join("、", parts);
    }

    private static String modeRule(HandlingMode mode) {
        return switch (mode) {
            case FULL_ONLINE -> "R1";
            case DELEGATED -> "R2";
            case ENTRUSTED_RECEIPT -> "R3";
        };
    }

    private static ApiException refused(String field, String rule, String detail) {
        return refused(field, rule, detail, Map.of());
    }

    private static ApiException refused(String field, String rule, String detail, Map<String, Object> properties) {
        return new ApiException(HttpStatus.UNPROCESSABLE_ENTITY, field, rule, detail, properties);
    }
}
