package cn.govflow.calendar;

import org.camunda.bpm.engine.impl.calendar.BusinessCalendar;
import org.camunda.bpm.engine.impl.calendar.BusinessCalendarManager;
import org.camunda.bpm.engine.impl.calendar.DueDateBusinessCalendar;
import org.camunda.bpm.engine.impl.calendar.DurationBusinessCalendar;
import org.camunda.bpm.engine.impl.calendar.MapBusinessCalendarManager;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * Teaches the engine working days: timers and task due/follow-up dates may say {@code 20 workdays}, and the
 * business calendar {@code workdays} is registered (see {@link WorkdaysBusinessCalendar}). Picked up by the
 * Camunda starter as a bean; the process tests' {@code process-tests.cfg.xml} creates it without Spring.
 */
@Component
public class WorkdaysPlugin extends AbstractProcessEnginePlugin {

    private final Workdays workdays;

    /** Without Spring: the calendar of {@code config/calendar/china-workdays.yaml} on the classpath. */
    public WorkdaysPlugin() {
        this(WorkdayCalendar.fromClasspath());
    }

    @Autowired
    public WorkdaysPlugin(WorkdayCalendar calendar) {
        this.workdays = new Workdays(calendar);
    }

    @Override
    public void postInit(ProcessEngineConfigurationImpl configuration) {
        BusinessCalendarManager manager = configuration.getBusinessCalendarManager();
        if (!(manager instanceof MapBusinessCalendarManager calendars)) {
            throw new IllegalStateException("the working-day calendar needs Camunda's MapBusinessCalendarManager, "
                    + "found " + manager.getClass().getName());
        }
        calendars.addBusinessCalendar(WorkdaysBusinessCalendar.NAME, WorkdaysBusinessCalendar.named(workdays));
        wrap(calendars, DurationBusinessCalendar.NAME);
        wrap(calendars, DueDateBusinessCalendar.NAME);
    }

    private void wrap(MapBusinessCalendarManager calendars, String name) {
        BusinessCalendar camundas = calendars.getBusinessCalendar(name);
        calendars.addBusinessCalendar(name, WorkdaysBusinessCalendar.wrapping(workdays, camundas));
    }
}
