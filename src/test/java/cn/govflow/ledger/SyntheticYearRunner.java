package cn.govflow.ledger;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

/**
 * Loads a synthetic year into the ledger at start-up when asked to, never by default. Test-side code (load-test
 * data stays out of the production jar), so it runs with the test classpath:
 * {@code ./mvnw spring-boot:run -Dspring-boot.run.useTestClasspath=true
 * -Dspring-boot.run.arguments=--govflow.ledger.synthetic-year=yangpu-2023}.
 */
@Component
@ConditionalOnProperty("govflow.ledger.synthetic-year")
class SyntheticYearRunner implements ApplicationRunner {

    private final SyntheticYear syntheticYear;
    private final String profile;

    SyntheticYearRunner(
            SyntheticYear syntheticYear,
            @org.springframework.beans.factory.annotation.Value("${govflow.ledger.synthetic-year}") String profile) {
        this.syntheticYear = syntheticYear;
        this.profile = profile;
    }

    @Override
    public void run(ApplicationArguments args) {
        syntheticYear.load(SyntheticYear.Profile.named(profile.trim()));
    }
}
