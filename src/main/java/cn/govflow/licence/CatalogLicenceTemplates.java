package cn.govflow.licence;

import cn.govflow.catalog.CatalogItem;
import cn.govflow.catalog.CatalogService;
import org.springframework.stereotype.Component;

/**
 * The licence an item issues, from the item catalog (field {@code licenceName}); items without one fall back to
 * their name ({@link ItemNameLicenceTemplates}).
 */
@Component
class CatalogLicenceTemplates implements LicenceTemplates {

    private final CatalogService catalog;
    private final LicenceTemplates fallback = new ItemNameLicenceTemplates();

    CatalogLicenceTemplates(CatalogService catalog) {
        this.catalog = catalog;
    }

    @Override
    public LicenceTemplate forItem(String itemCode, String itemName) {
        String name = itemCode == null
                ? null
                : catalog.find(itemCode).map(CatalogItem::licenceName).orElse(null);
        if (name == null) {
            return fallback.forItem(itemCode, itemName);
        }
        // 批复 and 审核意见 are written approvals; 证, 证明, 执照 are certificates
        boolean approval = name.endsWith("批复") || name.endsWith("意见") || name.endsWith("决定书");
        return approval ? new LicenceTemplate(name, "批准文件", "002") : new LicenceTemplate(name, "证照", "001");
    }
}
