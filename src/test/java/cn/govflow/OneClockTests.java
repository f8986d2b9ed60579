package cn.govflow;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import cn.govflow.calendar.EngineClock;
import cn.govflow.calendar.WorkdayCalendar;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Date;

/**
 * One clock and one zone (docs/development.md): "now" is the {@code Clock} bean, the engine's clock, so that a
 * test moving the engine's time moves every time stamp; the Shanghai zone is {@link WorkdayCalendar#ZONE}.
 */
@AnalyzeClasses(packages = "cn.govflow", importOptions = ImportOption.DoNotIncludeTests.class)
class OneClockTests {

    @ArchTest
    static final ArchRule noWallClock = noClasses()
            .that()
            .doNotHaveFullyQualifiedName("cn.govflow.licence.SigningKeys")
            .should()
            .callMethod(Instant.class, "now")
            .orShould()
            .callMethod(LocalDate.class, "now")
            .orShould()
            .callMethod(LocalDateTime.class, "now")
            .orShould()
            .callMethod(OffsetDateTime.class, "now")
            .orShould()
            .callMethod(ZonedDateTime.class, "now")
            .orShould()
            .callMethod(Clock.class, "systemUTC")
            .orShould()
            .callMethod(Clock.class, "systemDefaultZone")
            .orShould()
            .callMethod(Clock.class, "system", ZoneId.class)
            .orShould()
            .callMethod(System.class, "currentTimeMillis")
            .orShould()
            .callConstructor(Date.class)
            .because("the Clock bean (EngineClock) is the one clock; the demo certificate's validity is real time");

    @ArchTest
    static final ArchRule onlyEngineClockReadsClockUtil = noClasses()
            .that()
            .doNotBelongToAnyOf(EngineClock.class)
            .should()
            .dependOnClassesThat()
            .haveFullyQualifiedName("org.camunda.bpm.engine.impl.util.ClockUtil")
            .because("everything else takes the Clock bean or EngineClock.SHANGHAI");

    @ArchTest
    static final ArchRule oneZone = noClasses()
            .that()
            .doNotBelongToAnyOf(WorkdayCalendar.class)
            .should()
            .callMethod(ZoneId.class, "of", String.class)
            .because("the Shanghai zone is WorkdayCalendar.ZONE");
}
