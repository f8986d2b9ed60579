package cn.govflow.application;

import cn.govflow.catalog.CasePlans;
import cn.govflow.catalog.CatalogItem;
import cn.govflow.catalog.HandlingMode;
import cn.govflow.catalog.ResultType;
import cn.govflow.process.CaseVariables;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Stream;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.camunda.bpm.model.xml.instance.ModelElementInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * {@code ${deliveries}}: the one rule for how a case's result reaches the applicant (docs/delivery.md). The intake
 * refuses what {@link #refusal} refuses, and the models' delivery gateways follow {@link #route}, so a case the
 * intake accepted always has a way to its end.
 *
 * <table>
 * <caption>mode × result × delivery method</caption>
 * <tr><th>mode</th><th>result</th><th>E_LICENCE</th><th>COURIER</th><th>WINDOW_PICKUP</th></tr>
 * <tr><td>any</td><td>paper or none</td><td>refused (R20)</td><td colspan="2">see below</td></tr>
 * <tr><td>FULL_ONLINE</td><td>E_LICENCE</td><td colspan="3">e-licence online (R9, R20)</td></tr>
 * <tr><td>FULL_ONLINE</td><td>PAPER_LICENCE</td><td>—</td><td>courier (R10)</td><td>refused (R10)</td></tr>
 * <tr><td>FULL_ONLINE</td><td>NONE</td><td>—</td><td colspan="2">nothing to deliver</td></tr>
 * <tr><td>DELEGATED</td><td>any</td><td>e-licence</td><td>courier</td><td>window (R2, R23)</td></tr>
 * <tr><td>ENTRUSTED_RECEIPT</td><td>E_LICENCE</td><td colspan="3">e-licence online (R20)</td></tr>
 * <tr><td>ENTRUSTED_RECEIPT</td><td>PAPER_LICENCE</td><td>—</td><td>refused (R20)</td><td>hall window (R20)</td></tr>
 * <tr><td>ENTRUSTED_RECEIPT</td><td>NONE</td><td>—</td><td colspan="2">nothing to deliver</td></tr>
 * </table>
 */
@Component("deliveries")
public class Deliveries {

    private final CasePlans plans;
    private final Function<String, Optional<DeliveryMethod>> chosenMethods;

    @Autowired
    Deliveries(CasePlans plans, CaseRepository cases) {
        this(plans, cases::deliveryMethod);
    }

    /**
     * @param chosenMethods the delivery method the applicant chose, from the case row by case number; a case without
     *     one (started around intake, as process tests do) carries it as the variable {@code deliveryMethod}
     */
    public Deliveries(CasePlans plans, Function<String, Optional<DeliveryMethod>> chosenMethods) {
        this.plans = plans;
        this.chosenMethods = chosenMethods;
    }

    /** Where the model sends the result. */
    public enum Route {
        /** Issue the e-licence; it is returned online at once. */
        E_LICENCE,
        /** Book the unified courier platform to the applicant. */
        COURIER,
        /** Hand the result out at the comprehensive window (统一出件). */
        WINDOW,
        /** The decision produces no document. */
        NONE
    }

    /** Why the intake refuses a delivery method for an item: the rule and the text for the applicant. */
    public record Refusal(String rule, String reason) {}

    /** The delivery methods the intake accepts for this item. */
    public static Set<DeliveryMethod> allowed(CatalogItem item) {
        return allowed(item.mode(), item.resultType());
    }

    /** Why the intake must refuse this delivery method for an item of this mode and result, if it must. */
    public static Optional<Refusal> refusal(HandlingMode mode, ResultType result, DeliveryMethod method) {
        return rule(mode, result, method)
                .map(refusal -> new Refusal(
                        refusal.rule(),
                        refusal.reason() + "，请选择"
                                + String.join(
                                        "或",
                                        allowed(mode, result).stream()
                                                .map(Deliveries::displayName)
                                                .toList())));
    }

    private static Set<DeliveryMethod> allowed(HandlingMode mode, ResultType result) {
        Set<DeliveryMethod> allowed = EnumSet.noneOf(DeliveryMethod.class);
        for (DeliveryMethod method : DeliveryMethod.values()) {
            if (rule(mode, result, method).isEmpty()) {
                allowed.add(method);
            }
        }
        return allowed;
    }

    private static Optional<Refusal> rule(HandlingMode mode, ResultType result, DeliveryMethod method) {
        if (method == DeliveryMethod.E_LICENCE && result != ResultType.E_LICENCE) {
            return Optional.of(new Refusal("R20", "不颁发电子证照"));
        }
        if (result == ResultType.PAPER_LICENCE
                && mode == HandlingMode.FULL_ONLINE
                && method == DeliveryMethod.WINDOW_PICKUP) {
            return Optional.of(new Refusal("R10", "为全程网办事项，纸质证照经统一物流平台寄递给申请人，不设窗口领取"));
        }
        if (result == ResultType.PAPER_LICENCE
                && mode == HandlingMode.ENTRUSTED_RECEIPT
                && method == DeliveryMethod.COURIER) {
            return Optional.of(new Refusal("R20", "为委托收件事项，纸质证照原路寄回收件大厅，由综合窗口统一出件"));
        }
        return Optional.empty();
    }

    /**
     * Where the model sends the result of an accepted method. Never called for a refused one: the intake refused
     * it, so a refused combination here is a case started around the intake and fails loudly.
     */
    public static Route route(HandlingMode mode, ResultType result, DeliveryMethod method) {
        refusal(mode, result, method).ifPresent(refusal -> {
            throw new IllegalStateException(
                    "送达方式 " + method + " 不适用于 " + mode + " / " + result + "（" + refusal.rule() + "）：办件未经收件校验");
        });
        if (mode == HandlingMode.DELEGATED) {
            return switch (method) {
                case E_LICENCE -> Route.E_LICENCE;
                case COURIER -> Route.COURIER;
                case WINDOW_PICKUP -> Route.WINDOW;
            };
        }
        return switch (result) {
            case E_LICENCE -> Route.E_LICENCE;
            case NONE -> Route.NONE;
            case PAPER_LICENCE -> mode == HandlingMode.FULL_ONLINE ? Route.COURIER : Route.WINDOW;
        };
    }

    /**
     * For the models' gateways, e.g. {@code ${deliveries.route(execution) == 'COURIER'}}: the route of the case from
     * its mode (the model it runs in), the result type of its plan and the delivery method in its case row.
     */
    public Route route(DelegateExecution execution) {
        String processKey = processKey(execution);
        HandlingMode mode = Stream.of(HandlingMode.values())
                .filter(m -> m.processId().equals(processKey))
                .findFirst()
                .orElseGet(() -> HandlingMode.valueOf(string(execution, CaseVariables.MODE)));
        DeliveryMethod method = Optional.ofNullable(execution.getProcessBusinessKey())
                .flatMap(chosenMethods)
                .orElseGet(() -> DeliveryMethod.valueOf(string(execution, CaseVariables.DELIVERY_METHOD)));
        return route(mode, plans.of(execution).resultType(), method);
    }

    /**
     * The key of the process the execution runs in, from its model element's parents (a definition id longer
     * than 64 characters is a bare UUID, so the key cannot be read from the id).
     */
    private static String processKey(DelegateExecution execution) {
        ModelElementInstance element = execution.getBpmnModelElementInstance();
        while (element != null && !(element instanceof Process)) {
            element = element.getParentElement();
        }
        return element == null ? "" : ((Process) element).getId();
    }

    private static String displayName(DeliveryMethod method) {
        return switch (method) {
            case E_LICENCE -> "电子证照";
            case COURIER -> "快递送达";
            case WINDOW_PICKUP -> "窗口领取";
        };
    }

    private static String string(VariableScope execution, String name) {
        Object value = execution.getVariable(name);
        if (value == null) {
            throw new IllegalStateException("variable " + name + " is not set: the intake starts every case with it");
        }
        return value.toString();
    }
}
