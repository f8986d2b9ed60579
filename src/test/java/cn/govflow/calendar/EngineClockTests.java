package cn.govflow.calendar;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Date;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class EngineClockTests {

    @AfterEach
    void resetClock() {
        ClockUtil.reset();
    }

    @Test
    @DisplayName("the Clock bean follows the engine's clock, in Shanghai time")
    void followsTheEngineClock() {
        Instant lateEveningUtc = Instant.parse("2021-03-01T20:30:00Z");
        ClockUtil.setCurrentTime(Date.from(lateEveningUtc));

        assertThat(EngineClock.SHANGHAI.instant()).isEqualTo(lateEveningUtc);
        assertThat(EngineClock.SHANGHAI.date()).isEqualTo(Date.from(lateEveningUtc));
        assertThat(LocalDate.now(EngineClock.SHANGHAI))
                .as("already the 2nd in Shanghai")
                .isEqualTo(LocalDate.of(2021, 3, 2));
        assertThat(LocalDate.now(EngineClock.SHANGHAI.withZone(ZoneOffset.UTC))).isEqualTo(LocalDate.of(2021, 3, 1));
        assertThat(EngineClock.SHANGHAI.withZone(WorkdayCalendar.ZONE)).isSameAs(EngineClock.SHANGHAI);
    }
}
