package uk.gov.inspectorates.portal.web.config;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import javax.sql.DataSource;
import uk.gov.inspectorates.portal.core.access.PolicyGate;
import uk.gov.inspectorates.portal.core.report.ReportRepository;
import uk.gov.inspectorates.portal.core.report.WithholdRequests;
import uk.gov.inspectorates.portal.core.report.WithholdViews;
import uk.gov.inspectorates.portal.storage.jdbc.JdbcWithholdRequests;

/**
 * JTAI Annex D (issue 17, docs/adr/0026): the other parties' views on withhold and withdrawal requests, the statement
 * of proposed action, challenges and complaints.
 */
@ApplicationScoped
public class AnnexDWiring {

    @Resource(lookup = PortalDataSource.JNDI_NAME)
    DataSource dataSource;

    @Produces
    @Singleton
    WithholdRequests withholdRequests() {
        return new JdbcWithholdRequests(dataSource);
    }

    @Produces
    @Singleton
    WithholdViews withholdViews(ReportRepository reports, WithholdRequests requests, PolicyGate gate) {
        return new WithholdViews(reports, requests, gate);
    }
}
