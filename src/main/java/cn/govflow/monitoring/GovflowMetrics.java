package cn.govflow.monitoring;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.function.Supplier;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * govflow's business counters and timers (docs/monitoring.md). Features call these methods; every label value
 * comes from a bounded set (enum names, district codes, rule ids, model element ids). Counts made inside a
 * transaction are added when it commits, so a rolled-back step counts nothing.
 */
@Component
public class GovflowMetrics {

    public static final String CASES_STARTED = "govflow.cases.started";
    public static final String CASES_ENDED = "govflow.cases.ended";
    public static final String INTAKE_REFUSALS = "govflow.intake.refusals";
    public static final String COURIER_HANDOFFS_FAILED = "govflow.courier.handoffs.failed";
    public static final String LICENCE_ISSUANCE = "govflow.licence.issuance";
    public static final String TASK_COMPLETION = "govflow.task.completion";

    private final MeterRegistry registry;

    public GovflowMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    /** A case was started by the intake (not an idempotent repeat). */
    public void caseStarted(String mode, String district, String channel) {
        afterCommit(() -> Counter.builder(CASES_STARTED)
                .description("办件受理申请数（新建办件）")
                .tag("mode", value(mode))
                .tag("district", value(district))
                .tag("channel", value(channel))
                .register(registry)
                .increment());
    }

    /** A case's process ended; outcome as in the models (APPROVED, NOT_APPROVED, NOT_ACCEPTED, REFUSED, WITHDRAWN). */
    public void caseEnded(String mode, String outcome) {
        afterCommit(() -> Counter.builder(CASES_ENDED)
                .description("办结的办件数")
                .tag("mode", value(mode))
                .tag("outcome", value(outcome))
                .register(registry)
                .increment());
    }

    /** The intake refused an application; rule as in the ProblemDetail (R4, R11, GB11643, NotBlank…). */
    public void intakeRefused(String rule) {
        Counter.builder(INTAKE_REFUSALS)
                .description("收件被拒（按规则）")
                .tag("rule", value(rule))
                .register(registry)
                .increment();
    }

    /** A hand-off to the courier platform failed (the job retries, then raises an incident). */
    public void courierHandOffFailed(String purpose) {
        courierHandOffFailures(purpose).increment();
    }

    /** Shows the courier failure counters at 0 from the start, so an alert sees the series before a failure. */
    public void declareCourierPurposes(Iterable<String> purposes) {
        purposes.forEach(this::courierHandOffFailures);
    }

    private Counter courierHandOffFailures(String purpose) {
        return Counter.builder(COURIER_HANDOFFS_FAILED)
                .description("交寄物流平台失败次数")
                .tag("purpose", value(purpose))
                .register(registry);
    }

    /** Times the issuance of one e-licence (signing and storing it). */
    public <T> T timeLicenceIssuance(Supplier<T> issuance) {
        return Timer.builder(LICENCE_ISSUANCE)
                .description("电子证照签发耗时")
                .register(registry)
                .record(issuance);
    }

    /** A user task was completed this long after it was created. */
    public void taskCompleted(String process, String taskDefinition, Duration duration) {
        afterCommit(() -> Timer.builder(TASK_COMPLETION)
                .description("任务从创建到办理完成的时长")
                .tag("process", value(process))
                .tag("task", value(taskDefinition))
                .register(registry)
                .record(duration));
    }

    private static String value(String value) {
        return value == null || value.isBlank() ? "UNKNOWN" : value;
    }

    private static void afterCommit(Runnable count) {
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    count.run();
                }
            });
        } else {
            count.run();
        }
    }
}
