package cn.govflow.application;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import cn.govflow.application.Deliveries.Route;
import cn.govflow.catalog.CasePlans;
import cn.govflow.catalog.CatalogItem;
import cn.govflow.catalog.CatalogService;
import cn.govflow.catalog.HandlingMode;
import cn.govflow.catalog.ResultType;
import cn.govflow.catalog.TestPlans;
import java.util.EnumSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The one delivery rule (docs/delivery.md): what the intake refuses and where the models route the rest. */
class DeliveriesTests {

    static final CatalogService CATALOG = CatalogService.fromClasspath();

    @Test
    @DisplayName("R10: a full-online paper licence goes by courier only; pick-up at a window is refused with rule R10")
    void r10_fullOnlinePaperLicenceByCourierOnly() {
        for (String code : Set.of("2022-FO-002", "2022-FO-048")) {
            CatalogItem item = CATALOG.find(code).orElseThrow();
            assertThat(Deliveries.allowed(item)).containsExactly(DeliveryMethod.COURIER);
            assertThat(Deliveries.refusal(item.mode(), item.resultType(), DeliveryMethod.WINDOW_PICKUP))
                    .hasValueSatisfying(r -> {
                        assertThat(r.rule()).isEqualTo("R10");
                        assertThat(r.reason()).contains("不设窗口领取").endsWith("请选择快递送达");
                    });
        }
        assertThat(Deliveries.route(HandlingMode.FULL_ONLINE, ResultType.PAPER_LICENCE, DeliveryMethod.COURIER))
                .isEqualTo(Route.COURIER);
    }

    @Test
    @DisplayName("R20: an entrusted paper licence comes back to the hall for 统一出件; courier to the applicant is refused")
    void r20_entrustedPaperLicenceAtTheHall() {
        assertThat(Deliveries.refusal(HandlingMode.ENTRUSTED_RECEIPT, ResultType.PAPER_LICENCE, DeliveryMethod.COURIER))
                .hasValueSatisfying(r -> assertThat(r.rule()).isEqualTo("R20"));
        assertThat(Deliveries.route(
                        HandlingMode.ENTRUSTED_RECEIPT, ResultType.PAPER_LICENCE, DeliveryMethod.WINDOW_PICKUP))
                .isEqualTo(Route.WINDOW);
    }

    @Test
    @DisplayName("R20: only an item that issues an e-licence may be asked for one, in every mode")
    void r20_eLicenceOnlyForELicenceItems() {
        for (HandlingMode mode : HandlingMode.values()) {
            for (ResultType result : EnumSet.complementOf(EnumSet.of(ResultType.E_LICENCE))) {
                assertThat(Deliveries.refusal(mode, result, DeliveryMethod.E_LICENCE))
                        .hasValueSatisfying(r -> assertThat(r.rule()).isEqualTo("R20"));
            }
            assertThat(Deliveries.route(mode, ResultType.E_LICENCE, DeliveryMethod.E_LICENCE))
                    .isEqualTo(Route.E_LICENCE);
        }
    }

    @Test
    @DisplayName("R2 R23: a delegated result goes the way the applicant chose")
    void r2_delegatedFollowsTheMethod() {
        assertThat(Deliveries.route(HandlingMode.DELEGATED, ResultType.PAPER_LICENCE, DeliveryMethod.COURIER))
                .isEqualTo(Route.COURIER);
        assertThat(Deliveries.route(HandlingMode.DELEGATED, ResultType.PAPER_LICENCE, DeliveryMethod.WINDOW_PICKUP))
                .isEqualTo(Route.WINDOW);
        assertThat(Deliveries.route(HandlingMode.DELEGATED, ResultType.E_LICENCE, DeliveryMethod.E_LICENCE))
                .isEqualTo(Route.E_LICENCE);
    }

    @Test
    @DisplayName(
            "every accepted combination has a route, and every refused one fails loudly instead of routing anywhere")
    void everyAcceptedCombinationHasARoute() {
        for (HandlingMode mode : HandlingMode.values()) {
            for (ResultType result : ResultType.values()) {
                for (DeliveryMethod method : DeliveryMethod.values()) {
                    if (Deliveries.refusal(mode, result, method).isEmpty()) {
                        assertThat(Deliveries.route(mode, result, method)).isNotNull();
                    } else {
                        assertThatThrownBy(() -> Deliveries.route(mode, result, method))
                                .isInstanceOf(IllegalStateException.class)
                                .hasMessageContaining("未经收件校验");
                    }
                }
            }
        }
    }

    @Test
    @DisplayName(
            "the gateways' bean: the mode from the model, the result type from the plan, the method from the case row")
    void beanRoutesFromTheModelPlanAndCaseRow() {
        DelegateExecution execution = mock(DelegateExecution.class);
        when(execution.getProcessBusinessKey()).thenReturn("SH-20261206-YP-000001");
        BpmnModelInstance model = Bpmn.createExecutableProcess("FullOnlineProcess")
                .startEvent()
                .exclusiveGateway("Gateway_ResultType")
                .endEvent()
                .done();
        when(execution.getBpmnModelElementInstance()).thenReturn(model.getModelElementById("Gateway_ResultType"));
        TestPlans plans = new TestPlans();
        plans.snapshot("SH-20261206-YP-000001", Map.of(CasePlans.RESULT_TYPE, "PAPER_LICENCE"));
        Map<String, DeliveryMethod> caseRows = Map.of("SH-20261206-YP-000001", DeliveryMethod.COURIER);

        assertThat(new Deliveries(plans.casePlans(), number -> Optional.ofNullable(caseRows.get(number)))
                        .route(execution))
                .isEqualTo(Route.COURIER);
    }
}
