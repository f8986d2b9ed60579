package cn.govflow.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The real catalog of {@code config/catalog/} against the annexes of 沪府办字〔2022〕16号: 49 full-online
 * (annex 1), 37 delegated (annex 2) and 6 entrusted-receipt items (annex 3), and each department's count,
 * counted by hand from the annex tables.
 */
class RealCatalogTests {

    static List<CatalogItem> items;

    @BeforeAll
    static void load() {
        items = new CatalogLoader(new DepartmentDirectory()).load(CatalogProperties.DEFAULT_LOCATION);
    }

    @Test
    @DisplayName("49 / 37 / 6 items, 92 in all, as the notice says")
    void countsPerMode() {
        assertThat(count(HandlingMode.FULL_ONLINE)).isEqualTo(49);
        assertThat(count(HandlingMode.DELEGATED)).isEqualTo(37);
        assertThat(count(HandlingMode.ENTRUSTED_RECEIPT)).isEqualTo(6);
        assertThat(items).hasSize(92);
    }

    @Test
    @DisplayName("annex 1: items per department")
    void annex1_departments() {
        assertThat(perDepartment(HandlingMode.FULL_ONLINE))
                .isEqualTo(new TreeMap<>(Map.of(
                        "public-security", 13L,
                        "justice", 2L,
                        "water", 1L,
                        "market-regulation", 27L,
                        "medical-insurance", 1L,
                        "civil-defense", 2L,
                        "housing", 2L,
                        "intellectual-property", 1L)));
    }

    @Test
    @DisplayName("annex 2: items per department (no. 15, 市政府 handled by 市水务局, counts for water)")
    void annex2_departments() {
        Map<String, Long> expected = new TreeMap<>();
        expected.put("development-reform", 2L);
        expected.put("science-technology", 1L);
        expected.put("ethnic-religious", 1L);
        expected.put("public-security", 4L);
        expected.put("justice", 1L);
        expected.put("housing-construction", 1L);
        expected.put("transport", 3L);
        expected.put("agriculture", 1L);
        expected.put("water", 5L);
        expected.put("culture-tourism", 6L);
        expected.put("health", 2L);
        expected.put("emergency", 3L);
        expected.put("road-transport", 5L);
        expected.put("drug-regulation", 1L);
        expected.put("film", 1L);
        assertThat(perDepartment(HandlingMode.DELEGATED)).isEqualTo(expected);
    }

    @Test
    @DisplayName("annex 3: items per department")
    void annex3_departments() {
        assertThat(perDepartment(HandlingMode.ENTRUSTED_RECEIPT))
                .isEqualTo(new TreeMap<>(Map.of(
                        "justice", 1L,
                        "archives", 1L,
                        "disabled-persons", 4L)));
    }

    @Test
    @DisplayName("codes run in annex order without gaps: 2022-FO-001…049, 2022-DI-001…037, 2022-ER-001…006")
    void codesInAnnexOrder() {
        assertThat(codes(HandlingMode.FULL_ONLINE)).isEqualTo(expectedCodes("FO", 49));
        assertThat(codes(HandlingMode.DELEGATED)).isEqualTo(expectedCodes("DI", 37));
        assertThat(codes(HandlingMode.ENTRUSTED_RECEIPT)).isEqualTo(expectedCodes("ER", 6));
    }

    @Test
    @DisplayName("R4/R5: the items the issue names have the scope and receivers of the annexes")
    void r4_r5_namedItems() {
        CatalogItem di007 = find("2022-DI-007");
        assertThat(di007.name()).contains("大型群众性活动安全管理许可证");
        assertThat(di007.delegation().scope().districts()).containsExactly(District.PUDONG);
        assertThat(di007.delegation().scope().newTowns()).isEmpty();

        CatalogItem er002 = find("2022-ER-002");
        assertThat(er002.name()).isEqualTo("婚姻登记档案查询");
        assertThat(er002.entrustedReceipt().receivers().allDistricts()).isFalse();
        assertThat(er002.entrustedReceipt().receivers().districts()).containsExactly(District.MINHANG);

        // 医疗广告审查: all 16 districts once "奉明区" is read as 崇明区.
        assertThat(find("2022-DI-026").delegation().scope().districts()).contains(District.CHONGMING);
        assertThat(find("2022-ER-001").entrustedReceipt().receivers().allDistricts())
                .isTrue();
        // 机动车驾驶资格注销、恢复驾驶资格: the five new towns only.
        assertThat(find("2022-DI-005").delegation().scope().newTowns()).hasSize(5);
        assertThat(find("2022-DI-005").delegation().scope().districts()).isEmpty();
    }

    private static CatalogItem find(String code) {
        return items.stream().filter(i -> i.code().equals(code)).findFirst().orElseThrow();
    }

    private static long count(HandlingMode mode) {
        return items.stream().filter(i -> i.mode() == mode).count();
    }

    private static Map<String, Long> perDepartment(HandlingMode mode) {
        return items.stream()
                .filter(i -> i.mode() == mode)
                .collect(Collectors.groupingBy(i -> i.department().code(), TreeMap::new, Collectors.counting()));
    }

    private static List<String> codes(HandlingMode mode) {
        return items.stream()
                .filter(i -> i.mode() == mode)
                .map(CatalogItem::code)
                .sorted()
                .toList();
    }

    private static List<String> expectedCodes(String prefix, int n) {
        return java.util.stream.IntStream.rangeClosed(1, n)
                .mapToObj(i -> "2022-%s-%03d".formatted(prefix, i))
                .toList();
    }
}
