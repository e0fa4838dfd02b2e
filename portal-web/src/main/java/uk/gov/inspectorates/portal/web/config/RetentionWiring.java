package uk.gov.inspectorates.portal.web.config;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.util.Optional;
import javax.sql.DataSource;
import uk.gov.inspectorates.portal.core.inspection.FindingsPublication;
import uk.gov.inspectorates.portal.storage.jdbc.JdbcLegalHolds;
import uk.gov.inspectorates.portal.storage.jdbc.JdbcRetentionPolicies;

/**
 * The end of an inspection and retention (issue 17). Provisional producers of the contracts the parts of issue 17 share:
 * each is replaced by the part that owns it (retention policies and legal holds in PostgreSQL, export records, the
 * findings letter's publication).
 */
@ApplicationScoped
public class RetentionWiring {

    /** The administrators' policies in PostgreSQL (V21): types RetentionPolicyRecords and RetentionPolicies. */
    @Produces
    @Singleton
    JdbcRetentionPolicies retentionPolicies(DataSource dataSource) {
        return new JdbcRetentionPolicies(dataSource);
    }

    /** Legal holds in PostgreSQL (V21): types LegalHoldRecords and LegalHolds. */
    @Produces
    @Singleton
    JdbcLegalHolds legalHolds(DataSource dataSource) {
        return new JdbcLegalHolds(dataSource);
    }

    @Produces
    @Singleton
    FindingsPublication findingsPublication() {
        return inspectionId -> Optional.empty();
    }
}
