package uk.gov.inspectorates.portal.web.audit;

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
import org.eclipse.microprofile.config.inject.ConfigProperty;
import uk.gov.inspectorates.portal.core.shared.ClusterJobLock;
import uk.gov.inspectorates.portal.core.audit.AuditCheckpointing;
import uk.gov.inspectorates.portal.web.config.AuditCheckpointWiring;
import uk.gov.inspectorates.portal.web.config.ScheduledRun;

/**
 * Takes the audit trail's signed checkpoints on schedule (docs/adr/0031): looks at the head every
 * {@code portal.audit.checkpoint.interval-seconds} (every 5 s at most when {@code every-events} is set) and signs it
 * when it has moved and a checkpoint is due. Every node may run it: the checkpoint writers' lock lets one at a time
 * sign, and the others find the head signed already. {@code portal.audit.checkpoint.enabled=false} stops the schedule
 * (exports still take the checkpoint they end at).
 */
@Singleton
@Startup
@DependsOn("PortalStartup")
@TransactionManagement(TransactionManagementType.BEAN)
public class AuditCheckpointRunner {

    private static final Logger LOG = Logger.getLogger(AuditCheckpointRunner.class.getName());

    @Inject
    AuditCheckpointing checkpointing;

    @Inject
    AuditCheckpointWiring settings;

    @Inject
    @ConfigProperty(name = "portal.audit.checkpoint.enabled", defaultValue = "true")
    boolean enabled;

    @Inject
    ClusterJobLock cluster;

    @Resource(lookup = "java:comp/DefaultManagedScheduledExecutorService")
    ManagedScheduledExecutorService scheduler;

    private ScheduledRun schedule;

    @PostConstruct
    void start() {
        if (!enabled) {
            LOG.info("Audit checkpoints are not scheduled (portal.audit.checkpoint.enabled=false)");
            return;
        }
        Duration every = Duration.ofSeconds(settings.checkInterval().toSeconds());
        schedule = ScheduledRun.every(cluster, "audit-checkpoint", scheduler, every, every, LOG,
                "Taking an audit checkpoint failed; the next run tries again", this::runOnce);
    }

    @PreDestroy
    void stop() {
        ScheduledRun.stop(schedule);
    }

    private void runOnce() {
        checkpointing.takeIfDue().ifPresent(checkpoint -> LOG.fine(() -> "Audit checkpoint signed at seq "
                + checkpoint.seq()));
    }
}
