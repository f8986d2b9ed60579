package cn.govflow.catalog;

import cn.govflow.system.ConfigFiles;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Optional;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;

/** The department code list of {@code config/catalog/departments.yaml}. */
@Component
public class DepartmentDirectory {

    public static final String LOCATION = "config/catalog/departments.yaml";

    private final List<Department> departments;

    public DepartmentDirectory() {
        this.departments = load();
    }

    public List<Department> all() {
        return departments;
    }

    public Optional<Department> find(String code) {
        return departments.stream().filter(d -> d.code().equals(code)).findFirst();
    }

    private static List<Department> load() {
        try (InputStream in = new ClassPathResource(LOCATION).getInputStream()) {
            return read(in, LOCATION);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + LOCATION, e);
        }
    }

    static List<Department> read(InputStream in, String file) throws IOException {
        record File(List<Department> departments) {}
        return List.copyOf(ConfigFiles.read(in, file, File.class).departments());
    }
}
