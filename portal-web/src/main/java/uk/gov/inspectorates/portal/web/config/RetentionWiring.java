package uk.gov.inspectorates.portal.web.config;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import javax.sql.DataSource;
import uk.gov.inspectorates.portal.storage.jdbc.JdbcLegalHolds;
import uk.gov.inspectorates.portal.storage.jdbc.JdbcRetentionPolicies;

/** Retention policies and legal holds in PostgreSQL (issue 17, docs/adr/0029). */
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
}
