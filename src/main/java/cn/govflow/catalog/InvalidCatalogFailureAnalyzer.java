package cn.govflow.catalog;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** Start-up stops on a bad catalog with the list of problems instead of a stack trace. */
public class InvalidCatalogFailureAnalyzer extends AbstractFailureAnalyzer<InvalidCatalogException> {

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, InvalidCatalogException cause) {
        return new FailureAnalysis(
                cause.getMessage(),
                "Correct the catalog files named above (govflow.catalog.location), then start again.",
                cause);
    }
}
