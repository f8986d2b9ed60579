package cn.govflow.catalog;

import cn.govflow.system.ConfigFiles;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.core.io.support.ResourcePatternResolver;

/**
 * Reads the catalog files and checks every entry. All problems are collected and reported together, each
 * naming the file, the item and what is wrong, so that one start-up shows everything to correct.
 */
final class CatalogLoader {

    private static final Pattern CODE = Pattern.compile("\\d{4}-(FO|DI|ER)-\\d{3}");
    private static final int DEFAULT_PROMISED_DAYS = 20;

    private final DepartmentDirectory departments;
    private final ResourcePatternResolver resolver;
    /** Keys a catalog file may hold at its top: its items, or the department list ({@link DepartmentDirectory}). */
    private static final Set<String> FILE_KEYS = Set.of("items", "departments");

    /** Strict: an unknown key (a misspelled {@code promisedDay:}) is a problem, not a silent default. */
    private final ObjectMapper yaml = ConfigFiles.strictYaml();

    CatalogLoader(DepartmentDirectory departments) {
        this(departments, new PathMatchingResourcePatternResolver());
    }

    CatalogLoader(DepartmentDirectory departments, ResourcePatternResolver resolver) {
        this.departments = departments;
        this.resolver = resolver;
    }

    /** @throws InvalidCatalogException naming every problem found */
    List<CatalogItem> load(String location) {
        List<String> problems = new ArrayList<>();
        List<CatalogItem> items = new ArrayList<>();
        Map<String, String> fileOfCode = new HashMap<>();
        Resource[] resources;
        try {
            resources = resolver.getResources(location);
        } catch (IOException e) {
            throw new InvalidCatalogException(List.of(location + ": cannot list the catalog files: " + e.getMessage()));
        }
        Arrays.sort(resources, Comparator.comparing(CatalogLoader::fileName));
        for (Resource resource : resources) {
            String file = fileName(resource);
            JsonNode root;
            try (InputStream in = resource.getInputStream()) {
                root = yaml.readTree(in);
            } catch (IOException e) {
                problems.add(file + ": cannot be read: " + e.getMessage());
                continue;
            }
            if (root != null && root.isObject()) {
                root.fieldNames().forEachRemaining(key -> {
                    if (!FILE_KEYS.contains(key)) {
                        problems.add(file + ": unknown key '" + key + "' (known keys: departments, items)");
                    }
                });
            }
            if (root == null || !root.has("items")) {
                continue; // not an item file (departments.yaml)
            }
            if (!root.get("items").isArray()) {
                problems.add(file + ": 'items' must be a list");
                continue;
            }
            int index = 0;
            for (JsonNode node : root.get("items")) {
                index++;
                RawItem raw;
                String label =
                        node.hasNonNull("code") ? "item " + node.get("code").asText() : "item #" + index;
                try {
                    raw = yaml.treeToValue(node, RawItem.class);
                } catch (UnrecognizedPropertyException e) {
                    problems.add(file + ": " + label + ": " + ConfigFiles.unknownKey(e));
                    continue;
                } catch (IOException e) {
                    problems.add(file + ": " + label + ": " + firstLine(e.getMessage()));
                    continue;
                }
                Problems itemProblems = new Problems(file + ": " + label + ": ");
                CatalogItem item = toItem(raw, itemProblems);
                if (raw.code() != null) {
                    String earlier = fileOfCode.putIfAbsent(raw.code(), file);
                    if (earlier != null) {
                        itemProblems.add("duplicate code, already used in " + earlier);
                    }
                }
                if (itemProblems.isEmpty()) {
                    items.add(item);
                } else {
                    problems.addAll(itemProblems.list);
                }
            }
        }
        if (!problems.isEmpty()) {
            throw new InvalidCatalogException(problems);
        }
        items.sort(Comparator.comparing(CatalogItem::code));
        return List.copyOf(items);
    }

