package cn.govflow.bench;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;

/** The service tasks of the shape-equivalent baseline models ({@code src/test/resources/bench/}): they do nothing. */
public final class NoOpDelegate implements JavaDelegate {

    @Override
    public void execute(DelegateExecution execution) {
        // Nothing: the baseline measures the engine's work for govflow's shape, not govflow's code.
    }
}
