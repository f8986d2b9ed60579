package cn.govflow.system;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** Start-up stops on a bad configuration file with the file and the problem instead of a stack trace. */
public class InvalidConfigurationFileFailureAnalyzer
        extends AbstractFailureAnalyzer<InvalidConfigurationFileException> {

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, InvalidConfigurationFileException cause) {
        return new FailureAnalysis(
                "govflow's configuration file " + cause.getMessage(),
                "Correct " + cause.file() + " (a misspelled key is not ignored: it would silently become a default),"
                        + " then start again.",
                cause);
    }
}
