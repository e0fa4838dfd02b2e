package uk.gov.inspectorates.portal.web.config;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import uk.gov.inspectorates.portal.core.access.PolicyGate;
import uk.gov.inspectorates.portal.core.audit.AuditTrail;
import uk.gov.inspectorates.portal.core.calendar.WorkingDayCalendar;
import uk.gov.inspectorates.portal.core.document.KeyService;
import uk.gov.inspectorates.portal.core.document.ObjectStore;
import uk.gov.inspectorates.portal.core.inspection.ExportRecords;
import uk.gov.inspectorates.portal.core.inspection.InspectionRepository;
import uk.gov.inspectorates.portal.core.removal.CertificateSigner;
import uk.gov.inspectorates.portal.core.removal.InspectionRemovalSweep;
import uk.gov.inspectorates.portal.core.removal.ProvableRemoval;
import uk.gov.inspectorates.portal.core.removal.RemovalCertificates;
import uk.gov.inspectorates.portal.core.removal.RemovalCertifier;
import uk.gov.inspectorates.portal.core.removal.RemovalService;
import uk.gov.inspectorates.portal.core.removal.Removals;
import uk.gov.inspectorates.portal.core.removal.ReportRemovalSweep;
import uk.gov.inspectorates.portal.core.removal.RetainedReports;
import uk.gov.inspectorates.portal.core.removal.RetentionRun;
import uk.gov.inspectorates.portal.core.removal.ScopeInventory;
import uk.gov.inspectorates.portal.core.retention.LegalHolds;
import uk.gov.inspectorates.portal.core.retention.RetentionPolicies;
import uk.gov.inspectorates.portal.core.retention.RetentionSweep;
import uk.gov.inspectorates.portal.security.signing.Ed25519CertificateSigner;
import uk.gov.inspectorates.portal.storage.jdbc.JdbcRemovalCertificates;
import uk.gov.inspectorates.portal.storage.jdbc.JdbcRemovals;
import uk.gov.inspectorates.portal.storage.jdbc.JdbcRetainedReports;
import uk.gov.inspectorates.portal.storage.jdbc.JdbcScopeInventory;
import uk.gov.inspectorates.portal.core.shared.UnitOfWork;

/**
 * Automatic, provable removal (issue 17, docs/adr/0030): the sweeps of JTAI data and of reports (CDI beans of type
 * {@link RetentionSweep}, found by the runner with every other sweep), the runner, the removal records and the signed
 * certificates. The certificate signing key lives in a BCFKS keystore beside the master keystore (same password),
 * created on first start outside production; production provides it (every node of a cluster the same file).
 */
@ApplicationScoped
public class RemovalWiring {

    @Inject
    PortalConfiguration configuration;

    @Inject
    @ConfigProperty(name = SigningKeystore.Settings.REMOVAL)
    Optional<String> signingKeystorePath;

    @Produces
    @Singleton
    Removals removals(DataSource dataSource) {
        return new JdbcRemovals(dataSource);
    }

    @Produces
    @Singleton
    ScopeInventory scopeInventory(DataSource dataSource) {
        return new JdbcScopeInventory(dataSource);
    }

    @Produces
    @Singleton
    RemovalCertificates removalCertificates(DataSource dataSource) {
        return new JdbcRemovalCertificates(dataSource);
    }

    @Produces
    @Singleton
    RetainedReports retainedReports(DataSource dataSource) {
        return new JdbcRetainedReports(dataSource);
    }

    @Produces
    @Singleton
    CertificateSigner certificateSigner() {
        Path keystore = SigningKeystore.REMOVAL.path(signingKeystorePath, configuration.keystorePath());
        try {
            return Ed25519CertificateSigner.openOrCreate(keystore, configuration.keystorePassword(),
                    !configuration.production());
        } catch (IOException e) {
            throw new UncheckedIOException("the removal certificates' signing keystore could not be opened", e);
        }
    }

    @Produces
    @Singleton
    ProvableRemoval provableRemoval(Removals removals, ScopeInventory inventory, KeyService keys, ObjectStore objects,
                                    LegalHolds holds, RemovalCertificates certificates, CertificateSigner signer,
                                    AuditTrail audit, Clock clock, UnitOfWork unitOfWork) {
        return new ProvableRemoval(removals, inventory, keys, objects, holds,
                new RemovalCertifier(removals, certificates, signer, clock), audit, clock, unitOfWork);
    }

    @Produces
    @Singleton
    InspectionRemovalSweep inspectionRemovalSweep(InspectionRepository inspections, ExportRecords exports,
                                                  ScopeInventory inventory, RetentionPolicies policies,
                                                  WorkingDayCalendar calendar, Removals removals,
                                                  ProvableRemoval removal) {
        return new InspectionRemovalSweep(inspections, exports, inventory, policies, calendar, removals, removal);
    }

    @Produces
    @Singleton
    @ReportSweep(ReportSweep.Category.PUBLISHED)
    ReportRemovalSweep publishedReportCopies(RetainedReports reports, ScopeInventory inventory,
                                             RetentionPolicies policies, WorkingDayCalendar calendar,
                                             Removals removals, ProvableRemoval removal) {
        return ReportRemovalSweep.publishedCopies(reports, inventory, policies, calendar, removals, removal);
    }

    @Produces
    @Singleton
    @ReportSweep(ReportSweep.Category.WITHDRAWN)
    ReportRemovalSweep withdrawnReports(RetainedReports reports, ScopeInventory inventory, RetentionPolicies policies,
                                        WorkingDayCalendar calendar, Removals removals, ProvableRemoval removal) {
        return ReportRemovalSweep.withdrawn(reports, inventory, policies, calendar, removals, removal);
    }

    @Produces
    @Singleton
    @ReportSweep(ReportSweep.Category.LETTERS)
    ReportRemovalSweep lettersAhead(RetainedReports reports, ScopeInventory inventory, RetentionPolicies policies,
                                    WorkingDayCalendar calendar, Removals removals, ProvableRemoval removal) {
        return ReportRemovalSweep.lettersAhead(reports, inventory, policies, calendar, removals, removal);
    }

    /** Every sweep of every category, whoever wrote it. */
    @Produces
    @Singleton
    RetentionRun retentionRun(@Any Instance<RetentionSweep> sweeps, RetentionPolicies policies, LegalHolds holds,
                              Removals removals, Clock clock) {
        List<RetentionSweep> all = sweeps.stream().toList();
        return new RetentionRun(all, policies, holds, removals, clock);
    }

    @Produces
    @Singleton
    RemovalService removalService(PolicyGate gate, RetentionRun run, Removals removals,
                                  RemovalCertificates certificates, CertificateSigner signer) {
        return new RemovalService(gate, run, removals, certificates, signer);
    }
}
