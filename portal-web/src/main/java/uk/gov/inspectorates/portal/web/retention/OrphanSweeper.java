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
import java.time.Duration;
import java.util.logging.Logger;
import uk.gov.inspectorates.portal.core.shared.ClusterJobLock;
import uk.gov.inspectorates.portal.core.removal.RetentionRun;
import uk.gov.inspectorates.portal.core.retention.OrphanSweep;
import uk.gov.inspectorates.portal.core.retention.RetentionCategory;
import uk.gov.inspectorates.portal.web.config.PortalConfiguration;
import uk.gov.inspectorates.portal.web.config.ScheduledRun;

/**
 * Removes the unfinished resumable uploads their retention policy says are due ({@link RetentionRun#removeDue}), then
 * runs the {@link OrphanSweep}, once at start-up (after the schema migration, before the portal reports ready) and
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
    RetentionRun retention;

    @Inject
    ClusterJobLock cluster;

    @Resource(lookup = "java:comp/DefaultManagedScheduledExecutorService")
    ManagedScheduledExecutorService scheduler;

    private ScheduledRun schedule;

    @PostConstruct
    void start() {
        if (!configuration.sweepEnabled()) {
            LOG.info("Orphan sweep disabled (portal.sweep.enabled=false)");
            return;
        }
        runOnce();
        Duration interval = Duration.ofSeconds(Math.max(1, configuration.sweepIntervalSeconds()));
        schedule = ScheduledRun.every(cluster, "orphan-sweep", scheduler, interval, interval, LOG, "The orphan sweep failed; the next run "
                + "carries on", this::runOnce);
    }

    @PreDestroy
    void stop() {
        ScheduledRun.stop(schedule);
    }

    private void runOnce() {
        ScheduledRun.logged(LOG, "Removing expired uploads failed; the next run carries on", () -> {
            int expired = retention.removeDue(RetentionCategory.RESUMABLE_UPLOADS);
            if (expired > 0) {
                LOG.info(() -> "Removed " + expired + " unfinished resumable uploads (retention policy)");
            }
        });
        ScheduledRun.logged(LOG, "Orphan sweep failed; the next run carries on", () -> {
            OrphanSweep.Result result = sweep.sweep();
            if (result.removedAnything()) {
                LOG.info(() -> "Orphan sweep removed " + result.objectsDeleted() + " objects and destroyed "
                        + result.keksDestroyed() + " KEKs; " + result.objectsKept() + " objects kept");
            }
        });
    }
}
