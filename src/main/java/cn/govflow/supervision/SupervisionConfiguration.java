package cn.govflow.supervision;

import java.security.SecureRandom;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration
class SupervisionConfiguration {

    @Bean
    SpotCheckDraw spotCheckDraw(SupervisionProperties properties, SupervisionLedger ledger) {
        // 双随机: nobody can predict or steer which approval is checked.
        return new SpotCheckDraw(properties.spotCheckRate(), new SecureRandom(), ledger::markDrawn);
    }
}
