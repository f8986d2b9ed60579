package cn.govflow.support;

import org.camunda.community.process_test_coverage.junit5.platform7.ProcessEngineCoverageExtension;

/** The engine of every process test: in memory, from {@code process-tests.cfg.xml}, coverage enforced. */
public final class ProcessTests {

    /** The build fails when a model's flow nodes and sequence flows are covered less than this. */
    public static final double MINIMUM_COVERAGE = 0.95;

    private ProcessTests() {}

    /**
     * Use as {@code @RegisterExtension static ProcessEngineCoverageExtension engine = ProcessTests.engine();}.
     */
    public static ProcessEngineCoverageExtension engine() {
        return ProcessEngineCoverageExtension.builder("process-tests.cfg.xml")
                .assertClassCoverageAtLeast(MINIMUM_COVERAGE)
                .build();
    }
}
