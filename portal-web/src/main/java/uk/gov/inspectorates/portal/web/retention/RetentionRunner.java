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
import java.util.Optional;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import uk.gov.inspectorates.portal.core.shared.ClusterJobLock;
import uk.gov.inspectorates.portal.core.removal.RetentionRun;
import uk.gov.inspectorates.portal.web.config.ScheduledRun;

/**
 * Runs the {@link RetentionRun} every {@code portal.removal.interval-seconds} (default an hour), first a minute after
 * start-up. Every node of a cluster may run it: each removal is locked to one runner at a time, and a removal another
 * node is at is skipped. A failed removal is logged and recorded on its row (the administrators' page shows it); the
 * next run retries it. {@code portal.removal.enabled=false} stops the schedule (the administrators' "run now" stays).
 */
@Singleton
@Startup
@DependsOn("PortalStartup")
@TransactionManagement(TransactionManagementType.BEAN)
public class RetentionRunner {

    private static final Logger LOG = Logger.getLogger(RetentionRunner.class.getName());

    @Inject
    RetentionRun run;

    @Inject
    @ConfigProperty(name = "portal.removal.enabled", defaultValue = "true")
    boolean enabled;

    @Inject
    @ConfigProperty(name = "portal.removal.interval-seconds")
    Optional<Long> intervalSeconds;

    @Inject
    ClusterJobLock cluster;

    @Resource(lookup = "java:comp/DefaultManagedScheduledExecutorService")
    ManagedScheduledExecutorService scheduler;

    private ScheduledRun schedule;

    @PostConstruct
    void start() {
        if (!enabled) {
            LOG.info("Retention removals are not scheduled (portal.removal.enabled=false)");
            return;
        }
        long interval = Math.max(1, intervalSeconds.orElse(3600L));
        schedule = ScheduledRun.every(cluster, "retention-removals", scheduler, Duration.ofSeconds(Math.min(60, interval)),
                Duration.ofSeconds(interval), LOG, "The retention run failed; the next run carries on", this::runOnce);
    }

    @PreDestroy
    void stop() {
        ScheduledRun.stop(schedule);
    }

    private void runOnce() {
        RetentionRun.Result result = run.run();
        if (result.removed() > 0 || result.failed() > 0) {
            LOG.info(() -> "Retention removals: " + result.removed() + " completed, " + result.failed()
                    + " failed (retried next run), " + result.held() + " held, " + result.busy() + " busy");
        }
    }
}
