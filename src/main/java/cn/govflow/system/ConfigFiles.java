package cn.govflow.system;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.InputStream;
import java.util.Collection;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * Reads govflow's own YAML files under {@code config/} (catalog, calendar, licence issuers) strictly: a key the
 * file's shape does not know stops the read with {@link InvalidConfigurationFileException} naming the file and
 * the key, so that a misspelled {@code promisedDay:} cannot quietly become a default.
 */
public final class ConfigFiles {

    private ConfigFiles() {}

    /** A YAML mapper that fails on unknown keys (Jackson's default, stated here so nobody turns it off). */
    public static ObjectMapper strictYaml() {
        return new ObjectMapper(new YAMLFactory()).enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
    }

    /**
     * Reads a whole file into {@code type}.
     *
     * @throws InvalidConfigurationFileException on an unknown key
     * @throws IOException when the file cannot be read or parsed otherwise
     */
    public static <T> T read(InputStream in, String file, Class<T> type) throws IOException {
        try {
            return strictYaml().readValue(in, type);
        } catch (UnrecognizedPropertyException e) {
            throw new InvalidConfigurationFileException(file, unknownKey(e));
        }
    }

    /** "unknown key 'promisedDay' at items[3] (known keys: code, fee, …)" for an unknown-key failure. */
    public static String unknownKey(UnrecognizedPropertyException e) {
        String path = path(e);
        return "unknown key '" + e.getPropertyName() + "'" + (path.isEmpty() ? "" : " at " + path)
                + knownKeys(e.getKnownPropertyIds());
    }

    private static String path(UnrecognizedPropertyException e) {
        // The last reference is the unknown key itself; the ones before it say where it sits.
        var references = e.getPath();
        StringBuilder path = new StringBuilder();
        for (JsonMappingException.Reference reference : references.subList(0, Math.max(0, references.size() - 1))) {
            if (reference.getFieldName() != null) {
                path.append(path.isEmpty() ? "" : ".").append(reference.getFieldName());
            } else if (reference.getIndex() >= 0) {
                path.append('[').append(reference.getIndex()).append(']');
            }
        }
        return path.toString();
    }

    private static String knownKeys(Collection<Object> known) {
        if (known == null || known.isEmpty()) {
            return "";
        }
        return " (known keys: "
                + new TreeSet<>(known.stream().map(String::valueOf).toList())
                        .stream().collect(Collectors.joining(", ")) + ")";
    }
}
