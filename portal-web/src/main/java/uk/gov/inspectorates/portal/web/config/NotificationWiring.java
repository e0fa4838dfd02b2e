package uk.gov.inspectorates.portal.web.config;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.time.Clock;
import javax.sql.DataSource;
import uk.gov.inspectorates.portal.core.audit.AuditTrail;
import uk.gov.inspectorates.portal.core.notification.MailAddresses;
import uk.gov.inspectorates.portal.core.notification.MailRelay;
import uk.gov.inspectorates.portal.core.notification.NoticeDelivery;
import uk.gov.inspectorates.portal.core.notification.Notices;
import uk.gov.inspectorates.portal.core.organisation.OrganisationDirectory;
import uk.gov.inspectorates.portal.storage.jdbc.JdbcMailAddresses;
import uk.gov.inspectorates.portal.storage.jdbc.JdbcNotificationOutbox;
import uk.gov.inspectorates.portal.web.notification.DemoMailAddresses;
import uk.gov.inspectorates.portal.web.notification.JakartaMailRelay;
import uk.gov.inspectorates.portal.web.notification.LoggingMailRelay;
import uk.gov.inspectorates.portal.core.shared.UnitOfWork;

/**
 * The e-mail outbox (docs/adr/0023): {@link Notices} is the {@code NoticeOutbox} every service queues its notices
 * in; {@link NoticeDelivery} sends them through the SMTP relay when one is configured, else to the log.
 */
@ApplicationScoped
public class NotificationWiring {

    /** The one instance PortalWiring produces: a unit of work binds its connection to it (docs/adr/0032). */
    @Inject
    DataSource dataSource;

    @Inject
    PortalConfiguration configuration;

    @Inject
    NotificationSettings settings;

    @Produces
    @Singleton
    Notices notices(OrganisationDirectory directory, Clock clock) {
        MailAddresses addresses = new JdbcMailAddresses(dataSource);
        return new Notices(directory, configuration.demoModeRunning() ? new DemoMailAddresses(addresses) : addresses,
                new JdbcNotificationOutbox(dataSource), clock, settings.portalAddress());
    }

    @Produces
    @Singleton
    NoticeDelivery noticeDelivery(AuditTrail audit, Clock clock, UnitOfWork unitOfWork) {
        MailRelay relay = settings.smtp().<MailRelay>map(JakartaMailRelay::new)
                .orElseGet(() -> new LoggingMailRelay(configuration.demoModeRunning()));
        return new NoticeDelivery(new JdbcNotificationOutbox(dataSource), relay, audit, clock, settings.delivery(),
                                  unitOfWork);
    }
}
