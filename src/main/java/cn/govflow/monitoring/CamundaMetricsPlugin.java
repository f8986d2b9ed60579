package cn.govflow.monitoring;

import cn.govflow.calendar.EngineClock;
import cn.govflow.catalog.HandlingMode;
import cn.govflow.process.CaseVariables;
import cn.govflow.process.ParseListeners;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.bpmn.behavior.UserTaskActivityBehavior;
import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.metrics.Meter;
import org.camunda.bpm.engine.impl.metrics.MetricsRegistry;
import org.camunda.bpm.engine.impl.persistence.entity.ProcessDefinitionEntity;
import org.camunda.bpm.engine.impl.pvm.process.ActivityImpl;
import org.camunda.bpm.engine.impl.pvm.process.ScopeImpl;
import org.camunda.bpm.engine.impl.util.xml.Element;
import org.springframework.stereotype.Component;

/**
 * The engine's side of the metrics, without a line in the BPMN:
 * <ul>
 * <li>Camunda's own metrics (activity instances, job acquisition and execution, …) as Micrometer counters named
 * {@code camunda.engine.<metric>} (Prometheus: {@code camunda_engine_job_successful_total}). Camunda counts them
 * in its {@link MetricsRegistry} and writes them to its database every 15 minutes; a registry that also counts
 * them in Micrometer shows them at once and per node.</li>
 * <li>When a case of one of the three handling modes ends: {@link GovflowMetrics#caseEnded}.</li>
 * <li>When any user task is completed: {@link GovflowMetrics#taskCompleted} with the time since its creation.</li>
 * </ul>
 */
@Component
class CamundaMetricsPlugin extends AbstractProcessEnginePlugin {

    static final String ENGINE_PREFIX = "camunda.engine.";

    private static final Map<String, String> MODE_BY_PROCESS = Arrays.stream(HandlingMode.values())
            .collect(Collectors.toUnmodifiableMap(HandlingMode::processId, HandlingMode::name));

    private final MeterRegistry registry;
    private final GovflowMetrics metrics;

    CamundaMetricsPlugin(MeterRegistry registry, GovflowMetrics metrics) {
        this.registry = registry;
        this.metrics = metrics;
    }

    /** The handling mode of a model ({@code FULL_ONLINE}), or empty for other models. */
    static Optional<String> modeOf(String processDefinitionKey) {
        return Optional.ofNullable(MODE_BY_PROCESS.get(processDefinitionKey));
    }

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        configuration.setMetricsRegistry(new MicrometerMirror(registry));
        ParseListeners.addAfterEngine(configuration, new ParseListener());
    }

    /** Camunda's registry, each occurrence also counted in Micrometer. */
    static final class MicrometerMirror extends MetricsRegistry {
        private final MeterRegistry registry;
        private final Map<String, Counter> counters = new ConcurrentHashMap<>();

        MicrometerMirror(MeterRegistry registry) {
            this.registry = registry;
        }

        /** Every metric the engine declares shows at 0 from the start (an alert needs the series to exist). */
        @Override
        public void createDbMeter(String name) {
            super.createDbMeter(name);
            counters.computeIfAbsent(name, counter());
        }

        @Override
        protected void markOccurrence(Map<String, Meter> meters, String name, long times) {
            super.markOccurrence(meters, name, times);
            if (meters == dbMeters) {
                counters.computeIfAbsent(name, counter()).increment(times);
            }
        }

        private Function<String, Counter> counter() {
            return name -> Counter.builder(ENGINE_PREFIX + name.replace('-', '.'))
                    .description("Camunda engine metric " + name)
                    .register(registry);
        }
    }

    private final class ParseListener extends AbstractBpmnParseListener {

        @Override
        public void parseProcess(Element processElement, ProcessDefinitionEntity processDefinition) {
            modeOf(processDefinition.getKey())
                    .ifPresent(mode -> processDefinition.addListener(
                            ExecutionListener.EVENTNAME_END, (ExecutionListener) execution -> ended(mode, execution)));
        }

        @Override
        public void parseUserTask(Element element, ScopeImpl scope, ActivityImpl activity) {
            String process = ((ProcessDefinitionEntity) activity.getProcessDefinition()).getKey();
            ((UserTaskActivityBehavior) activity.getActivityBehavior())
                    .getTaskDefinition()
                    .addTaskListener(TaskListener.EVENTNAME_COMPLETE, (TaskListener) task -> completed(process, task));
        }

        private void ended(String mode, DelegateExecution execution) {
            Object outcome = execution.getVariable(CaseVariables.OUTCOME);
            metrics.caseEnded(mode, outcome == null ? "UNKNOWN" : outcome.toString());
        }

        private void completed(String process, DelegateTask task) {
            if (task.getCreateTime() != null) {
                long millis =
                        EngineClock.SHANGHAI.millis() - task.getCreateTime().getTime();
                metrics.taskCompleted(process, task.getTaskDefinitionKey(), Duration.ofMillis(Math.max(0, millis)));
            }
        }
    }
}
