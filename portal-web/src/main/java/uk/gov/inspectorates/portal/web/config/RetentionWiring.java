package uk.gov.inspectorates.portal.web.config;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.util.Optional;
import uk.gov.inspectorates.portal.core.inspection.FindingsPublication;
import uk.gov.inspectorates.portal.core.retention.DefaultRetentionPolicies;
import uk.gov.inspectorates.portal.core.retention.LegalHolds;
import uk.gov.inspectorates.portal.core.retention.RetentionPolicies;

/**
 * The end of an inspection and retention (issue 17). Provisional producers of the contracts the parts of issue 17 share:
 * each is replaced by the part that owns it (retention policies and legal holds in PostgreSQL, export records, the
 * findings letter's publication).
 */
@ApplicationScoped
public class RetentionWiring {

    @Produces
    @Singleton
    RetentionPolicies retentionPolicies() {
        return new DefaultRetentionPolicies();
    }

    @Produces
    @Singleton
    LegalHolds legalHolds() {
        return target -> false;
    }

    @Produces
    @Singleton
    FindingsPublication findingsPublication() {
        return inspectionId -> Optional.empty();
    }
}