    private CatalogItem toItem(RawItem raw, Problems problems) {
        if (isBlank(raw.code())) {
            problems.add("code is missing");
        } else if (!CODE.matcher(raw.code()).matches()) {
            problems.add("code '" + raw.code() + "' does not look like 2022-FO-001 / 2022-DI-001 / 2022-ER-001");
        }
        if (isBlank(raw.name())) {
            problems.add("name is missing");
        }
        HandlingMode mode = required(raw.mode(), "mode", HandlingMode.class, problems);
        if (mode != null
                && raw.code() != null
                && CODE.matcher(raw.code()).matches()
                && !raw.code().contains("-" + mode.codePrefix() + "-")) {
            problems.add("code '" + raw.code() + "' does not fit mode " + mode);
        }
        Department department = null;
        if (isBlank(raw.department())) {
            problems.add("department is missing");
        } else {
            department = departments.find(raw.department()).orElse(null);
            if (department == null) {
                problems.add("unknown department '" + raw.department() + "' (not in config/catalog/departments.yaml)");
            }
        }
        Set<ApplicantType> applicantTypes =
                enumSet(raw.applicantTypes(), "applicantTypes", ApplicantType.class, problems);
        Set<Channel> channels = enumSet(raw.channels(), "channels", Channel.class, problems);
        int promisedDays = raw.promisedDays() == null ? DEFAULT_PROMISED_DAYS : raw.promisedDays();
        if (promisedDays < 0) {
            problems.add("promisedDays must not be negative");
        }
        ResultType resultType = required(raw.resultType(), "resultType", ResultType.class, problems);
        ClockStart clockStart = optional(raw.clockStartsAt(), "clockStartsAt", ClockStart.class, problems)
                .orElse(ClockStart.ACCEPTANCE);
        VoucherIssuer voucher = optional(raw.voucherIssuedBy(), "voucherIssuedBy", VoucherIssuer.class, problems)
                .orElse(mode == HandlingMode.FULL_ONLINE ? VoucherIssuer.ONLINE : VoucherIssuer.SERVICE_CENTRE);
        BigDecimal fee = raw.fee() == null ? BigDecimal.ZERO : raw.fee();
        if (fee.signum() < 0) {
            problems.add("fee must not be negative");
        }
        List<Situation> situations = situations(raw.situations(), problems);

        Delegation delegation = null;
        EntrustedReceipt entrusted = null;
        if (mode == HandlingMode.DELEGATED) {
            delegation = delegation(raw, problems);
        } else if (raw.scope() != null) {
            problems.add("scope is only for DELEGATED items, this one is " + mode);
        }
        if (mode == HandlingMode.ENTRUSTED_RECEIPT) {
            entrusted = entrusted(raw, problems);
        } else if (raw.receivers() != null) {
            problems.add("receivers are only for ENTRUSTED_RECEIPT items, this one is " + mode);
        }
        if (!problems.isEmpty()) {
            return null;
        }
        return new CatalogItem(
                raw.code(),
                raw.seq() == null ? 0 : raw.seq(),
                raw.name(),
                department,
                mode,
                applicantTypes,
                channels,
                promisedDays,
                bool(raw.commitmentAllowed()),
                bool(raw.onTheSpotAllowed()),
                bool(raw.receiptIsAcceptance()),
                resultType,
                raw.licenceName(),
                fee,
                clockStart,
                voucher,
                situations,
                delegation,
                entrusted,
                corrections(raw.corrections()));
    }

    private Delegation delegation(RawItem raw, Problems problems) {
        if (raw.scope() == null) {
            problems.add("DELEGATED item without scope (R4: districts and/or newTowns)");
            return null;
        }
        Set<District> districts =
                codes(raw.scope().districts(), "scope.districts", "district", District::fromCode, problems);
        Set<NewTown> newTowns =
                codes(raw.scope().newTowns(), "scope.newTowns", "new town", NewTown::fromCode, problems);
        if (isEmpty(raw.scope().districts()) && isEmpty(raw.scope().newTowns())) {
            problems.add("DELEGATED item with an empty scope (R4: name at least one district or new town)");
        }
        if (isBlank(raw.receivingDepartment())) {
            problems.add("DELEGATED item without receivingDepartment (R4)");
        }
        return new Delegation(
                raw.delegatedContent(),
                new Scope(districts, newTowns),
                raw.receivingDepartment(),
                raw.supervisionMeasures() == null ? List.of() : raw.supervisionMeasures(),
                bool(raw.escalationAllowed()));
    }

    private EntrustedReceipt entrusted(RawItem raw, Problems problems) {
        RawReceivers receivers = raw.receivers();
        if (receivers == null) {
            problems.add("ENTRUSTED_RECEIPT item without receivers (R5)");
            return null;
        }
        Set<District> districts =
                codes(receivers.districts(), "receivers.districts", "district", District::fromCode, problems);
        boolean all = bool(receivers.allDistricts());
        if (!all && isEmpty(receivers.districts())) {
            problems.add("ENTRUSTED_RECEIPT item whose receivers name no district and not allDistricts (R5)");
        }
        AcceptanceAt acceptanceAt = optional(raw.acceptanceAt(), "acceptanceAt", AcceptanceAt.class, problems)
                .orElse(AcceptanceAt.DISTRICT_DEPARTMENT);
        return new EntrustedReceipt(
                new Receivers(all, districts, receivers.name()),
                raw.receiptContent(),
                acceptanceAt,
                bool(raw.paperMaterials()));
    }

