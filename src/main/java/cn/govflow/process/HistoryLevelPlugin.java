package cn.govflow.process;

import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.history.AbstractHistoryLevel;
import org.camunda.bpm.engine.impl.history.HistoryLevel;
import org.camunda.bpm.engine.impl.history.event.HistoryEventType;
import org.camunda.bpm.engine.impl.history.event.HistoryEventTypes;
import org.springframework.stereotype.Component;

/**
 * Registers govflow's history level, {@value #NAME}, chosen by {@code camunda.bpm.history-level} in
 * {@code config/application.yaml}. It writes everything Camunda's {@code full} level writes — process, activity
 * and task history, variable instances with their last value, identity links, incidents, the job log, the
 * user operation log (who changed or cancelled what in Cockpit) and the form fields a clerk submitted — except
 * one row per variable write in {@code ACT_HI_DETAIL}.
 *
 * <p>Those rows were the largest table of a case: the intake sets some 25 variables at start and the models and
 * the case clock about 20 more, and each write cost an insert and, at the end, a removal-time update. Nothing in
 * govflow reads them (Cockpit's community edition shows variable instances, not their write history; the ledger
 * keeps the case's steps), and the benchmark measured the difference (docs/performance.md).
 *
 * <p>Like any history level it is stored in the database when the schema is created, and the engine refuses to
 * start against a database created with another level: a database created with {@code full} keeps {@code full}.
 */
@Component
public class HistoryLevelPlugin extends AbstractProcessEnginePlugin {

    public static final String NAME = "full-without-variable-details";

    /** Above the built-in levels (0 none … 3 full), as Camunda asks of custom levels. */
    public static final int ID = 31;

    public static final HistoryLevel LEVEL = new FullWithoutVariableDetails();

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        List<HistoryLevel> levels = configuration.getCustomHistoryLevels() == null
                ? new ArrayList<>()
                : new ArrayList<>(configuration.getCustomHistoryLevels());
        levels.add(LEVEL);
        configuration.setCustomHistoryLevels(levels);
    }

    static final class FullWithoutVariableDetails extends AbstractHistoryLevel {

        @Override
        public int getId() {
            return ID;
        }

        @Override
        public String getName() {
            return NAME;
        }

        @Override
        public boolean isHistoryEventProduced(HistoryEventType eventType, Object entity) {
            return eventType != HistoryEventTypes.VARIABLE_INSTANCE_UPDATE_DETAIL;
        }
    }
}
