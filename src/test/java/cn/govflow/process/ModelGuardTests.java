package cn.govflow.process;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Set;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class ModelGuardTests {

    @Test
    @DisplayName("the guard names every problem of a broken model")
    void reportsEveryProblemOfABrokenModel() throws Exception {
        Path broken = Path.of("src/test/resources/guard/broken.bpmn");

        assertThat(ModelGuard.check(broken, Set.of("issueLicenceDelegate"), Set.of("ReviewForm")))
                .containsExactlyInAnyOrder(
                        "broken.bpmn: GuardProbe: historyTimeToLive is missing",
                        "broken.bpmn: Task_Unknown: delegateExpression ${noSuchDelegate} names no bean",
                        "broken.bpmn: Task_Orphan: formRef NoSuchForm names no form in forms/",
                        "broken.bpmn: Task_Orphan: no candidate group");
    }

    @Test
    @DisplayName("a model whose beans and forms exist passes")
    void acceptsAModelWhoseBeansAndFormsExist() throws Exception {
        Path broken = Path.of("src/test/resources/guard/broken.bpmn");

        assertThat(ModelGuard.check(broken, Set.of("noSuchDelegate"), Set.of("NoSuchForm")))
                .containsExactlyInAnyOrder(
                        "broken.bpmn: GuardProbe: historyTimeToLive is missing",
                        "broken.bpmn: Task_Orphan: no candidate group");
    }
}
