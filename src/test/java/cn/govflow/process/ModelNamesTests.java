package cn.govflow.process;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.BaseElement;
import org.camunda.bpm.model.bpmn.instance.Gateway;
import org.camunda.bpm.model.bpmn.instance.Message;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The constants classes of {@code cn.govflow.process} against the models: every message name and element id the
 * code and tests use exists in the model it belongs to, and every message of a model has its constant, so a
 * renamed message or id breaks this test instead of a correlation at run time.
 */
class ModelNamesTests {

    static final Map<String, Class<?>> MODELS = Map.of(
            "processes/full-online.bpmn", FullOnlineElements.class,
            "processes/delegated-implementation.bpmn", DelegatedImplementationElements.class,
            "processes/entrusted-receipt.bpmn", EntrustedReceiptElements.class);

    static Set<String> models() {
        return MODELS.keySet();
    }

    @ParameterizedTest
    @MethodSource("models")
    @DisplayName("R28, R10: every message-name constant is a message of its model, and every message has one")
    void messageNamesMatchTheModel(String resource) throws IOException {
        BpmnModelInstance model = read(resource);
        Set<String> inModel = model.getModelElementsByType(Message.class).stream()
                .map(Message::getName)
                .collect(Collectors.toSet());
        Map<String, String> constants = constants(MODELS.get(resource), "MESSAGE_");

        assertThat(inModel).as("messages of %s", resource).containsAll(constants.values());
        assertThat(constants.values())
                .as("message constants of %s", MODELS.get(resource).getSimpleName())
                .containsAll(inModel);
        assertThat(inModel)
                .as("the contract's messages in %s", resource)
                .containsAll(constants(ContractElements.class, "MESSAGE_").values());
    }

    @ParameterizedTest
    @MethodSource("models")
    @DisplayName("every element id constant (tasks, events, gateways, sub-processes) is an element of its model")
    void elementIdsExistInTheModel(String resource) throws IOException {
        BpmnModelInstance model = read(resource);
        Map<String, String> ids = new LinkedHashMap<>();
        for (String prefix : new String[] {
            "TASK_", "END_", "START", "GATEWAY_", "BOUNDARY_", "TIMER_", "EVENT_", "SUBPROCESS_", "PROCESS_ID"
        }) {
            ids.putAll(constants(MODELS.get(resource), prefix));
        }
        assertThat(ids).isNotEmpty();
        ids.forEach((name, id) -> assertThat((Object) model.getModelElementById(id))
                .as("%s.%s = %s in %s", MODELS.get(resource).getSimpleName(), name, id, resource)
                .isInstanceOf(BaseElement.class));
    }

    @ParameterizedTest
    @ValueSource(strings = {"TASK_WINDOW_RECEIPT", "TASK_ACCEPTANCE", "TASK_REVIEW", "TASK_DECISION", "TASK_DELIVERY"})
    @DisplayName("every task of the contract is a task of at least one model")
    void contractTasksExist(String name) throws Exception {
        String id = (String) ContractElements.class.getField(name).get(null);
        long models = 0;
        for (String resource : MODELS.keySet()) {
            models += read(resource).getModelElementById(id) == null ? 0 : 1;
        }
        assertThat(models).as(id).isPositive();
    }

    private static Map<String, String> constants(Class<?> type, String prefix) {
        Map<String, String> values = new LinkedHashMap<>();
        for (Field field : type.getFields()) {
            if (Modifier.isStatic(field.getModifiers())
                    && field.getType() == String.class
                    && field.getName().startsWith(prefix)) {
                try {
                    values.put(field.getName(), (String) field.get(null));
                } catch (IllegalAccessException e) {
                    throw new IllegalStateException(e);
                }
            }
        }
        return values;
    }

    private static BpmnModelInstance read(String resource) throws IOException {
        try (InputStream in = Files.newInputStream(Path.of(resource))) {
            return Bpmn.readModelFromStream(in);
        }
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "processes/full-online.bpmn",
                "processes/delegated-implementation.bpmn",
                "processes/entrusted-receipt.bpmn",
                "processes/rating-rectification.bpmn"
            })
    @DisplayName("one id pattern for gateways: Gateway_<Question> splits, Gateway_<What>Join joins (one way out)")
    void gatewayIdsFollowOnePattern(String resource) throws IOException {
        BpmnModelInstance model = read(resource);
        for (Gateway gateway : model.getModelElementsByType(Gateway.class)) {
            boolean join = gateway.getOutgoing().size() == 1;
            assertThat(gateway.getId())
                    .as(
                            "%s in %s (%d ways out)",
                            gateway.getId(), resource, gateway.getOutgoing().size())
                    .matches("Gateway_[A-Z][A-Za-z]*")
                    .doesNotStartWith("Gateway_Merge")
                    .doesNotStartWith("Gateway_Join");
            assertThat(gateway.getId().endsWith("Join"))
                    .as("%s in %s: a join ends with Join, a split does not", gateway.getId(), resource)
                    .isEqualTo(join);
        }
    }
}
