package cn.govflow.courier;

import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class CourierConfiguration {

    private static final Logger log = LoggerFactory.getLogger(CourierConfiguration.class);

    /**
     * Without a case register that knows applicants' addresses, a hand-off to the applicant fails with a clear
     * message (an incident after the retries) instead of sending paper to a made-up address.
     */
    @Bean
    @ConditionalOnMissingBean(RecipientAddresses.class)
    RecipientAddresses noApplicantAddresses() {
        log.warn("no case register with applicants' addresses: courier hand-offs to the applicant will fail");
        return caseNumber -> Optional.empty();
    }
}
