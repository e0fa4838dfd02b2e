package uk.gov.inspectorates.portal.web.config;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import javax.sql.DataSource;
import uk.gov.inspectorates.portal.core.access.PolicyGate;
import uk.gov.inspectorates.portal.core.accountability.AccessChartService;
import uk.gov.inspectorates.portal.core.accountability.AuditReportService;
import uk.gov.inspectorates.portal.core.accountability.AuditReportWriter;
import uk.gov.inspectorates.portal.core.audit.AuditActivity;
import uk.gov.inspectorates.portal.core.audit.AuditCheckpointing;
import uk.gov.inspectorates.portal.core.audit.AuditSearch;
import uk.gov.inspectorates.portal.core.audit.AuditVerifier;
import uk.gov.inspectorates.portal.core.organisation.OrganisationDirectory;
import uk.gov.inspectorates.portal.security.report.PdfBoxAuditReportWriter;
import uk.gov.inspectorates.portal.storage.jdbc.JdbcAuditActivity;

/**
 * The SIRO's chart of access over time and PDF report of the trail (issue 18, docs/adr/0035). The search, the
 * verifier and the checkpoints they use are produced where they are built (AuditSearchWiring, AuditCheckpointWiring).
 */
@ApplicationScoped
public class AccountabilityWiring {

    @Produces
    @Singleton
    AuditActivity auditActivity(DataSource dataSource) {
        return new JdbcAuditActivity(dataSource);
    }

    @Produces
    @Singleton
    AccessChartService accessChartService(PolicyGate gate, AuditActivity activity, OrganisationDirectory directory) {
        return new AccessChartService(gate, activity, directory);
    }

    @Produces
    @Singleton
    AuditReportWriter auditReportWriter() {
        return new PdfBoxAuditReportWriter();
    }

    @Produces
    @Singleton
    AuditReportService auditReportService(PolicyGate gate, AuditSearch search, AuditVerifier verifier,
                                          OrganisationDirectory directory, AuditReportWriter writer,
                                          AuditCheckpointing checkpointing) {
        return new AuditReportService(gate, search, verifier, directory, writer, checkpointing::atHead);
    }
}
