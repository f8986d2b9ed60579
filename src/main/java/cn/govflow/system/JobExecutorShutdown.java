package cn.govflow.system;

import java.time.Duration;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.camunda.bpm.engine.impl.jobexecutor.JobExecutor;
import org.camunda.bpm.engine.spring.components.jobexecutor.SpringJobExecutor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationContext;
import org.springframework.context.event.ContextClosedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;
import org.springframework.stereotype.Component;

/**
 * Stops the Camunda job executor first when the application shuts down (SIGTERM): no more jobs are acquired, and
 * the jobs already acquired run to their end while the engine and the database are still there. Left alone, the
 * job acquisition keeps locking jobs its closed thread pool then refuses (they wait out their lock time after the
 * restart), and jobs still running at the end are interrupted.
 */
@Component
class JobExecutorShutdown {

    private static final Logger log = LoggerFactory.getLogger(JobExecutorShutdown.class);

    private final ApplicationContext context;
    private final ObjectProvider<JobExecutor> jobExecutor;
    private final Duration timeout;

    JobExecutorShutdown(
            ApplicationContext context,
            ObjectProvider<JobExecutor> jobExecutor,
            @Value("${spring.lifecycle.timeout-per-shutdown-phase:30s}") Duration timeout) {
        this.context = context;
        this.jobExecutor = jobExecutor;
        this.timeout = timeout;
    }

    /** Before Spring's own executor shutdown and the web server's graceful drain (both react to this event later). */
    @EventListener
    @Order(Ordered.HIGHEST_PRECEDENCE)
    void stopJobExecutor(ContextClosedEvent event) {
        JobExecutor executor = jobExecutor.getIfAvailable();
        // A child context closing (a management port's, say) is not the application stopping.
        if (event.getApplicationContext() != context || executor == null || !executor.isActive()) {
            return;
        }
        executor.shutdown();
        if (executor instanceof SpringJobExecutor spring
                && spring.getTaskExecutor() instanceof ThreadPoolTaskExecutor pool) {
            ThreadPoolExecutor threads = pool.getThreadPoolExecutor();
            int running = threads.getActiveCount() + threads.getQueue().size();
            threads.shutdown();
            try {
                if (threads.awaitTermination(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                    log.info(
                            "job executor stopped: no more jobs acquired; the {} running or queued then finished",
                            running);
                } else {
                    log.warn(
                            "job executor: jobs still running after {}; their locks expire and they run again "
                                    + "after the restart",
                            timeout);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
