package cn.govflow.calendar;

import static org.assertj.core.api.Assertions.assertThat;

import cn.govflow.support.GovflowIntegrationTest;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Date;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.calendar.BusinessCalendarManager;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.actuate.health.HealthContributorRegistry;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.context.ApplicationContext;

@GovflowIntegrationTest
class CalendarIntegrationTests {

    @Autowired
    ApplicationContext context;

    @Autowired
    ProcessEngine engine;

    @Autowired
    HealthContributorRegistry health;

    @Autowired
    TestRestTemplate rest;

    @AfterEach
    void resetClock() {
        ClockUtil.reset();
    }

    @Test
    @DisplayName("R33: the application's engine reads '20 workdays' and has the 'workdays' business calendar")
    void r33_engineKnowsWorkdays() {
        ClockUtil.setCurrentTime(Date.from(LocalDateTime.of(2026, 2, 10, 10, 0)
                .atZone(WorkdayCalendar.ZONE)
                .toInstant()));
        BusinessCalendarManager calendars =
                ((ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration()).getBusinessCalendarManager();
        Date day20 = WorkdayCalendar.endOfDay(LocalDate.of(2026, 3, 16));

        assertThat(calendars.getBusinessCalendar("duration").resolveDuedate("20 workdays"))
                .isEqualTo(day20);
        assertThat(calendars.getBusinessCalendar("workdays").resolveDuedate("P20D"))
                .isEqualTo(day20);
    }

    @Test
    @DisplayName("R33: the beans of the models' expressions exist under their contract names")
    void r33_expressionBeans() {
        assertThat(context.getBean("workdays")).isInstanceOf(Workdays.class);
        assertThat(context.getBean("caseClock")).isInstanceOf(CaseClock.class);
    }

    @Test
    @DisplayName("R33: /actuator/health has a 'calendar' component listing the covered years")
    void r33_healthComponent() {
        assertThat(health.getContributor("calendar")).isInstanceOf(HealthIndicator.class);
        assertThat(((HealthIndicator) health.getContributor("calendar"))
                        .health()
                        .getDetails())
                .containsKey("coveredYears");

        String forAdmin = rest.withBasicAuth("admin", "admin").getForObject("/actuator/health", String.class);
        assertThat(forAdmin).contains("\"calendar\"").contains("\"coveredYears\":[2020,2021,2022,2023,2024,2025,2026]");
        assertThat(rest.getForObject("/actuator/health", String.class)).doesNotContain("coveredYears");
    }
}
