package cn.govflow.licence;

import static org.assertj.core.api.Assertions.assertThat;

import cn.govflow.catalog.CatalogService;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class LicenceTemplatesTests {

    private final CatalogLicenceTemplates templates = new CatalogLicenceTemplates(CatalogService.fromClasspath());

    @Test
    @DisplayName("R20: the licence name comes from the item catalog")
    void licenceNameFromCatalog() {
        assertThat(templates.forItem("2022-FO-002", "本市户籍人员网上补领居民身份证"))
                .isEqualTo(new LicenceTemplate("居民身份证", "证照", "001"));
    }

    @Test
    @DisplayName("R20: an item outside the catalog takes its licence from its name")
    void licenceNameFromItemName() {
        assertThat(templates.forItem("X-1", "核发《养犬登记证》(补证)")).isEqualTo(new LicenceTemplate("养犬登记证", "证照", "001"));
        assertThat(templates.forItem("X-2", "道路挖掘许可").name()).isEqualTo("道路挖掘许可准予行政许可决定书");
        assertThat(templates.forItem("X-2", "道路挖掘许可").typeNumber()).isEqualTo("002");
    }
}
