package cn.govflow.license;

import cn.govflow.catalog.DepartmentDirectory;
import java.time.Clock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.transaction.PlatformTransactionManager;

@Configuration(proxyBeanMethods = false)
class LicenseConfiguration {

    /** Start-up stops here with a clear message when the keystore is missing outside the demo profile. */
    @Bean
    SigningKeys licenceSigningKeys(LicenseProperties properties) {
        return SigningKeys.fromKeystore(properties);
    }

    @Bean
    LicenseService licenseService(
            LicenceRepository register,
            SigningKeys keys,
            LicenceIssuers issuers,
            LicenceTemplates templates,
            DepartmentDirectory departments,
            LicenseProperties properties,
            PlatformTransactionManager transactions,
            Clock clock) {
        return new LicenseService(
                register, keys, issuers, templates, departments, properties.validity(), transactions, clock);
    }
}
