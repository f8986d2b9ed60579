package cn.govflow.process;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.BaseElement;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.camunda.bpm.model.bpmn.instance.UserTask;

/**
 * The checks a model must pass before it is deployed: delegates that exist, forms that exist, a history
 * time-to-live, and a candidate group on every user task.
 */
final class ModelGuard {

    private static final Pattern BEAN = Pattern.compile("^\\$\\{\\s*([A-Za-z_][A-Za-z0-9_]*)\\s*}$");

    private ModelGuard() {}

    /** Every problem of one model, as "file: element: problem" lines. */
    static List<String> check(Path model, Set<String> beanNames, Set<String> formIds) throws IOException {
        List<String> problems = new ArrayList<>();
        String file = model.getFileName().toString();
        BpmnModelInstance instance;
        try (InputStream in = Files.newInputStream(model)) {
            instance = Bpmn.readModelFromStream(in);
        }
        for (Process process : instance.getModelElementsByType(Process.class)) {
            if (process.getCamundaHistoryTimeToLiveString() == null) {
                problems.add(file + ": " + process.getId() + ": historyTimeToLive is missing");
            }
        }
        for (BaseElement element : instance.getModelElementsByType(BaseElement.class)) {
            String expression = element.getAttributeValueNs("http://camunda.org/schema/1.0/bpmn", "delegateExpression");
            if (expression != null) {
                Matcher matcher = BEAN.matcher(expression);
                if (matcher.matches() && !beanNames.contains(matcher.group(1))) {
                    problems.add(
                            file + ": " + element.getId() + ": delegateExpression " + expression + " names no bean");
                }
            }
        }
        Collection<UserTask> userTasks = instance.getModelElementsByType(UserTask.class);
        for (UserTask task : userTasks) {
            String formRef = task.getAttributeValueNs("http://camunda.org/schema/1.0/bpmn", "formRef");
            if (formRef != null && !formIds.contains(formRef)) {
                problems.add(file + ": " + task.getId() + ": formRef " + formRef + " names no form in forms/");
            }
            if (task.getCamundaCandidateGroups() == null
                    || task.getCamundaCandidateGroups().isBlank()) {
                problems.add(file + ": " + task.getId() + ": no candidate group");
            }
        }
        return problems;
    }

    static List<Path> files(Path folder, String extension) throws IOException {
        if (!Files.isDirectory(folder)) {
            return List.of();
        }
        try (Stream<Path> paths = Files.list(folder)) {
            return paths.filter(p -> p.toString().endsWith(extension)).sorted().toList();
        }
    }

    /** The ids of the Camunda Forms in a folder (the top-level "id" of each form). */
    static Set<String> formIds(Path folder) throws IOException {
        Set<String> ids = new java.util.TreeSet<>();
        com.fasterxml.jackson.databind.ObjectMapper json = new com.fasterxml.jackson.databind.ObjectMapper();
        for (Path form : files(folder, ".form")) {
            ids.add(json.readTree(form.toFile()).path("id").asText());
        }
        return ids;
    }
}
