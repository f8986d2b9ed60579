package cn.govflow.support;

import java.time.Duration;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;
import org.awaitility.Awaitility;
import org.awaitility.core.ConditionFactory;

/**
 * Waiting for what the job executor does asynchronously (licence, courier hand-off, timers), with Awaitility:
 * at most 30 seconds, polling gently. Never a measure of speed: a slow machine only waits longer.
 */
public final class JobExecutor {

    public static final Duration AT_MOST = Duration.ofSeconds(30);

    private JobExecutor() {}

    /** Awaitility's wait, named for the failure message, with govflow's limits. */
    public static ConditionFactory await(String what) {
        return Awaitility.await(what).atMost(AT_MOST).pollInterval(Duration.ofMillis(150));
    }

    /** Waits until the probe returns a value (not null, not {@code false}) and returns it. */
    public static <T> T awaitValue(String what, Supplier<T> probe) {
        return await(what).until(probe::get, value -> value != null && !Boolean.FALSE.equals(value));
    }

    /** Waits until the condition holds. */
    public static void awaitTrue(String what, BooleanSupplier condition) {
        await(what).until(condition::getAsBoolean);
    }
}
