package cn.govflow.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Search over the fixture catalog (invented items 9999-…). */
class CatalogServiceTests {

    final CatalogService catalog =
            new CatalogService(new CatalogLoader(new DepartmentDirectory()).load(CatalogLoaderTests.FIXTURES));

    @Test
    void findsByCode() {
        assertThat(catalog.find("9999-ER-001")).map(CatalogItem::name).hasValue("测试事项（委托收件）只在闵行");
        assertThat(catalog.find("9999-ER-404")).isEmpty();
        assertThat(catalog.find(null)).isEmpty();
    }

    @Test
    void filtersByModeAndDepartment() {
        assertThat(catalog.search(HandlingMode.DELEGATED, null, null, null))
                .extracting(CatalogItem::code)
                .containsExactly("9999-DI-001", "9999-DI-002");
        assertThat(catalog.search(null, "public-security", null, null))
                .extracting(CatalogItem::code)
                .containsExactly("9999-DI-001", "9999-FO-001");
        assertThat(catalog.search(HandlingMode.DELEGATED, "water", null, null))
                .extracting(CatalogItem::code)
                .containsExactly("9999-DI-002");
    }

    @Test
    @DisplayName("R4/R5: a district sees full-online items, delegated items in scope (also via a new town), "
            + "entrusted items it receives")
    void r4_r5_filtersByDistrict() {
        assertThat(catalog.search(null, null, District.PUDONG, null))
                .extracting(CatalogItem::code)
                .containsExactly("9999-DI-001", "9999-DI-002", "9999-FO-001");
        assertThat(catalog.search(null, null, District.SONGJIANG, null))
                .extracting(CatalogItem::code)
                .containsExactly("9999-DI-002", "9999-FO-001");
        assertThat(catalog.search(null, null, District.MINHANG, null))
                .extracting(CatalogItem::code)
                .containsExactly("9999-ER-001", "9999-FO-001");
        assertThat(catalog.search(null, null, District.YANGPU, null))
                .extracting(CatalogItem::code)
                .containsExactly("9999-FO-001");
    }

    @Test
    void searchesTheNameCaseInsensitively() {
        assertThat(catalog.search(null, null, null, "新城"))
                .extracting(CatalogItem::code)
                .containsExactly("9999-DI-002");
        assertThat(catalog.search(null, null, null, "9999-er"))
                .extracting(CatalogItem::code)
                .containsExactly("9999-ER-001");
        assertThat(catalog.search(HandlingMode.FULL_ONLINE, null, null, "闵行")).isEmpty();
    }
}
