package cn.govflow.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.govflow.system.InvalidConfigurationFileException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CatalogLoaderTests {

    static final String FIXTURES = "classpath*:catalog-fixtures/valid/*.yaml";

    final CatalogLoader loader = new CatalogLoader(new DepartmentDirectory());

    @TempDir
    Path dir;

    @Test
    void readsEveryModeFromTheFixtureCatalog() {
        List<CatalogItem> items = loader.load(FIXTURES);

        assertThat(items)
                .extracting(CatalogItem::code)
                .containsExactly("9999-DI-001", "9999-DI-002", "9999-ER-001", "9999-FO-001");
        CatalogItem online = items.get(3);
        assertThat(online.mode()).isEqualTo(HandlingMode.FULL_ONLINE);
        assertThat(online.department().name()).isEqualTo("市公安局");
        assertThat(online.channels()).containsExactlyInAnyOrder(Channel.ONLINE, Channel.WINDOW);
        assertThat(online.promisedDays()).isEqualTo(5);
        assertThat(online.situation("standard").orElseThrow().required())
                .extracting(Material::code)
                .containsExactly("application-form");
        assertThat(online.delegation()).isNull();
        assertThat(online.entrustedReceipt()).isNull();
    }

    @Test
    @DisplayName("R4: a delegated item's scope holds districts and new towns")
    void r4_scopeHoldsDistrictsAndNewTowns() {
        CatalogItem newTowns = loader.load(FIXTURES).get(1);

        assertThat(newTowns.delegation().scope().newTowns())
                .containsExactlyInAnyOrder(NewTown.SONGJIANG_NEW_TOWN, NewTown.NANHUI_NEW_TOWN);
        assertThat(newTowns.delegation().scope().covers(District.PUDONG, NewTown.NANHUI_NEW_TOWN))
                .isTrue();
        assertThat(newTowns.delegation().scope().covers(District.PUDONG, null)).isFalse();
        assertThat(newTowns.delegation().scope().covers(District.SONGJIANG, NewTown.NANHUI_NEW_TOWN))
                .isFalse();
        assertThat(newTowns.availableIn(District.PUDONG)).isTrue();
        assertThat(newTowns.availableIn(District.JIADING)).isFalse();
    }

    @Test
    @DisplayName("R22: defaults of an item's plan: 20 working days, clock from acceptance, voucher by the centre")
    void r22_defaultsOfThePlan() {
        CatalogItem delegated = loader.load(FIXTURES).get(0);

        assertThat(delegated.promisedDays()).isEqualTo(20);
        assertThat(delegated.clockStartsAt()).isEqualTo(ClockStart.ACCEPTANCE);
        assertThat(delegated.voucherIssuedBy()).isEqualTo(VoucherIssuer.SERVICE_CENTRE);
        assertThat(delegated.commitmentAllowed()).isFalse();
        assertThat(delegated.fee()).isZero();
    }

    @Test
    @DisplayName("R5: entrusted receivers and the correction notes are read")
    void r5_entrustedReceivers() {
        CatalogItem entrusted = loader.load(FIXTURES).get(2);

        assertThat(entrusted.entrustedReceipt().receivers().includes(District.MINHANG))
                .isTrue();
        assertThat(entrusted.entrustedReceipt().receivers().includes(District.XUHUI))
                .isFalse();
        assertThat(entrusted.entrustedReceipt().acceptanceAt()).isEqualTo(AcceptanceAt.CITY_DEPARTMENT);
        assertThat(entrusted.corrections()).containsExactly("测试更正说明");
    }

    @Test
    void skipsFilesWithoutItemsLikeTheDepartmentList() throws IOException {
        write("departments.yaml", "departments:\n  - { code: x, name: y, districtName: z }\n");
        write("a.yaml", item("9999-FO-001", "FULL_ONLINE", "public-security", ""));

        assertThat(loader.load(location())).hasSize(1);
    }

    @Test
    @DisplayName("an unknown district stops loading with the file, item and district named")
    void unknownDistrict() throws IOException {
        write(
                "delegated.yaml",
                item(
                        "9999-DI-001",
                        "DELEGATED",
                        "public-security",
                        "    scope: { districts: [pudong, sonjiang], newTowns: [] }\n    receivingDepartment: 区公安\n"));

        assertThatThrownBy(() -> loader.load(location()))
                .isInstanceOf(InvalidCatalogException.class)
                .hasMessageContaining(
                        "delegated.yaml: item 9999-DI-001: unknown district 'sonjiang' in scope.districts");
    }

    @Test
    void unknownNewTown() throws IOException {
        write(
                "delegated.yaml",
                item(
                        "9999-DI-001",
                        "DELEGATED",
                        "public-security",
                        "    scope: { districts: [], newTowns: [lingang-new-town] }\n    receivingDepartment: 区公安\n"));

        assertThatThrownBy(() -> loader.load(location()))
                .hasMessageContaining("item 9999-DI-001: unknown new town 'lingang-new-town' in scope.newTowns");
    }

    @Test
    void unknownDepartment() throws IOException {
        write("online.yaml", item("9999-FO-001", "FULL_ONLINE", "police", ""));

        assertThatThrownBy(() -> loader.load(location()))
                .hasMessageContaining("online.yaml: item 9999-FO-001: unknown department 'police'");
    }

    @Test
    void duplicateCodeAcrossFiles() throws IOException {
        write("a.yaml", item("9999-FO-001", "FULL_ONLINE", "public-security", ""));
        write("b.yaml", item("9999-FO-001", "FULL_ONLINE", "justice", ""));

        assertThatThrownBy(() -> loader.load(location()))
                .hasMessageContaining("b.yaml: item 9999-FO-001: duplicate code, already used in a.yaml");
    }

    @Test
    @DisplayName("R4: a delegated item without scope is refused")
    void r4_missingScope() throws IOException {
        write("d.yaml", item("9999-DI-001", "DELEGATED", "public-security", "    receivingDepartment: 区公安\n"));

        assertThatThrownBy(() -> loader.load(location()))
                .hasMessageContaining("d.yaml: item 9999-DI-001: DELEGATED item without scope");
    }

    @Test
    @DisplayName("R4: a delegated item with an empty scope is refused")
    void r4_emptyScope() throws IOException {
        write(
                "d.yaml",
                item(
                        "9999-DI-001",
                        "DELEGATED",
                        "public-security",
                        "    scope: { districts: [], newTowns: [] }\n    receivingDepartment: 区公安\n"));

        assertThatThrownBy(() -> loader.load(location())).hasMessageContaining("empty scope");
    }

    @Test
    @DisplayName("R5: an entrusted item without receivers is refused")
    void r5_missingReceivers() throws IOException {
        write("e.yaml", item("9999-ER-001", "ENTRUSTED_RECEIPT", "archives", ""));

        assertThatThrownBy(() -> loader.load(location()))
                .hasMessageContaining("e.yaml: item 9999-ER-001: ENTRUSTED_RECEIPT item without receivers");
    }

    @Test
    void badEnumValue() throws IOException {
        write("a.yaml", item("9999-FO-001", "FULLY_ONLINE", "public-security", ""));

        assertThatThrownBy(() -> loader.load(location()))
                .hasMessageContaining("a.yaml: item 9999-FO-001: bad mode 'FULLY_ONLINE'");
    }

    @Test
    void codeMustFitTheMode() throws IOException {
        write("a.yaml", item("9999-DI-001", "FULL_ONLINE", "public-security", ""));

        assertThatThrownBy(() -> loader.load(location()))
                .hasMessageContaining("code '9999-DI-001' does not fit mode FULL_ONLINE");
    }

    @Test
    void everyProblemIsReportedAtOnce() throws IOException {
        write(
                "a.yaml",
                item("9999-FO-001", "FULL_ONLINE", "police", "")
                        + item("9999-FO-002", "FULL_ONLINE", "public-security", "")
                                .replace("items:\n", "")
                                .replace("channels: [ONLINE]", "channels: [FAX]"));

        assertThatThrownBy(() -> loader.load(location()))
                .isInstanceOfSatisfying(
                        InvalidCatalogException.class,
                        e -> assertThat(e.problems())
                                .hasSize(2)
                                .anySatisfy(p -> assertThat(p).contains("9999-FO-001", "unknown department 'police'"))
                                .anySatisfy(p -> assertThat(p).contains("9999-FO-002", "bad channels 'FAX'")));
    }

    @Test
    void unreadableYamlNamesTheFile() throws IOException {
        write("broken.yaml", "items:\n  - code: [unclosed\n");

        assertThatThrownBy(() -> loader.load(location())).hasMessageContaining("broken.yaml: cannot be read");
    }

    @Test
    @DisplayName("R22: a misspelled key of an item's plan stops loading, naming file, item and key")
    void r22_unknownKeyOfAnItem() throws IOException {
        write("a.yaml", item("9999-FO-001", "FULL_ONLINE", "public-security", "    promisedDay: 5\n"));
        write(
                "b.yaml",
                item("9999-FO-002", "FULL_ONLINE", "public-security", "")
                        .replace("materials: []", "materials:\n          - { code: form, name: 申请表, exmpt: true }"));

        assertThatThrownBy(() -> loader.load(location()))
                .isInstanceOfSatisfying(
                        InvalidCatalogException.class,
                        e -> assertThat(e.problems())
                                .hasSize(2)
                                .anySatisfy(p -> assertThat(p)
                                        .startsWith("a.yaml: item 9999-FO-001: unknown key 'promisedDay'")
                                        .contains("promisedDays"))
                                .anySatisfy(p -> assertThat(p)
                                        .startsWith("b.yaml: item 9999-FO-002: unknown key 'exmpt' at "
                                                + "situations[0].materials[0]")));
    }

    @Test
    @DisplayName("a misspelled top-level key is a problem, not a file silently skipped")
    void unknownTopLevelKey() throws IOException {
        write(
                "a.yaml",
                item("9999-FO-001", "FULL_ONLINE", "public-security", "").replace("items:", "itmes:"));

        assertThatThrownBy(() -> loader.load(location()))
                .isInstanceOfSatisfying(
                        InvalidCatalogException.class,
                        e -> assertThat(e.problems())
                                .containsExactly("a.yaml: unknown key 'itmes' (known keys: departments, items)"));
    }

    @Test
    @DisplayName("a misspelled key in the department list stops loading, naming the file and the key")
    void unknownKeyInTheDepartmentList() {
        var yaml = "departments:\n  - { code: x, name: 市某局, districtNam: 区某局 }\n";

        assertThatThrownBy(() -> DepartmentDirectory.read(
                        new java.io.ByteArrayInputStream(yaml.getBytes(java.nio.charset.StandardCharsets.UTF_8)),
                        "d.yaml"))
                .isInstanceOf(InvalidConfigurationFileException.class)
                .hasMessageContaining("d.yaml: unknown key 'districtNam' at departments[0]");
    }

    @Test
    void theFailureAnalyzerShowsTheProblems() {
        var analysis = new InvalidCatalogFailureAnalyzer()
                .analyze(new IllegalStateException(new InvalidCatalogException(List.of("a.yaml: item X: bad"))));

        assertThat(analysis.getDescription()).contains("a.yaml: item X: bad");
        assertThat(analysis.getAction()).contains("govflow.catalog.location");
    }

    private String location() {
        return dir.toUri() + "*.yaml";
    }

    private void write(String name, String content) throws IOException {
        Files.writeString(dir.resolve(name), content);
    }

    private static String item(String code, String mode, String department, String extra) {
        return """
                items:
                  - code: %s
                    name: 测试
                    department: %s
                    mode: %s
                    applicantTypes: [PERSON]
                    channels: [ONLINE]
                    resultType: NONE
                    situations:
                      - code: standard
                        name: 一般情形
                        materials: []
                """.formatted(code, department, mode) + extra;
    }
}
