package cn.govflow.catalog;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Service;

/**
 * The item catalog (事项目录), read and validated once at start-up: a bad entry stops the application with a
 * message naming the file, the item and the problem. The one entry point other features use.
 */
@Service
public class CatalogService {

    private static final Logger log = LoggerFactory.getLogger(CatalogService.class);

    private final List<CatalogItem> items;
    private final Map<String, CatalogItem> byCode;

    @Autowired
    CatalogService(DepartmentDirectory departments, CatalogProperties properties) {
        this(new CatalogLoader(departments).load(properties.location()));
        log.info("item catalog from {}: {} items ({})", properties.location(), items.size(), countsByMode());
    }

    CatalogService(List<CatalogItem> items) {
        this.items = List.copyOf(items);
        this.byCode = items.stream().collect(Collectors.toUnmodifiableMap(CatalogItem::code, Function.identity()));
    }

    /** The catalog at its default location, for code that runs without Spring (tests, tools). */
    public static CatalogService fromClasspath() {
        return new CatalogService(
                new CatalogLoader(new DepartmentDirectory()).load(CatalogProperties.DEFAULT_LOCATION));
    }

    public List<CatalogItem> all() {
        return items;
    }

    public Optional<CatalogItem> find(String code) {
        return Optional.ofNullable(code == null ? null : byCode.get(code));
    }

    /**
     * Items matching every given filter ({@code null} = any). {@code district}: full-online items match every
     * district, delegated items where the district or one of its new towns is in scope (R4), entrusted items
     * where the district receives (R5). {@code q}: case-insensitive text in the name, the code or the
     * department's name.
     */
    public List<CatalogItem> search(HandlingMode mode, String department, District district, String q) {
        String text = q == null || q.isBlank() ? null : q.strip().toLowerCase(Locale.ROOT);
        return items.stream()
                .filter(i -> mode == null || i.mode() == mode)
                .filter(i -> department == null || i.department().code().equals(department))
                .filter(i -> district == null || i.availableIn(district))
                .filter(i -> text == null
                        || i.name().toLowerCase(Locale.ROOT).contains(text)
                        || i.code().toLowerCase(Locale.ROOT).contains(text)
                        || i.department().name().toLowerCase(Locale.ROOT).contains(text))
                .toList();
    }

    /**
     * The items a district's comprehensive window may receive (R6 无差别受理), matching {@code q} as in
     * {@link #search}: those {@link CatalogItem#availableIn available} in the district that have the window channel.
     */
    public List<CatalogItem> receivableAtWindow(District district, String department, String q) {
        return search(null, department, district, q).stream()
                .filter(i -> i.channels().contains(Channel.WINDOW))
                .toList();
    }

    private Map<HandlingMode, Long> countsByMode() {
        return items.stream().collect(Collectors.groupingBy(CatalogItem::mode, Collectors.counting()));
    }
}
