package cn.govflow.process;

import static org.assertj.core.api.Assertions.assertThat;

import cn.govflow.support.GovflowIntegrationTest;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.Resource;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

@GovflowIntegrationTest
class ModelGuardIntegrationTests {

    @Autowired
    ApplicationContext context;

    @Autowired
    RepositoryService repository;

    @Test
    @DisplayName("every model in processes/ names existing delegates and forms, a history TTL and candidate groups")
    void everyModelPassesTheGuard() throws Exception {
        Set<String> beans = Set.of(context.getBeanDefinitionNames());
        Set<String> forms = ModelGuard.formIds(Path.of("forms"));
        List<String> problems = new ArrayList<>();
        for (Path model : ModelGuard.files(Path.of("processes"), ".bpmn")) {
            problems.addAll(ModelGuard.check(model, beans, forms));
        }
        assertThat(problems).isEmpty();
    }

    @Test
    @DisplayName("every model and every form is deployed together, in one deployment")
    void modelsAndFormsAreDeployedTogether() throws Exception {
        List<String> expected = new ArrayList<>();
        ModelGuard.files(Path.of("processes"), ".bpmn")
                .forEach(p -> expected.add(p.getFileName().toString()));
        ModelGuard.files(Path.of("forms"), ".form")
                .forEach(p -> expected.add(p.getFileName().toString()));
        var definitions = repository.createProcessDefinitionQuery().latestVersion().list().stream()
                .filter(d -> expected.contains(
                        d.getResourceName().substring(d.getResourceName().lastIndexOf('/') + 1)))
                .toList();
        Set<String> deploymentIds = new java.util.HashSet<>();
        definitions.forEach(d -> deploymentIds.add(d.getDeploymentId()));
        if (expected.isEmpty()) {
            assertThat(definitions).isEmpty();
            return;
        }
        assertThat(deploymentIds).hasSize(1);
        List<String> deployed = repository
                .getDeploymentResources(deploymentIds.iterator().next())
                .stream()
                .map(Resource::getName)
                .map(name -> name.substring(name.lastIndexOf('/') + 1))
                .toList();
        assertThat(deployed).containsAll(expected);
    }
}
