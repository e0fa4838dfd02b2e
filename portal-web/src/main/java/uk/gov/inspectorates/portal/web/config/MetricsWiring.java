package uk.gov.inspectorates.portal.web.config;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import javax.sql.DataSource;
import uk.gov.inspectorates.portal.core.operations.Backlog;
import uk.gov.inspectorates.portal.storage.jdbc.JdbcBacklog;
import uk.gov.inspectorates.portal.web.metrics.PortalMetrics;

/** The operator's metrics (docs/adr/0047): this instance's counters, and the backlog read from PostgreSQL. */
@ApplicationScoped
public class MetricsWiring {

    @Resource(lookup = PortalDataSource.JNDI_NAME)
    DataSource dataSource;

    @Produces
    @Singleton
    PortalMetrics portalMetrics() {
        return new PortalMetrics();
    }

    @Produces
    @Singleton
    Backlog backlog() {
        return new JdbcBacklog(dataSource);
    }
}
