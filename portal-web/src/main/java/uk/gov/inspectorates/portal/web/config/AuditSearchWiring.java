package uk.gov.inspectorates.portal.web.config;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import javax.sql.DataSource;
import uk.gov.inspectorates.portal.core.accountability.AuditTrailReading;
import uk.gov.inspectorates.portal.core.access.PolicyGate;
import uk.gov.inspectorates.portal.core.audit.AuditSearch;
import uk.gov.inspectorates.portal.core.audit.ReportReaders;
import uk.gov.inspectorates.portal.core.report.ReportRepository;
import uk.gov.inspectorates.portal.storage.jdbc.JdbcAuditSearch;

/** The SIRO's search of the trail and "who has seen this report?" (issue 18, docs/adr/0033). */
@ApplicationScoped
public class AuditSearchWiring {

    @Produces
    @Singleton
    AuditSearch auditSearch(DataSource dataSource) {
        return new JdbcAuditSearch(dataSource);
    }

    @Produces
    @Singleton
    ReportReaders reportReaders(DataSource dataSource) {
        return new JdbcAuditSearch(dataSource);
    }

    @Produces
    @Singleton
    AuditTrailReading auditTrailReading(PolicyGate gate, AuditSearch search, ReportReaders readers,
                                        ReportRepository reports) {
        return new AuditTrailReading(gate, search, readers, reports);
    }
}
