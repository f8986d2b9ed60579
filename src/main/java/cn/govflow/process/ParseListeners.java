package cn.govflow.process;

import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.impl.bpmn.parser.BpmnParseListener;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;

/** How govflow's engine plugins hook into model parsing. */
public final class ParseListeners {

    private ParseListeners() {}

    /**
     * Adds a parse listener that runs after the engine's own, so the activities' behaviours (and task
     * definitions) are in place when it attaches its listeners. Call from a plugin's {@code preInit}.
     */
    public static void addAfterEngine(ProcessEngineConfigurationImpl configuration, BpmnParseListener listener) {
        List<BpmnParseListener> listeners = configuration.getCustomPostBPMNParseListeners();
        if (listeners == null) {
            listeners = new ArrayList<>();
            configuration.setCustomPostBPMNParseListeners(listeners);
        }
        listeners.add(listener);
    }
}
