package cn.govflow.license;

import cn.govflow.application.UnifiedSocialCreditCode;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;

/**
 * Who defines and who issues each department's licences ({@code config/license/issuers.yaml}): the defining
 * authority's and the issuer's unified social credit codes, checked at start-up.
 */
@Component
class LicenceIssuers {

    static final String LOCATION = "config/license/issuers.yaml";

    record Codes(String authorityCode, String issuerCode) {}

    private final Codes fallback;
    private final Map<String, Codes> departments;

    LicenceIssuers() {
        this(LOCATION);
    }

    LicenceIssuers(String location) {
        record File(Codes fallback, Map<String, Codes> departments) {}
        try (InputStream in = new ClassPathResource(location).getInputStream()) {
            File file = new ObjectMapper(new YAMLFactory()).readValue(in, File.class);
            this.fallback = file.fallback();
            this.departments = Map.copyOf(file.departments());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + location, e);
        }
        check("fallback", fallback);
        departments.forEach(this::check);
    }

    /** The codes configured for a department, or the fallback (the city's licence authority). */
    Codes forDepartment(String departmentCode) {
        return departmentCode == null ? fallback : departments.getOrDefault(departmentCode, fallback);
    }

    private void check(String name, Codes codes) {
        if (codes == null || !UnifiedSocialCreditCode.isValid(codes.authorityCode())
                || !UnifiedSocialCreditCode.isValid(codes.issuerCode())) {
            throw new IllegalStateException(LOCATION + ": " + name
                    + " needs a valid 18-character unified social credit code in authorityCode and issuerCode");
        }
    }
}
