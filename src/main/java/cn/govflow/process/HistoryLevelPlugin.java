package cn.govflow.process;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.camunda.bpm.engine.ActivityTypes;
import org.camunda.bpm.engine.impl.bpmn.helper.BpmnProperties;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.history.AbstractHistoryLevel;
import org.camunda.bpm.engine.impl.history.HistoryLevel;
import org.camunda.bpm.engine.impl.history.event.HistoryEventType;
import org.camunda.bpm.engine.impl.history.event.HistoryEventTypes;
import org.camunda.bpm.engine.impl.pvm.process.ActivityImpl;
import org.camunda.bpm.engine.impl.pvm.runtime.PvmExecutionImpl;
import org.springframework.stereotype.Component;

/**
 * Registers govflow's history level, {@value #NAME}, chosen by {@code camunda.bpm.history-level} in
 * {@code config/application.yaml}. It writes everything Camunda's {@code full} level writes — process, activity
 * and task history, variable instances with their last value, identity links, incidents, the job log, the
 * user operation log (who changed or cancelled what in Cockpit) and the form fields a clerk submitted — except:
 *
 * <ul>
 *   <li>one row per variable write in {@code ACT_HI_DETAIL} (ADR 0009). Those rows were the largest table of a
 *       case, and nothing reads them: Cockpit's community edition shows variable instances, not their write
 *       history;
 *   <li>the activity history of gateways that never wait — exclusive, inclusive, parallel and complex gateways
 *       (ADR 0052). They are no wait states: a case passes them in the transaction that reaches them (a joining
 *       parallel gateway only holds the earlier branches until the last one arrives), and each pass cost an insert
 *       and an update. The clerks' answers that decide them are kept as variables and in the ledger, and the step
 *       that follows a gateway says which way the case went. Event-based gateways, which wait, keep their history.
 * </ul>
 *
 * <p>Like any history level it is stored in the database when the schema is created, by its id, and the engine
 * refuses to start against a database created with another id: a database created with {@code full} keeps
 * {@code full}. The id {@value #ID} is the one the level had when it was named {@code
 * full-without-variable-details}, so databases created then start with it.
 */
@Component
public class HistoryLevelPlugin extends AbstractProcessEnginePlugin {

    public static final String NAME = "govflow";

    /** Above the built-in levels (0 none … 3 full), as Camunda asks of custom levels. */
    public static final int ID = 31;

    public static final HistoryLevel LEVEL = new GovflowHistoryLevel();

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        List<HistoryLevel> levels = configuration.getCustomHistoryLevels() == null
                ? new ArrayList<>()
                : new ArrayList<>(configuration.getCustomHistoryLevels());
        levels.add(LEVEL);
        configuration.setCustomHistoryLevels(levels);
    }

    /** The gateways that pass a case on in the transaction that reached them (BPMN property {@code type}). */
    static final Set<String> PASS_THROUGH_GATEWAYS = Set.of(
            ActivityTypes.GATEWAY_EXCLUSIVE,
            ActivityTypes.GATEWAY_INCLUSIVE,
            ActivityTypes.GATEWAY_PARALLEL,
            ActivityTypes.GATEWAY_COMPLEX);

    static final class GovflowHistoryLevel extends AbstractHistoryLevel {

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
            if (eventType == HistoryEventTypes.VARIABLE_INSTANCE_UPDATE_DETAIL) {
                return false;
            }
            if (eventType == HistoryEventTypes.ACTIVITY_INSTANCE_START
                    || eventType == HistoryEventTypes.ACTIVITY_INSTANCE_END) {
                // Asked without an entity when a model is parsed: yes, so the engine adds its history listeners.
                return !(entity instanceof PvmExecutionImpl execution && isPassThroughGateway(execution));
            }
            return true;
        }

        private static boolean isPassThroughGateway(PvmExecutionImpl execution) {
            ActivityImpl activity = execution.getActivity();
            return activity != null
                    && PASS_THROUGH_GATEWAYS.contains(activity.getProperties().get(BpmnProperties.TYPE));
        }
    }
}
