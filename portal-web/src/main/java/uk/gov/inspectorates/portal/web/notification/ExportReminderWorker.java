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
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import uk.gov.inspectorates.portal.core.inspection.ExportReminders;
import uk.gov.inspectorates.portal.web.config.NotificationSettings;

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

    @Resource(lookup = "java:comp/DefaultManagedScheduledExecutorService")
    ManagedScheduledExecutorService scheduler;

    private ScheduledFuture<?> schedule;

    @PostConstruct
    void start() {
        long every = settings.remindersIntervalSeconds();
        schedule = scheduler.scheduleWithFixedDelay(this::remind, 0, every, TimeUnit.SECONDS);
    }

    @PreDestroy
    void stop() {
        schedule.cancel(false);
    }

    private void remind() {
        try {
            int queued = reminders.queueDue();
            if (queued > 0) {
                LOG.info(() -> "Export reminders queued: " + queued);
            }
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Queueing export reminders failed; the next run carries on", e);
        }
    }
}
