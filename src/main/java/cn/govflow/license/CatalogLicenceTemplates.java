package cn.govflow.license;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;

/**
 * The licence an item issues, from the item catalog ({@code config/catalog/*.yaml}, field {@code licenceName});
 * items without one fall back to their name ({@link ItemNameLicenceTemplates}).
 */
@Component
class CatalogLicenceTemplates implements LicenceTemplates {

    static final List<String> CATALOG = List.of("config/catalog/full-online.yaml",
            "config/catalog/delegated-implementation.yaml", "config/catalog/entrusted-receipt.yaml");

    private final Map<String, String> licenceNames = new HashMap<>();
    private final LicenceTemplates fallback = new ItemNameLicenceTemplates();

    CatalogLicenceTemplates() {
        ObjectMapper yaml = new ObjectMapper(new YAMLFactory());
        for (String location : CATALOG) {
            ClassPathResource resource = new ClassPathResource(location);
            if (!resource.exists()) {
                continue;
            }
            try (InputStream in = resource.getInputStream()) {
                for (JsonNode item : yaml.readTree(in).path("items")) {
                    if (item.hasNonNull("licenceName")) {
                        licenceNames.put(item.path("code").asText(), item.path("licenceName").asText());
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read " + location, e);
            }
        }
    }

    @Override
    public LicenceTemplate forItem(String itemCode, String itemName) {
        String name = itemCode == null ? null : licenceNames.get(itemCode);
        if (name == null) {
            return fallback.forItem(itemCode, itemName);
        }
        // 批复 and 审核意见 are written approvals; 证, 证明, 执照 are certificates
        boolean approval = name.endsWith("批复") || name.endsWith("意见") || name.endsWith("决定书");
        return approval ? new LicenceTemplate(name, "批准文件", "002") : new LicenceTemplate(name, "证照", "001");
    }
}
