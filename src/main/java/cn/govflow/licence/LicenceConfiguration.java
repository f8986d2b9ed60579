package cn.govflow.licence;

import cn.govflow.catalog.DepartmentDirectory;
import java.time.Clock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.transaction.PlatformTransactionManager;

@Configuration(proxyBeanMethods = false)
class LicenceConfiguration {

    /**
     * Start-up stops here with a clear message when the keystore is missing outside the demo profile, or when a setting
     * still has the old {@code govflow.license.*} name.
     */
    @Bean
    SigningKeys licenceSigningKeys(LicenceProperties properties, Environment environment) {
        RenamedLicenceKeys.reject(environment);
        return SigningKeys.fromKeystore(properties);
    }

    @Bean
    LicenceService licenceService(
            LicenceRepository register,
            SigningKeys keys,
            LicenceIssuers issuers,
            LicenceTemplates templates,
            DepartmentDirectory departments,
            LicenceProperties properties,
            PlatformTransactionManager transactions,
            Clock clock) {
        return new LicenceService(
                register, keys, issuers, templates, departments, properties.validity(), transactions, clock);
    }
}
