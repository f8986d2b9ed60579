package cn.govflow.licence;

import cn.govflow.calendar.WorkdayCalendar;
import cn.govflow.catalog.DepartmentDirectory;
import java.time.Clock;
import java.time.Instant;
import java.time.Period;
import java.util.UUID;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.jdbc.datasource.init.ResourceDatabasePopulator;

/** A licence register (the gf_licence migrations) in a fresh in-memory H2 database, and services over it. */
final class LicenceRegisterFixture {

    final JdbcTemplate jdbc;
    private final DriverManagerDataSource dataSource;

    LicenceRegisterFixture() {
        dataSource = new DriverManagerDataSource(
                "jdbc:h2:mem:licences-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1;LOCK_TIMEOUT=10000", "sa", "");
        new ResourceDatabasePopulator(
                        new ClassPathResource("db/migration/V20__licence.sql"),
                        new ClassPathResource("db/migration/V60__licence_signature_algorithm.sql"))
                .execute(dataSource);
        jdbc = new JdbcTemplate(dataSource);
    }

    LicenceService service(SigningKeys keys, Instant now) {
        return new LicenceService(
                new LicenceRepository(jdbc),
                keys,
                new LicenceIssuers(),
                new ItemNameLicenceTemplates(),
                new DepartmentDirectory(),
                Period.ofYears(5),
                new DataSourceTransactionManager(dataSource),
                Clock.fixed(now, WorkdayCalendar.ZONE));
    }

    static LicenceService.IssueRequest request(String caseNumber) {
        return new LicenceService.IssueRequest(
                caseNumber,
                "310100-DOG-02",
                "核发《养犬登记证》(补证)",
                "public-security",
                "市公安局",
                "张三",
                "3101**********1234",
                "PERSON",
                "yangpu");
    }
}
