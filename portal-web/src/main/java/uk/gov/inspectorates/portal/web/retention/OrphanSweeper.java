package uk.gov.inspectorates.portal.web.retention;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionManagement;
import jakarta.ejb.TransactionManagementType;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.inject.Inject;
import java.time.Clock;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import uk.gov.inspectorates.portal.core.retention.OrphanSweep;
import uk.gov.inspectorates.portal.core.retention.Remover;
import uk.gov.inspectorates.portal.core.retention.RetentionCategory;
import uk.gov.inspectorates.portal.core.retention.RetentionSchedule;
import uk.gov.inspectorates.portal.web.config.PortalConfiguration;

/**
 * Removes the unfinished resumable uploads their retention policy says are due, then runs the {@link OrphanSweep}, once at start-up (after the schema migration, before the portal reports ready) and
 * then every {@code portal.sweep.interval-seconds}. A failed run is logged and does not stop the portal: it removes
 * nothing referenced, and the next run carries on.
 */
@Singleton
@Startup
@DependsOn("PortalStartup")
@TransactionManagement(TransactionManagementType.BEAN)
public class OrphanSweeper {

    private static final Logger LOG = Logger.getLogger(OrphanSweeper.class.getName());

    @Inject
    PortalConfiguration configuration;

    @Inject
    OrphanSweep sweep;

    @Inject
    RetentionSchedule retention;

    @Inject
    Clock clock;

    @Resource(lookup = "java:comp/DefaultManagedScheduledExecutorService")
    ManagedScheduledExecutorService scheduler;

    private ScheduledFuture<?> schedule;

    @PostConstruct
    void start() {
        if (!configuration.sweepEnabled()) {
            LOG.info("Orphan sweep disabled (portal.sweep.enabled=false)");
            return;
        }
        runOnce();
        long interval = Math.max(1, configuration.sweepIntervalSeconds());
        schedule = scheduler.scheduleWithFixedDelay(this::runOnce, interval, interval, TimeUnit.SECONDS);
    }

    @PreDestroy
    void stop() {
        if (schedule != null) {
            schedule.cancel(false);
        }
    }

    /**
     * The RESUMABLE_UPLOADS policy's due uploads, as before the retention run existed (an unfinished upload holds
     * encrypted parts in the store and must not wait for the end of an inspection).
     */
    private int removeDueUploads() {
        int removed = 0;
        for (RetentionSchedule.Entry entry : retention.due(RetentionCategory.RESUMABLE_UPLOADS, clock.instant())) {
            try {
                retention.sweepFor(entry.category()).remove(entry.candidate(),
                        Remover.policy(RetentionCategory.RESUMABLE_UPLOADS.name()));
                removed++;
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "Removing an unfinished upload failed; the next run tries again", e);
            }
        }
        return removed;
    }

    private void runOnce() {
        try {
            int expired = removeDueUploads();
            if (expired > 0) {
                LOG.info(() -> "Removed " + expired + " unfinished resumable uploads (retention policy)");
            }
        } catch (Exception e) {
            LOG.log(Level.WARNING, "Removing expired uploads failed; the next run carries on", e);
        }
        try {
            OrphanSweep.Result result = sweep.sweep();
            if (result.removedAnything()) {
                LOG.info(() -> "Orphan sweep removed " + result.objectsDeleted() + " objects and destroyed "
                        + result.keksDestroyed() + " KEKs; " + result.objectsKept() + " objects kept");
            }
        } catch (Exception e) {
            LOG.log(Level.WARNING, "Orphan sweep failed; the next run carries on", e);
        }
    }
}
