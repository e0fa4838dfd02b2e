package uk.gov.inspectorates.portal.web.config;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.time.Clock;
import javax.sql.DataSource;
import uk.gov.inspectorates.portal.core.account.EnrolmentProgress;
import uk.gov.inspectorates.portal.core.document.MasterKeyRing;
import uk.gov.inspectorates.portal.core.shared.ClusterJobLock;
import uk.gov.inspectorates.portal.storage.jdbc.JdbcEnrolmentsInProgress;
import uk.gov.inspectorates.portal.storage.jdbc.PostgresJobLeases;

/**
 * What lets several portal instances serve as one (docs/adr/0043): invitation set-up progress in PostgreSQL, and
 * the leases that make each scheduled job run once across the cluster. The signed-in sessions were already in
 * PostgreSQL ({@code PortalSessions}); the HTTP session of the container is no longer used.
 */
@ApplicationScoped
public class ClusterWiring {

    @Produces
    @Singleton
    EnrolmentProgress enrolmentProgress(DataSource dataSource, MasterKeyRing masterKeyRing, Clock clock) {
        return new EnrolmentProgress(new JdbcEnrolmentsInProgress(dataSource, masterKeyRing), clock);
    }

    @Produces
    @Singleton
    ClusterJobLock clusterJobLock(DataSource dataSource, Clock clock) {
        return new PostgresJobLeases(dataSource, clock, ScheduledRun.instanceName());
    }
}
