package cn.govflow.courier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import cn.govflow.monitoring.GovflowMetrics;
import cn.govflow.process.CaseVariables;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Instant;
import java.util.Map;
import org.camunda.bpm.engine.delegate.BpmnError;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Which failures of the hand-off become 人工寄送 (BPMN error HandOffFailed) and which fail the job (docs/delivery.md). */
class HandOffToCourierDelegateTests {

    final CourierService courier = mock(CourierService.class);
    final HandOffToCourierDelegate delegate =
            new HandOffToCourierDelegate(courier, new GovflowMetrics(new SimpleMeterRegistry()));

    static DelegateExecution execution() {
        DelegateExecution execution = mock(DelegateExecution.class);
        Map.of(
                        CaseVariables.CASE_NUMBER,
                        "YP-1",
                        "courierPurpose",
                        "RESULT",
                        "courierRecipient",
                        "APPLICANT",
                        CaseVariables.DISTRICT,
                        "yangpu")
                .forEach((name, value) -> when(execution.getVariable(name)).thenReturn(value));
        return execution;
    }

    @Test
    @DisplayName(
            "R10: a refusal (no address, 4xx) ends the task with the BPMN error HandOffFailed and the reason for the clerk")
    void refusalIsABpmnErrorWithTheReason() {
        when(courier.handOff(any())).thenThrow(new CourierRefusedException("办件 YP-1 没有申请人的送达地址，无法寄送给申请人", null));
        DelegateExecution execution = execution();

        assertThatThrownBy(() -> delegate.execute(execution))
                .isInstanceOf(BpmnError.class)
                .satisfies(
                        e -> assertThat(((BpmnError) e).getErrorCode()).isEqualTo(CaseVariables.ERROR_HAND_OFF_FAILED))
                .hasMessageContaining("没有申请人的送达地址");
        verify(execution).setVariable(CaseVariables.HAND_OFF_FAILURE, "办件 YP-1 没有申请人的送达地址，无法寄送给申请人");
    }

    @Test
    @DisplayName("R21: a platform that is down fails the job while retries are left: no task, no reason recorded")
    void unavailablePlatformFailsTheJobOutsideTheLastAttempt() {
        when(courier.handOff(any())).thenThrow(new CourierPlatformException("统一物流平台未能受理寄件", null));
        DelegateExecution execution = execution();

        assertThatThrownBy(() -> delegate.execute(execution)).isInstanceOf(CourierPlatformException.class);
        verify(execution, never()).setVariable(any(), any());
    }

    @Test
    @DisplayName("R21: a booked shipment writes its tracking number")
    void bookedShipmentWritesTrackingNumber() {
        when(courier.handOff(any()))
                .thenReturn(new CourierService.Shipment(
                        "YP-1", CourierPurpose.RESULT, "SF1", "张三", "上海市杨浦区示例路1号", Instant.now(), null));
        DelegateExecution execution = execution();

        delegate.execute(execution);

        verify(execution).setVariable(CaseVariables.TRACKING_NUMBER, "SF1");
    }
}
