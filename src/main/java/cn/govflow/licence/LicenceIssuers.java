package cn.govflow.licence;

import cn.govflow.application.UnifiedSocialCreditCode;
import cn.govflow.catalog.DepartmentDirectory;
import cn.govflow.system.ConfigFiles;
import cn.govflow.system.InvalidConfigurationFileException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;

/**
 * Who defines and who issues each department's licences ({@code config/licence/issuers.yaml}): the defining
 * authority's and the issuer's unified social credit codes, checked at start-up.
 */
@Component
class LicenceIssuers {

    static final String LOCATION = "config/licence/issuers.yaml";

    record Codes(String authorityCode, String issuerCode) {}

    private final Codes fallback;
    private final Map<String, Codes> departments;

    LicenceIssuers() {
        this(LOCATION);
    }

    LicenceIssuers(String location) {
        this(location, new DepartmentDirectory());
    }

    LicenceIssuers(String location, DepartmentDirectory directory) {
        record File(Codes fallback, Map<String, Codes> departments) {}
        try (InputStream in = new ClassPathResource(location).getInputStream()) {
            File file = ConfigFiles.read(in, location, File.class);
            this.fallback = file.fallback();
            this.departments = Map.copyOf(file.departments());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + location, e);
        }
        check("fallback", fallback);
        departments.forEach(this::check);
        // A misspelled department key would silently use the fallback's codes.
        departments.keySet().stream()
                .sorted()
                .filter(code -> directory.find(code).isEmpty())
                .findFirst()
                .ifPresent(code -> {
                    throw new InvalidConfigurationFileException(
                            location,
                            "unknown department '" + code + "' under departments (the keys are the codes of "
                                    + DepartmentDirectory.LOCATION + ")");
                });
    }

    /** The codes configured for a department, or the fallback (the city's licence authority). */
    Codes forDepartment(String departmentCode) {
        return departmentCode == null ? fallback : departments.getOrDefault(departmentCode, fallback);
    }

    private void check(String name, Codes codes) {
        if (codes == null
                || !UnifiedSocialCreditCode.isValid(codes.authorityCode())
                || !UnifiedSocialCreditCode.isValid(codes.issuerCode())) {
            throw new IllegalStateException(LOCATION + ": " + name
                    + " needs a valid 18-character unified social credit code in authorityCode and issuerCode");
        }
    }
}
