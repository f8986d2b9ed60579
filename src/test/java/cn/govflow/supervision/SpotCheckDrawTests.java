package cn.govflow.supervision;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.argThat;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import cn.govflow.process.DelegatedImplementationElements;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.variable.value.TypedValue;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class SpotCheckDrawTests {

    @Test
    @DisplayName("R4 双随机: about the configured share of approvals is drawn")
    void r4_drawsTheConfiguredShare() {
        List<Boolean> ledger = new ArrayList<>();
        SpotCheckDraw draw = new SpotCheckDraw(0.10, new Random(42), (caseNumber, drawn) -> ledger.add(drawn));
        DelegateExecution execution = execution("DI-1");

        int drawn = 0;
        for (int i = 0; i < 10_000; i++) {
            drawn += draw.draw(execution) ? 1 : 0;
        }

        assertThat(drawn).isBetween(900, 1100);
        assertThat(ledger).hasSize(10_000).filteredOn(Boolean::booleanValue).hasSize(drawn);
    }

    @Test
    @DisplayName("R4: the draw is given to the gateway as the transient variable spotCheckDrawn, kept in the ledger")
    void r4_recordsTheDraw() {
        List<String> cases = new ArrayList<>();
        DelegateExecution execution = execution("DI-7");

        boolean drawn = new SpotCheckDraw(1.0, new Random(1), (caseNumber, d) -> cases.add(caseNumber)).draw(execution);

        assertThat(drawn).isTrue();
        verify(execution)
                .setVariable(
                        eq(DelegatedImplementationElements.SPOT_CHECK_DRAWN),
                        argThat((TypedValue value) -> Boolean.TRUE.equals(value.getValue()) && value.isTransient()));
        assertThat(cases).containsExactly("DI-7");
        assertThat(new SpotCheckDraw(0.0, new Random(1), (c, d) -> {}).draw(execution))
                .isFalse();
    }

    @Test
    @DisplayName("a rate outside 0..1 is refused at start-up")
    void refusesAnImpossibleRate() {
        assertThatThrownBy(() -> new SpotCheckDraw(1.5, new Random(), (c, d) -> {}))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private static DelegateExecution execution(String caseNumber) {
        DelegateExecution execution = mock(DelegateExecution.class);
        when(execution.getVariable("caseNumber")).thenReturn(caseNumber);
        return execution;
    }
}
