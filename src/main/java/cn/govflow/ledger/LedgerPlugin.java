package cn.govflow.ledger;

import cn.govflow.catalog.HandlingMode;
import cn.govflow.process.ParseListeners;
import cn.govflow.process.TaskOutcomeRule;
import cn.govflow.process.TaskOutcomeValidationPlugin;
import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.bpmn.behavior.UserTaskActivityBehavior;
import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.persistence.entity.ProcessDefinitionEntity;
import org.camunda.bpm.engine.impl.pvm.process.ActivityImpl;
import org.camunda.bpm.engine.impl.pvm.process.ScopeImpl;
import org.camunda.bpm.engine.impl.task.TaskDefinition;
import org.camunda.bpm.engine.impl.util.xml.Element;
import org.springframework.stereotype.Component;

/**
 * Feeds the case ledger from the three handling-mode models without a line in the BPMN: when a model is
 * deployed, listeners are attached to its start and end, to every user task (create, complete, delete) and to
 * its waiting states and service tasks (start, end). They run inside the engine's command, on the engine's
 * connection and transaction, so a rolled-back step leaves no ledger row behind and a committed one always
 * has its row. Other models (the 差评整改 model, a benchmark's bare model) get nothing.
 */
@Component
public class LedgerPlugin extends AbstractProcessEnginePlugin {

    static final Set<String> LEDGER_PROCESSES =
            Arrays.stream(HandlingMode.values()).map(HandlingMode::processId).collect(Collectors.toUnmodifiableSet());

    private final CaseLedger ledger;

    public LedgerPlugin(CaseLedger ledger) {
        this.ledger = ledger;
    }

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        ParseListeners.addAfterEngine(configuration, new ParseListener());
    }

    private final class ParseListener extends AbstractBpmnParseListener {

        @Override
        public void parseProcess(Element processElement, ProcessDefinitionEntity processDefinition) {
            if (!LEDGER_PROCESSES.contains(processDefinition.getKey())) {
                return;
            }
            processDefinition.addListener(
                    ExecutionListener.EVENTNAME_START, (ExecutionListener) ledger::processStarted);
            processDefinition.addListener(ExecutionListener.EVENTNAME_END, (ExecutionListener) ledger::processEnded);
        }

        @Override
        public void parseUserTask(Element element, ScopeImpl scope, ActivityImpl activity) {
            if (!inLedgerProcess(activity)) {
                return;
            }
            TaskOutcomeRule outcome = TaskOutcomeValidationPlugin.declaredRule(element);
            TaskDefinition definition = ((UserTaskActivityBehavior) activity.getActivityBehavior()).getTaskDefinition();
            definition.addTaskListener(TaskListener.EVENTNAME_CREATE, (TaskListener) ledger::taskCreated);
            definition.addTaskListener(
                    TaskListener.EVENTNAME_COMPLETE, (TaskListener) task -> ledger.taskCompleted(task, outcome));
            definition.addTaskListener(TaskListener.EVENTNAME_DELETE, (TaskListener) ledger::taskDeleted);
        }

        @Override
        public void parseServiceTask(Element element, ScopeImpl scope, ActivityImpl activity) {
            recordActivity(activity);
        }

        @Override
        public void parseReceiveTask(Element element, ScopeImpl scope, ActivityImpl activity) {
            recordActivity(activity);
        }

        @Override
        public void parseIntermediateCatchEvent(Element element, ScopeImpl scope, ActivityImpl activity) {
            recordActivity(activity);
        }

        @Override
        public void parseBoundaryEvent(Element element, ScopeImpl scope, ActivityImpl activity) {
            // A boundary event that fires is a step of its own (补正期满, 承诺时限届满): record its end.
            if (inLedgerProcess(activity)) {
                CaseLedger.Activity step = step(activity);
                activity.addListener(ExecutionListener.EVENTNAME_END, (ExecutionListener)
                        execution -> ledger.boundaryEventFired(execution, step));
            }
        }

        private void recordActivity(ActivityImpl activity) {
            if (!inLedgerProcess(activity)) {
                return;
            }
            CaseLedger.Activity step = step(activity);
            activity.addListener(ExecutionListener.EVENTNAME_START, (ExecutionListener)
                    execution -> ledger.activityStarted(execution, step));
            activity.addListener(ExecutionListener.EVENTNAME_END, (ExecutionListener)
                    execution -> ledger.activityEnded(execution, step));
        }

        private static CaseLedger.Activity step(ActivityImpl activity) {
            Object type = activity.getProperty("type");
            Object name = activity.getProperty("name");
            return new CaseLedger.Activity(
                    activity.getId(),
                    type == null ? "activity" : type.toString(),
                    name == null ? activity.getId() : name.toString());
        }

        private boolean inLedgerProcess(ActivityImpl activity) {
            return LEDGER_PROCESSES.contains(((ProcessDefinitionEntity) activity.getProcessDefinition()).getKey());
        }
    }
}
