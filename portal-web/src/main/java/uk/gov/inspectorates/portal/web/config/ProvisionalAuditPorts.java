package uk.gov.inspectorates.portal.web.config;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import javax.sql.DataSource;
import uk.gov.inspectorates.portal.core.audit.AuditSearch;
import uk.gov.inspectorates.portal.core.audit.AuditVerification;
import uk.gov.inspectorates.portal.core.audit.AuditVerifier;
import uk.gov.inspectorates.portal.storage.jdbc.JdbcAuditSearch;

/**
 * PROVISIONAL (helper-chart, issue 18): producers of the SIRO's search and the trail's verifier until the branches that
 * build them wire them (helper-search: {@link JdbcAuditSearch}; helper-verify: the chain verifier with its signed
 * checkpoints). Delete this class when merging those producers: two producers of a port would make the deployment
 * ambiguous. Until then the verifier says, truthfully, that it did not verify anything.
 */
@ApplicationScoped
public class ProvisionalAuditPorts {

    @Produces
    @Singleton
    AuditSearch auditSearch(DataSource dataSource) {
        return new JdbcAuditSearch(dataSource);
    }

    @Produces
    @Singleton
    AuditVerifier auditVerifier() {
        return () -> new AuditVerification(false, 0, null, null, null,
                "no verifier is installed in this build (provisional wiring)");
    }
}
