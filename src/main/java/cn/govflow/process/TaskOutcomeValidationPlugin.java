package cn.govflow.process;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.bpmn.behavior.UserTaskActivityBehavior;
import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;
import org.camunda.bpm.engine.impl.pvm.process.ActivityImpl;
import org.camunda.bpm.engine.impl.pvm.process.ScopeImpl;
import org.camunda.bpm.engine.impl.task.TaskDefinition;
import org.camunda.bpm.engine.impl.util.xml.Element;
import org.springframework.stereotype.Component;

/**
 * Refuses to complete a user task without a valid outcome, whoever submits it (Tasklist or a REST caller that
 * skips the form's checks). The engine REST API answers such a refusal with 400 and the task stays open.
 *
 * <p>Every user task declares its rule in the model as Camunda extension properties, where Modeler shows them
 * (<i>Extensions → Properties</i>); the contract's tasks declare the rules of docs/processes.md, which
 * {@code ContractOutcomesTests} checks in every model:
 * <pre>
 * &lt;camunda:property name="outcome.variable" value="spotCheckResult"/&gt;
 * &lt;camunda:property name="outcome.values" value="PASSED,VIOLATION"/&gt;
 * &lt;camunda:property name="outcome.requires.VIOLATION" value="reason"/&gt;
 * </pre>
 * When the task starts, the outcome variable of an earlier visit (a loop after 补正) is removed, so a stale
 * answer never completes the task again.
 */
@Component
public class TaskOutcomeValidationPlugin extends AbstractProcessEnginePlugin {

    static final String PROPERTY_VARIABLE = "outcome.variable";
    static final String PROPERTY_VALUES = "outcome.values";
    static final String PROPERTY_REQUIRES = "outcome.requires.";

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        ParseListeners.addAfterEngine(configuration, new ParseListener());
        configuration.setCustomPreCommandInterceptorsTxRequired(
                withUnwrapping(configuration.getCustomPreCommandInterceptorsTxRequired()));
        configuration.setCustomPreCommandInterceptorsTxRequiresNew(
                withUnwrapping(configuration.getCustomPreCommandInterceptorsTxRequiresNew()));
    }

    private static List<CommandInterceptor> withUnwrapping(List<CommandInterceptor> interceptors) {
        List<CommandInterceptor> list = interceptors == null ? new ArrayList<>() : new ArrayList<>(interceptors);
        list.add(0, new UnwrapValidationFailure());
        return list;
    }

    /**
     * The engine wraps every task listener exception in a plain ProcessEngineException; outside the
     * transaction (already rolled back) this hands the validation failure itself to the caller, so the REST API
     * answers 400 instead of 500.
     */
    static final class UnwrapValidationFailure extends CommandInterceptor {
        @Override
        public <T> T execute(Command<T> command) {
            try {
                return next.execute(command);
            } catch (ProcessEngineException e) {
                for (Throwable cause = e.getCause(); cause != null; cause = cause.getCause()) {
                    if (cause instanceof FormFieldValidationException validation) {
                        throw validation;
                    }
                }
                throw e;
            }
        }
    }

    static final class ParseListener extends AbstractBpmnParseListener {
        @Override
        public void parseUserTask(Element userTaskElement, ScopeImpl scope, ActivityImpl activity) {
            TaskOutcomeRule rule = declaredRule(userTaskElement);
            if (rule == null) {
                return;
            }
            TaskDefinition definition = ((UserTaskActivityBehavior) activity.getActivityBehavior()).getTaskDefinition();
            definition.addTaskListener(TaskListener.EVENTNAME_CREATE, new ClearStaleOutcome(rule));
            definition.addTaskListener(TaskListener.EVENTNAME_COMPLETE, new ValidateOutcome(rule));
        }
    }

    /** The rule a user task declares with {@code outcome.*} Camunda properties, or null. */
    public static TaskOutcomeRule declaredRule(Element userTask) {
        Element extensions = userTask.element("extensionElements");
        Element properties = extensions == null
                ? null
                : extensions.elementNS(
                        org.camunda.bpm.engine.impl.bpmn.parser.BpmnParse.CAMUNDA_BPMN_EXTENSIONS_NS, "properties");
        if (properties == null) {
            return null;
        }
        String variable = null;
        List<String> values = List.of();
        Map<String, String> requires = new LinkedHashMap<>();
        for (Element property : properties.elementsNS(
                org.camunda.bpm.engine.impl.bpmn.parser.BpmnParse.CAMUNDA_BPMN_EXTENSIONS_NS, "property")) {
            String name = property.attribute("name");
            String value = property.attribute("value");
            if (name == null || value == null) {
                continue;
            }
            if (name.equals(PROPERTY_VARIABLE)) {
                variable = value.trim();
            } else if (name.equals(PROPERTY_VALUES)) {
                values = Arrays.stream(value.split(","))
                        .map(String::trim)
                        .filter(v -> !v.isEmpty())
                        .toList();
            } else if (name.startsWith(PROPERTY_REQUIRES)) {
                requires.put(name.substring(PROPERTY_REQUIRES.length()), value.trim());
            }
        }
        return variable == null ? null : new TaskOutcomeRule(variable, values, requires);
    }

    record ClearStaleOutcome(TaskOutcomeRule rule) implements TaskListener {
        @Override
        public void notify(DelegateTask task) {
            task.getExecution().removeVariable(rule.variable());
        }
    }

    record ValidateOutcome(TaskOutcomeRule rule) implements TaskListener {
        @Override
        public void notify(DelegateTask task) {
            Object value = task.getVariable(rule.variable());
            String text = value == null ? "" : value.toString().trim();
            if (text.isEmpty()) {
                throw new FormFieldValidationException("required", task.getName() + "：必须填写 " + rule.variable());
            }
            if (!rule.allowedValues().isEmpty() && !rule.allowedValues().contains(text)) {
                throw new FormFieldValidationException(
                        "allowedValues",
                        task.getName() + "：" + rule.variable() + " 的取值必须是 " + String.join(" / ", rule.allowedValues())
                                + "，收到的是 " + text);
            }
            String required = rule.requiredWith().get(text);
            if (required != null && isBlank(task.getVariable(required))) {
                throw new FormFieldValidationException(
                        "required", task.getName() + "：" + rule.variable() + " 为 " + text + " 时必须填写 " + required);
            }
        }

        private static boolean isBlank(Object value) {
            if (value == null) {
                return true;
            }
            if (value instanceof Collection<?> collection) {
                return collection.isEmpty();
            }
            String s = value.toString().trim();
            return s.isEmpty() || s.equals("[]");
        }
    }
}
