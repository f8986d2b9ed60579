package cn.govflow.process;

import org.camunda.bpm.engine.ProcessEngineException;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.diagnostics.FailureAnalyzer;

/**
 * Start-up against a database created with another history level (say, by a govflow that still ran Camunda's
 * {@code full}) stops with what happened and what to do, instead of the engine's stack trace alone.
 */
public class HistoryLevelMismatchFailureAnalyzer implements FailureAnalyzer {

    static final String MARKER = "historyLevel mismatch";

    @Override
    public FailureAnalysis analyze(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof ProcessEngineException
                    && t.getMessage() != null
                    && t.getMessage().contains(MARKER)) {
                return new FailureAnalysis(
                        "The database was created with another Camunda history level than this "
                                + "configuration asks for (" + t.getMessage()
                                + "). A history level is chosen once, when "
                                + "the engine creates its tables.",
                        "Start with the database's level: CAMUNDA_BPM_HISTORYLEVEL=full (or camunda.bpm.history-level) "
                                + "for a database created with full. On a development machine with demo data only, you may "
                                + "instead delete the H2 files under ./data/ and start again with govflow's level, "
                                + HistoryLevelPlugin.NAME + ".",
                        t);
            }
        }
        return null;
    }
}
