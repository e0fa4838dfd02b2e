package uk.gov.inspectorates.portal.web.config;

import java.time.Duration;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import uk.gov.inspectorates.portal.core.shared.ClusterJobLock;

/**
 * A job the portal runs on its managed scheduler with a fixed delay between runs (the checkpoint, retention, sweep,
 * notice and reminder runners). A run that fails is logged and the next one carries on: an exception escaping a
 * scheduled job would silently cancel every later run. Each runner keeps its own schedule and what it logs.
 *
 * <p>Every instance of a cluster schedules every job, and each run goes through the {@link ClusterJobLock}: it runs
 * only while no other instance runs the same job and when none started it within 90% of the interval, so a job runs
 * about once an interval across the cluster, and on whichever instance is alive (docs/adr/0043).
 */
public final class ScheduledRun {

    /** What runs: a sweep may throw the store's I/O exceptions, logged like any other failure. */
    @FunctionalInterface
    public interface Job {
        void run() throws Exception;
    }

    private final ScheduledFuture<?> future;

    private ScheduledRun(ScheduledFuture<?> future) {
        this.future = future;
    }

    /**
     * Runs the job named {@code name} first after {@code first}, then {@code every} after the previous run ended,
     * each time only if it is this instance's turn across the cluster.
     */
    public static ScheduledRun every(ClusterJobLock cluster, String name, ScheduledExecutorService scheduler,
                                     Duration first, Duration every, Logger log, String failure, Job job) {
        Duration gap = every.multipliedBy(9).dividedBy(10);
        return new ScheduledRun(scheduler.scheduleWithFixedDelay(
                () -> logged(log, failure, () -> cluster.runIfDue(name, gap, job::run)), first.toMillis(),
                every.toMillis(), TimeUnit.MILLISECONDS));
    }

    /** This instance, as {@code scheduled_job_run} names the last one to start a job: host and process id. */
    public static String instanceName() {
        String host;
        try {
            host = java.net.InetAddress.getLocalHost().getHostName();
        } catch (java.io.IOException unknown) {
            host = "unknown-host";
        }
        return host + ":" + ProcessHandle.current().pid();
    }

    /** Runs the job now, on this thread; a failure is logged as a warning with its message, never thrown. */
    public static void logged(Logger log, String failure, Job job) {
        try {
            job.run();
        } catch (Exception e) {
            log.log(Level.WARNING, failure, e);
        }
    }

    /** Stops the runs to come (one under way finishes). */
    public void cancel() {
        future.cancel(false);
    }

    /** Cancels each run that was scheduled (null: never scheduled, e.g. disabled by configuration). */
    public static void stop(ScheduledRun run) {
        if (run != null) {
            run.cancel();
        }
    }
}