    private List<Situation> situations(List<RawSituation> raws, Problems problems) {
        if (raws == null || raws.isEmpty()) {
            problems.add("no situations: every item needs at least one business situation with its materials (R11)");
            return List.of();
        }
        List<Situation> situations = new ArrayList<>();
        Set<String> codes = new HashSet<>();
        for (RawSituation raw : raws) {
            if (isBlank(raw.code()) || isBlank(raw.name())) {
                problems.add("a situation without code or name");
                continue;
            }
            if (!codes.add(raw.code())) {
                problems.add("duplicate situation code '" + raw.code() + "'");
            }
            List<Material> materials = new ArrayList<>();
            Set<String> materialCodes = new HashSet<>();
            for (RawMaterial m : raw.materials() == null ? List.<RawMaterial>of() : raw.materials()) {
                if (isBlank(m.code()) || isBlank(m.name())) {
                    problems.add("situation '" + raw.code() + "': a material without code or name");
                    continue;
                }
                if (!materialCodes.add(m.code())) {
                    problems.add("situation '" + raw.code() + "': duplicate material code '" + m.code() + "'");
                }
                materials.add(new Material(m.code(), m.name(), bool(m.exempt()), bool(m.paper())));
            }
            situations.add(new Situation(raw.code(), raw.name(), materials));
        }
        return situations;
    }

    private static <T> Set<T> codes(
            List<String> values, String field, String what, Function<String, Optional<T>> lookup, Problems problems) {
        Set<T> result = new LinkedHashSet<>();
        for (String value : values == null ? List.<String>of() : values) {
            Optional<T> found = lookup.apply(value);
            if (found.isEmpty()) {
                problems.add("unknown " + what + " '" + value + "' in " + field);
            } else if (!result.add(found.get())) {
                problems.add(what + " '" + value + "' listed twice in " + field);
            }
        }
        return result;
    }

    private static <E extends Enum<E>> E required(String value, String field, Class<E> type, Problems problems) {
        if (isBlank(value)) {
            problems.add(field + " is missing (one of " + Arrays.toString(type.getEnumConstants()) + ")");
            return null;
        }
        return optional(value, field, type, problems).orElse(null);
    }

    private static <E extends Enum<E>> Optional<E> optional(
            String value, String field, Class<E> type, Problems problems) {
        if (isBlank(value)) {
            return Optional.empty();
        }
        try {
            return Optional.of(Enum.valueOf(type, value));
        } catch (IllegalArgumentException e) {
            problems.add("bad " + field + " '" + value + "' (one of " + Arrays.toString(type.getEnumConstants()) + ")");
            return Optional.empty();
        }
    }

    private static <E extends Enum<E>> Set<E> enumSet(
            List<String> values, String field, Class<E> type, Problems problems) {
        if (values == null || values.isEmpty()) {
            problems.add(field + " is missing (one or more of " + Arrays.toString(type.getEnumConstants()) + ")");
            return Set.of();
        }
        Set<E> result = EnumSet.noneOf(type);
        for (String value : values) {
            optional(value, field, type, problems).ifPresent(result::add);
        }
        return result;
    }

    private static List<String> corrections(JsonNode node) {
        if (node == null || node.isNull()) {
            return List.of();
        }
        List<String> result = new ArrayList<>();
        if (node.isArray()) {
            node.forEach(n -> result.add(n.isTextual() ? n.asText() : n.toString()));
        } else {
            result.add(node.isTextual() ? node.asText() : node.toString());
        }
        return result;
    }

    private static boolean bool(Boolean value) {
        return Boolean.TRUE.equals(value);
    }

    private static boolean isEmpty(List<?> list) {
        return list == null || list.isEmpty();
    }

    private static boolean isBlank(String value) {
        return value == null || value.isBlank();
    }

    private static String fileName(Resource resource) {
        String name = resource.getFilename();
        try {
            String url = resource.getURL().toString();
            int at = url.lastIndexOf("config/catalog/");
            return at >= 0 ? url.substring(at) : (name == null ? url : name);
        } catch (IOException e) {
            return name == null ? resource.getDescription() : name;
        }
    }

    private static String firstLine(String message) {
        int newline = message.indexOf('\n');
        return newline < 0 ? message : message.substring(0, newline);
    }

    private static final class Problems {
        final String prefix;
        final List<String> list = new ArrayList<>();

        Problems(String prefix) {
            this.prefix = prefix;
        }

        void add(String problem) {
            list.add(prefix + problem);
        }

        boolean isEmpty() {
            return list.isEmpty();
        }
    }

    record RawItem(
            String code,
            Integer seq,
            String name,
            String department,
            String mode,
            List<String> applicantTypes,
            List<String> channels,
            Integer promisedDays,
            Boolean commitmentAllowed,
            Boolean onTheSpotAllowed,
            Boolean receiptIsAcceptance,
            String resultType,
            String licenceName,
            BigDecimal fee,
            String clockStartsAt,
            String voucherIssuedBy,
            List<RawSituation> situations,
            String delegatedContent,
            RawScope scope,
            String receivingDepartment,
            List<String> supervisionMeasures,
            Boolean escalationAllowed,
            RawReceivers receivers,
            String receiptContent,
            String acceptanceAt,
            Boolean paperMaterials,
            JsonNode corrections) {}

    record RawSituation(String code, String name, List<RawMaterial> materials) {}

    record RawMaterial(String code, String name, Boolean exempt, Boolean paper) {}

    record RawScope(List<String> districts, List<String> newTowns) {}

    record RawReceivers(Boolean allDistricts, List<String> districts, String name) {}
}
