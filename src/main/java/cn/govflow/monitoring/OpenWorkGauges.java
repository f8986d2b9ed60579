package cn.govflow.monitoring;

import cn.govflow.calendar.EngineClock;
import cn.govflow.calendar.WorkdayCalendar;
import cn.govflow.catalog.HandlingMode;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.Tags;
import jakarta.annotation.PreDestroy;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Gauges of the work that is open right now, read from the database every
 * {@code govflow.monitoring.refresh-interval} (default 30 s) rather than at every scrape. Every node reports
 * the same database-wide figures: aggregate them with {@code max}, not {@code sum}.
 * <ul>
 * <li>{@code govflow.cases.open{mode, step}}: running cases of the three models by the activity they wait in
 * (Camunda's runtime executions; a case with two parallel branches counts at both).</li>
 * <li>{@code govflow.cases.overdue{mode}}, {@code govflow.cases.due.soon{mode}}: running undecided cases whose
 * promised decision date (R33, from the case ledger) has passed, or falls within the next 3 working days.</li>
 * <li>{@code govflow.incidents.open{process, activity}} and {@code govflow.incidents.oldest.age{process,
 * activity}} (seconds, counted at scrape time).</li>
 * <li>{@code govflow.jobs.due}: jobs whose due date has come, with retries left and not suspended.</li>
 * </ul>
 */
@Component
public class OpenWorkGauges {

    static final int DUE_SOON_WORKDAYS = 3;
    private static final Logger log = LoggerFactory.getLogger(OpenWorkGauges.class);

    private final JdbcClient jdbc;
    private final WorkdayCalendar calendar;
    private final Duration interval;
    private final MultiGauge openCases;
    private final MultiGauge incidents;
    private final MultiGauge incidentAge;
    private final Map<HandlingMode, AtomicLong> overdue = new EnumMap<>(HandlingMode.class);
    private final Map<HandlingMode, AtomicLong> dueSoon = new EnumMap<>(HandlingMode.class);
    private final AtomicLong jobsDue = new AtomicLong();
    private ScheduledExecutorService scheduler;

    OpenWorkGauges(
            JdbcClient jdbc,
            WorkdayCalendar calendar,
            MeterRegistry registry,
            @Value("${govflow.monitoring.refresh-interval:30s}") Duration interval) {
        this.jdbc = jdbc;
        this.calendar = calendar;
        this.interval = interval;
        this.openCases = MultiGauge.builder("govflow.cases.open")
                .description("办理中的办件（按办理方式和当前环节）")
                .register(registry);
        this.incidents = MultiGauge.builder("govflow.incidents.open")
                .description("未解决的流程事故（incident）")
                .register(registry);
        this.incidentAge = MultiGauge.builder("govflow.incidents.oldest.age")
                .baseUnit("seconds")
                .description("最早一起未解决事故已存在的时长")
                .register(registry);
        for (HandlingMode mode : HandlingMode.values()) {
            overdue.put(mode, new AtomicLong());
            dueSoon.put(mode, new AtomicLong());
            Gauge.builder("govflow.cases.overdue", overdue.get(mode), AtomicLong::get)
                    .description("已超过承诺办结日期仍未作出决定的办件")
                    .tag("mode", mode.name())
                    .register(registry);
            Gauge.builder("govflow.cases.due.soon", dueSoon.get(mode), AtomicLong::get)
                    .description("3 个工作日内到承诺办结日期、尚未作出决定的办件")
                    .tag("mode", mode.name())
                    .register(registry);
        }
        Gauge.builder("govflow.jobs.due", jobsDue, AtomicLong::get)
                .description("已到期待执行的作业（job）")
                .register(registry);
    }

    @EventListener(ApplicationReadyEvent.class)
    void start() {
        scheduler = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "govflow-open-work-gauges");
            thread.setDaemon(true);
            return thread;
        });
        scheduler.scheduleWithFixedDelay(this::refreshQuietly, 0, interval.toMillis(), TimeUnit.MILLISECONDS);
    }

    @PreDestroy
    void stop() {
        if (scheduler != null) {
            scheduler.shutdownNow();
        }
    }

    private void refreshQuietly() {
        try {
            refresh();
        } catch (RuntimeException e) {
            log.warn("open-work gauges not refreshed, the previous values stay: {}", e.toString());
        }
    }

    /** Reads every gauge from the database now (the schedule calls it; tests may too). */
    public synchronized void refresh() {
        Instant now = EngineClock.SHANGHAI.instant();
        openCases.register(openCaseRows(), true);
        refreshDeadlines(LocalDate.ofInstant(now, WorkdayCalendar.ZONE));
        refreshIncidents();
        jobsDue.set(jdbc.sql("select count(*) from ACT_RU_JOB where RETRIES_ > 0 and SUSPENSION_STATE_ = 1"
                        + " and (DUEDATE_ is null or DUEDATE_ <= ?)")
                .param(Timestamp.from(now))
                .query(Long.class)
                .single());
    }

    private List<MultiGauge.Row<?>> openCaseRows() {
        List<MultiGauge.Row<?>> rows = new ArrayList<>();
        jdbc.sql("select d.KEY_ as process_key, e.ACT_ID_ as step, count(*) as cases from ACT_RU_EXECUTION e"
                        + " join ACT_RE_PROCDEF d on d.ID_ = e.PROC_DEF_ID_"
                        + " where e.IS_ACTIVE_ = ? and e.ACT_ID_ is not null group by d.KEY_, e.ACT_ID_")
                .param(true)
                .query((rs, i) -> {
                    String step = rs.getString("step");
                    long cases = rs.getLong("cases");
                    CamundaMetricsPlugin.modeOf(rs.getString("process_key"))
                            .ifPresent(mode -> rows.add(MultiGauge.Row.of(Tags.of("mode", mode, "step", step), cases)));
                    return null;
                })
                .list();
        return rows;
    }

    private void refreshDeadlines(LocalDate today) {
        LocalDate soon = calendar.addWorkdays(today, DUE_SOON_WORKDAYS);
        Map<HandlingMode, long[]> counts = new EnumMap<>(HandlingMode.class);
        for (HandlingMode mode : HandlingMode.values()) {
            counts.put(mode, new long[2]);
        }
        jdbc.sql("select c.mode, c.promised_decision_date from ACT_RU_EXECUTION e"
                        + " join gf_ledger_case c on c.case_number = e.BUSINESS_KEY_"
                        + " where e.PARENT_ID_ is null and e.ID_ = e.PROC_INST_ID_ and c.decided_at is null"
                        + " and c.promised_decision_date is not null")
                .query((rs, i) -> {
                    HandlingMode mode = modeNamed(rs.getString(1));
                    Date promised = rs.getDate(2);
                    if (mode != null) {
                        LocalDate date = promised.toLocalDate();
                        if (date.isBefore(today)) {
                            counts.get(mode)[0]++;
                        } else if (!date.isAfter(soon)) {
                            counts.get(mode)[1]++;
                        }
                    }
                    return null;
                })
                .list();
        counts.forEach((mode, c) -> {
            overdue.get(mode).set(c[0]);
            dueSoon.get(mode).set(c[1]);
        });
    }

    private void refreshIncidents() {
        List<MultiGauge.Row<?>> open = new ArrayList<>();
        List<MultiGauge.Row<?>> age = new ArrayList<>();
        jdbc.sql("select coalesce(d.KEY_, 'none') as process_key, coalesce(i.ACTIVITY_ID_, 'none') as activity,"
                        + " count(*) as incidents, min(i.INCIDENT_TIMESTAMP_) as oldest from ACT_RU_INCIDENT i"
                        + " left join ACT_RE_PROCDEF d on d.ID_ = i.PROC_DEF_ID_"
                        + " group by coalesce(d.KEY_, 'none'), coalesce(i.ACTIVITY_ID_, 'none')")
                .query((rs, i) -> {
                    Tags tags = Tags.of("process", rs.getString("process_key"), "activity", rs.getString("activity"));
                    open.add(MultiGauge.Row.of(tags, rs.getLong("incidents")));
                    Instant oldest = rs.getTimestamp("oldest").toInstant();
                    age.add(MultiGauge.Row.of(
                            tags,
                            () -> Math.max(
                                    0,
                                    Duration.between(oldest, EngineClock.SHANGHAI.instant())
                                            .toSeconds())));
                    return null;
                })
                .list();
        incidents.register(open, true);
        incidentAge.register(age, true);
    }

    private static HandlingMode modeNamed(String name) {
        for (HandlingMode mode : HandlingMode.values()) {
            if (mode.name().equals(name)) {
                return mode;
            }
        }
        return null;
    }
}
