package cn.govflow.calendar;

import cn.govflow.catalog.CasePlans;
import java.time.Clock;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The beans BPMN expressions use ({@code workdays} and {@code caseClock}), and govflow's one {@link Clock}. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(CalendarProperties.class)
class CalendarConfiguration {

    /** The engine's clock in Shanghai time: what "now" means everywhere in govflow. */
    @Bean
    Clock clock() {
        return EngineClock.SHANGHAI;
    }

    @Bean
    WorkdayCalendar workdayCalendar() {
        return WorkdayCalendar.fromClasspath();
    }

    @Bean
    Workdays workdays(WorkdayCalendar calendar) {
        return new Workdays(calendar);
    }

    @Bean
    CaseClock caseClock(WorkdayCalendar calendar, CalendarProperties properties, CasePlans casePlan) {
        return new CaseClock(calendar, properties.warningWorkdays(), casePlan);
    }

    @Bean
    Waits waits(Workdays workdays, CalendarProperties properties) {
        return new Waits(workdays, properties.waits());
    }
}
