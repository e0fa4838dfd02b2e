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
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Logger;
import uk.gov.inspectorates.portal.core.shared.ClusterJobLock;
import uk.gov.inspectorates.portal.core.notification.DueItems;
import uk.gov.inspectorates.portal.core.notification.NoticeDelivery;
import uk.gov.inspectorates.portal.core.notification.Notices;
import uk.gov.inspectorates.portal.core.notification.Reminders;
import uk.gov.inspectorates.portal.web.config.NotificationSettings;
import uk.gov.inspectorates.portal.web.config.ScheduledRun;

/**
 * Sends what waits in the outbox every {@code portal.notices.interval-seconds}, and queues the reminders of what
 * agencies owe every {@code portal.reminders.interval-seconds} (when a {@link DueItems} is deployed). Sent and given-up
 * messages are removed by the NOTIFICATION_OUTBOX retention policy, nowhere else (docs/adr/0029). On every node:
 * claims are leased, so nodes never send one message at once. A failed run is logged; the next one carries on. In
 * production, start-up fails unless real e-mail is configured.
 */
@Singleton
@Startup
@DependsOn("PortalStartup")
@TransactionManagement(TransactionManagementType.BEAN)
public class NoticeWorker {

    private static final Logger LOG = Logger.getLogger(NoticeWorker.class.getName());
    private static final int MOST_BATCHES_A_RUN = 50;

    @Inject
    NotificationSettings settings;

    @Inject
    NoticeDelivery delivery;

    @Inject
    Notices notices;

    @Inject
    Instance<DueItems> dueItems;

    @Inject
    Clock clock;

    @Inject
    ClusterJobLock cluster;

    @Resource(lookup = "java:comp/DefaultManagedScheduledExecutorService")
    ManagedScheduledExecutorService scheduler;

    private final List<ScheduledRun> schedules = new ArrayList<>();

    @PostConstruct
    void start() {
        settings.checkForProduction();
        Duration interval = Duration.ofSeconds(settings.intervalSeconds());
        schedules.add(ScheduledRun.every(cluster, "notice-delivery", scheduler, interval, interval, LOG,
                "Delivering notices failed; the next run carries on", this::deliver));
        if (dueItems.isResolvable()) {
            Reminders reminders = new Reminders(dueItems.get(), notices, clock, ZoneId.of("Europe/London"));
            schedules.add(ScheduledRun.every(cluster, "due-reminders", scheduler, Duration.ZERO,
                    Duration.ofSeconds(settings.remindersIntervalSeconds()), LOG,
                    "Queueing reminders failed; the next run carries on", () -> remind(reminders)));
        } else {
            LOG.warning("No DueItems deployed: DUE_TOMORROW and OVERDUE reminders are not queued");
        }
    }

    @PreDestroy
    void stop() {
        schedules.forEach(ScheduledRun::cancel);
    }

    private void deliver() {
        for (int batch = 0; batch < MOST_BATCHES_A_RUN; batch++) {
            NoticeDelivery.Result result = delivery.deliverDue();
            if (result.handled() > 0) {
                LOG.info(() -> "Notices: " + result.sent() + " sent, " + result.retried() + " to retry, "
                        + result.givenUp() + " given up");
            }
            if (result.handled() < delivery.settings().batchSize()) {
                return;
            }
        }
    }

    private void remind(Reminders reminders) {
        Reminders.Result result = reminders.queueDue();
        if (result.dueTomorrow() + result.overdue() > 0) {
            LOG.info(() -> "Reminders queued: " + result.dueTomorrow() + " due tomorrow, " + result.overdue()
                    + " overdue");
        }
    }
}
