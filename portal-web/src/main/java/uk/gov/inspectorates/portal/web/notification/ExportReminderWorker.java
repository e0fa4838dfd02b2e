package uk.gov.inspectorates.portal.web.notification;

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
import uk.gov.inspectorates.portal.core.inspection.ExportReminders;
import uk.gov.inspectorates.portal.web.config.NotificationSettings;
import uk.gov.inspectorates.portal.web.config.ScheduledRun;

/**
 * Queues the reminders to inspectorates that have not exported from a closed inspection before its export window ends
 * (docs/adr/0028), every {@code portal.reminders.interval-seconds}, on every node: the outbox keeps each reminder once.
 */
@Singleton
@Startup
@DependsOn("PortalStartup")
@TransactionManagement(TransactionManagementType.BEAN)
public class ExportReminderWorker {

    private static final Logger LOG = Logger.getLogger(ExportReminderWorker.class.getName());

    @Inject
    NotificationSettings settings;

    @Inject
    ExportReminders reminders;

    @Inject
    ClusterJobLock cluster;

    @Resource(lookup = "java:comp/DefaultManagedScheduledExecutorService")
    ManagedScheduledExecutorService scheduler;

    private ScheduledRun schedule;

    @PostConstruct
    void start() {
        schedule = ScheduledRun.every(cluster, "export-reminders", scheduler, Duration.ZERO, Duration.ofSeconds(settings.remindersIntervalSeconds()),
                LOG, "Queueing export reminders failed; the next run carries on", this::remind);
    }

    @PreDestroy
    void stop() {
        schedule.cancel();
    }

    private void remind() {
        int queued = reminders.queueDue();
        if (queued > 0) {
            LOG.info(() -> "Export reminders queued: " + queued);
        }
    }
}
