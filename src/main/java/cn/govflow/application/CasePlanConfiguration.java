package cn.govflow.application;

import cn.govflow.catalog.CasePlans;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Bean {@code casePlan}: the models read a case's plan from its snapshot in {@code gf_case} (docs/processes.md). */
@Configuration(proxyBeanMethods = false)
class CasePlanConfiguration {

    @Bean
    CasePlans casePlan(CaseRepository cases) {
        return new CasePlans(cases::plan);
    }
}
