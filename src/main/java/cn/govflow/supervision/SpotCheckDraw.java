package cn.govflow.supervision;

import cn.govflow.process.CaseVariables;
import cn.govflow.process.DelegatedImplementationElements;
import java.util.function.BiConsumer;
import java.util.random.RandomGenerator;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.variable.Variables;

/**
 * Draws a district approval for a spot check with the configured probability, as {@code ${spotCheckDraw.draw(execution)}}
 * in the model: sets the transient variable {@code spotCheckDrawn} for the gateway after it and notes the draw in
 * the supervision ledger.
 */
public class SpotCheckDraw {

    private final double rate;
    private final RandomGenerator random;
    private final BiConsumer<String, Boolean> ledger;

    /** For process tests: {@code new SpotCheckDraw(1.0, new Random(1), (caseNumber, drawn) -> {})}. */
    public SpotCheckDraw(double rate, RandomGenerator random, BiConsumer<String, Boolean> ledger) {
        if (rate < 0 || rate > 1) {
            throw new IllegalArgumentException("spot-check rate must be between 0 and 1: " + rate);
        }
        this.rate = rate;
        this.random = random;
        this.ledger = ledger;
    }

    public boolean draw(DelegateExecution execution) {
        boolean drawn = random.nextDouble() < rate;
        // Transient: the gateway right after the draw reads it in the same transaction; the supervision ledger
        // keeps the draw.
        execution.setVariable(DelegatedImplementationElements.SPOT_CHECK_DRAWN, Variables.booleanValue(drawn, true));
        ledger.accept((String) execution.getVariable(CaseVariables.CASE_NUMBER), drawn);
        return drawn;
    }

    public double rate() {
        return rate;
    }
}
