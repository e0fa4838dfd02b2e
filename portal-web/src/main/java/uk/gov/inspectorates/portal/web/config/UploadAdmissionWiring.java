package uk.gov.inspectorates.portal.web.config;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import javax.sql.DataSource;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import uk.gov.inspectorates.portal.core.access.PolicyGate;
import uk.gov.inspectorates.portal.core.document.UploadAdmission;
import uk.gov.inspectorates.portal.storage.jdbc.JdbcResumableUploadRepository;

/** The per-user upload limits (docs/adr/0039), from {@code portal.upload.*}. */
@ApplicationScoped
public class UploadAdmissionWiring {

    @Inject
    DataSource dataSource;

    @Inject
    @ConfigProperty(name = "portal.upload.concurrent-per-user", defaultValue = "4")
    int concurrentPerUser;

    @Inject
    @ConfigProperty(name = "portal.upload.unfinished-per-user", defaultValue = "10")
    int unfinishedPerUser;

    @Inject
    PortalConfiguration configuration;

    @Produces
    @Singleton
    UploadAdmission uploadAdmission(PolicyGate gate) {
        return new UploadAdmission(new UploadAdmission.Limits(concurrentPerUser, unfinishedPerUser,
                configuration.uploadBusyRetryAfter()), new JdbcResumableUploadRepository(dataSource), gate);
    }
}
