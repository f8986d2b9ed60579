package cn.govflow.catalog;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where the item catalog is read from: every YAML file matching {@code location} that has a top-level
 * {@code items} list ({@code departments.yaml}, in the same folder, has none and is skipped).
 */
@ConfigurationProperties("govflow.catalog")
record CatalogProperties(
        @DefaultValue(CatalogProperties.DEFAULT_LOCATION) String location) {

    static final String DEFAULT_LOCATION = "classpath*:config/catalog/*.yaml";
}
