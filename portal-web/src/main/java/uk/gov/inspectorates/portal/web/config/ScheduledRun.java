package uk.gov.inspectorates.portal.web.config;

import java.time.Duration;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * A job the portal runs on its managed scheduler with a fixed delay between runs (the checkpoint, retention, sweep,
 * notice and reminder runners). A run that fails is logged and the next one carries on: an exception escaping a
 * scheduled job would silently cancel every later run. Each runner keeps its own schedule and what it logs.
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

    /** Runs the job first after {@code first}, then {@code every} after the previous run ended. */
    public static ScheduledRun every(ScheduledExecutorService scheduler, Duration first, Duration every, Logger log,
                                     String failure, Job job) {
        return new ScheduledRun(scheduler.scheduleWithFixedDelay(() -> logged(log, failure, job), first.toMillis(),
                every.toMillis(), TimeUnit.MILLISECONDS));
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
