package uk.gov.inspectorates.portal.web.config;

import uk.gov.inspectorates.portal.security.stamping.PdfBoxStamper;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import javax.sql.DataSource;
import uk.gov.inspectorates.portal.core.access.AccessPolicy;
import uk.gov.inspectorates.portal.core.access.PolicyGate;
import uk.gov.inspectorates.portal.core.account.AgencyAccounts;
import uk.gov.inspectorates.portal.core.account.LocalCredentials;
import uk.gov.inspectorates.portal.core.account.PasswordPolicy;
import uk.gov.inspectorates.portal.core.account.PortalSessions;
import uk.gov.inspectorates.portal.core.account.SignInService;
import uk.gov.inspectorates.portal.core.administration.OrganisationAdministration;
import uk.gov.inspectorates.portal.core.audit.AuditTrail;
import uk.gov.inspectorates.portal.core.audit.EnrichedAuditTrail;
import uk.gov.inspectorates.portal.storage.jdbc.JdbcAuditActors;
import uk.gov.inspectorates.portal.storage.jdbc.JdbcAuditSubjects;
import uk.gov.inspectorates.portal.web.metrics.CountingAuditTrail;
import uk.gov.inspectorates.portal.web.metrics.PortalMetrics;
import uk.gov.inspectorates.portal.web.audit.RequestOrigin;
import uk.gov.inspectorates.portal.core.shared.UnitOfWork;
import uk.gov.inspectorates.portal.storage.jdbc.JdbcUnitOfWork;
import uk.gov.inspectorates.portal.core.notification.NoticeOutbox;
import uk.gov.inspectorates.portal.core.document.DocumentIntake;
import uk.gov.inspectorates.portal.core.document.DocumentStore;
import uk.gov.inspectorates.portal.core.document.KeyService;
import uk.gov.inspectorates.portal.core.document.MasterKeyRing;
import uk.gov.inspectorates.portal.core.document.ObjectStore;
import uk.gov.inspectorates.portal.core.document.ParallelWindowScanner;
import uk.gov.inspectorates.portal.core.document.ResumableUploads;
import uk.gov.inspectorates.portal.core.document.UploadMemory;
import uk.gov.inspectorates.portal.core.document.WindowedScanner;
import uk.gov.inspectorates.portal.core.evidence.ChildrenListCheck;
import uk.gov.inspectorates.portal.core.organisation.OrganisationDirectory;
import uk.gov.inspectorates.portal.core.organisation.PasswordHasher;
import uk.gov.inspectorates.portal.core.report.OnwardSharingService;
import uk.gov.inspectorates.portal.core.letter.LetterRepository;
import uk.gov.inspectorates.portal.core.letter.AdvanceLetterService;
import uk.gov.inspectorates.portal.core.letter.LetterCopies;
import uk.gov.inspectorates.portal.core.letter.LetterFiles;
import uk.gov.inspectorates.portal.core.letter.LetterOnwardSharingService;
import uk.gov.inspectorates.portal.core.letter.LetterService;
import uk.gov.inspectorates.portal.core.report.ReportLifecycle;
import uk.gov.inspectorates.portal.core.report.WithholdRequests;
import uk.gov.inspectorates.portal.core.report.ReportRepository;
import uk.gov.inspectorates.portal.core.report.ShareDraftService;
import uk.gov.inspectorates.portal.core.report.StampedCopies;
import uk.gov.inspectorates.portal.core.report.Stamper;
import uk.gov.inspectorates.portal.core.report.StampingBudget;
import uk.gov.inspectorates.portal.core.report.ReportService;
import uk.gov.inspectorates.portal.core.retention.LegalHolds;
import uk.gov.inspectorates.portal.core.retention.OrphanSweep;
import uk.gov.inspectorates.portal.core.retention.ScopeRemoval;
import uk.gov.inspectorates.portal.core.termplan.TermPlanService;
import uk.gov.inspectorates.portal.security.content.PdfBoxAndZipInspector;
import uk.gov.inspectorates.portal.security.content.PdfCheckMemory;
import uk.gov.inspectorates.portal.security.content.TikaContentTypeDetector;
import uk.gov.inspectorates.portal.security.content.XlsxTableReader;
import uk.gov.inspectorates.portal.security.keystore.BcfksMasterKeyRing;
import uk.gov.inspectorates.portal.security.malware.ClamAvScanner;
import uk.gov.inspectorates.portal.security.password.Argon2PasswordHasher;
import uk.gov.inspectorates.portal.storage.EncryptedDocumentStore;
import uk.gov.inspectorates.portal.storage.crypto.EnvelopeCipher;
import uk.gov.inspectorates.portal.storage.jdbc.JdbcAuditTrail;
import uk.gov.inspectorates.portal.storage.jdbc.JdbcInvitations;
import uk.gov.inspectorates.portal.storage.jdbc.JdbcKeyService;
import uk.gov.inspectorates.portal.storage.jdbc.JdbcLocalCredentials;
import uk.gov.inspectorates.portal.storage.jdbc.JdbcLetterOnwardSharings;
import uk.gov.inspectorates.portal.storage.jdbc.JdbcOnwardSharings;
import uk.gov.inspectorates.portal.storage.jdbc.JdbcOrganisationDirectory;
import uk.gov.inspectorates.portal.storage.jdbc.JdbcPasswordResets;
import uk.gov.inspectorates.portal.storage.jdbc.JdbcLetterRepository;
import uk.gov.inspectorates.portal.storage.jdbc.JdbcReportRepository;
import uk.gov.inspectorates.portal.storage.jdbc.JdbcResumableUploadRepository;
import uk.gov.inspectorates.portal.storage.jdbc.JdbcSessionRegistry;
import uk.gov.inspectorates.portal.storage.jdbc.JdbcShareDrafts;
import uk.gov.inspectorates.portal.storage.jdbc.JdbcSignInFailures;
import uk.gov.inspectorates.portal.storage.jdbc.JdbcSweepRecords;
import uk.gov.inspectorates.portal.storage.jdbc.JdbcTermPlanRepository;
import uk.gov.inspectorates.portal.storage.objectstore.MinioObjectStore;

/**
 * Chooses the adapter for every port of the domain and builds the domain services from them. Products are
 * {@code @Singleton} (no client proxy), because the domain's classes are final and framework-free.
 */
@ApplicationScoped
public class PortalWiring {

    @Resource(lookup = PortalDataSource.JNDI_NAME)
    DataSource dataSource;

    @Inject
    PortalConfiguration configuration;

    /** Uploads are scanned behind the receive (ScanWiring, docs/adr/0036). */
    @Inject
    ParallelWindowScanner intakeScanner;

    /** The uploads' memory (UploadMemoryWiring), shared by the PDF checks and the upload requests in flight. */
    @Inject
    UploadMemory uploadMemory;

    @Produces
    @Singleton
    DataSource dataSource() {
        return dataSource;
    }

    @Produces
    @Singleton
    Clock clock() {
        return Clock.systemUTC();
    }

    /** One transaction across the JDBC adapters: an action and its audit event commit together (docs/adr/0032). */
    @Produces
    @Singleton
    UnitOfWork unitOfWork() {
        return new JdbcUnitOfWork(dataSource);
    }

    @Inject
    PortalMetrics metrics;

    @Produces
    @Singleton
    AuditTrail auditTrail() {
        // every event gets its origin, its report/inspection and owners, and a page's reads fold into one (ADR 0034)
        return new CountingAuditTrail(new EnrichedAuditTrail(new JdbcAuditTrail(dataSource), new RequestOrigin(),
                new JdbcAuditSubjects(dataSource), new JdbcAuditActors(dataSource)), metrics); // metrics: ADR 0047
    }

    @Produces
    @Singleton
    OrganisationDirectory organisationDirectory() {
        return new JdbcOrganisationDirectory(dataSource);
    }

    @Produces
    @Singleton
    ReportRepository reportRepository() {
        return new JdbcReportRepository(dataSource);
    }

    @Produces
    @Singleton
    MinioObjectStore objectStore() {
        MinioObjectStore store = new MinioObjectStore(configuration.s3Endpoint(), configuration.s3AccessKey(),
                configuration.s3SecretKey(), configuration.s3Bucket(), configuration.s3Region());
        try {
            store.createBucketIfMissing();
        } catch (IOException e) {
            throw new UncheckedIOException("the object store's bucket could not be checked or created", e);
        }
        return store;
    }

    @Produces
    @Singleton
    MasterKeyRing masterKeyRing() {
        // Outside production (the embedded run, tests) a missing keystore is created; production must provide one.
        try {
            return BcfksMasterKeyRing.openOrCreate(Path.of(configuration.keystorePath()),
                    configuration.keystorePassword(), !configuration.production());
        } catch (IOException e) {
            throw new UncheckedIOException("the master-key keystore could not be opened", e);
        }
    }

    /** Data keys → the KEK of their scope (PostgreSQL, wrapped) → the master key (docs/adr/0006). */
    @Produces
    @Singleton
    uk.gov.inspectorates.portal.core.document.LedgeredKeyService keyService(MasterKeyRing masterKeyRing, Clock clock,
            uk.gov.inspectorates.portal.core.document.DestroyedScopeLedger ledger) {
        // every destroyed scope recorded outside the database first, so that a restore cannot revive it (ADR 0046)
        return new uk.gov.inspectorates.portal.core.document.LedgeredKeyService(
                new JdbcKeyService(dataSource, masterKeyRing, clock), ledger);
    }

    @Produces
    @Singleton
    EncryptedDocumentStore documentStore(MinioObjectStore objectStore, KeyService keyService) {
        return new EncryptedDocumentStore(objectStore, keyService, new EnvelopeCipher());
    }

    /** clamd over TCP; not contacted here: an unreachable clamd refuses uploads (503) and fails readiness. */
    @Produces
    @Singleton
    WindowedScanner contentScanner() {
        Duration timeout = Duration.ofSeconds(configuration.clamdTimeoutSeconds());
        return new WindowedScanner(new ClamAvScanner(configuration.clamdHost(), configuration.clamdPort(), timeout,
                timeout), configuration.scanWindowBytes(), configuration.scanOverlapBytes());
    }

    @Produces
    @Singleton
    PasswordHasher passwordHasher() {
        return new Argon2PasswordHasher();
    }

    @Produces
    @Singleton
    AccessPolicy accessPolicy() {
        return new AccessPolicy();
    }

    /** The one gate every service asks, and records people's acts through (docs/adr/0017). */
    @Produces
    @Singleton
    PolicyGate policyGate(AccessPolicy policy, AuditTrail audit, Clock clock) {
        return new PolicyGate(policy, audit, clock);
    }

    @Produces
    @Singleton
    DocumentIntake documentIntake(DocumentStore store) {
        return new DocumentIntake(new TikaContentTypeDetector(),
                new PdfBoxAndZipInspector(configuration.pdfCheckMaxBytes(),
                        new PdfCheckMemory(uploadMemory,
                                Duration.ofMillis(configuration.pdfCheckWaitMillis()), Duration.ofSeconds(30))),
                intakeScanner, store,
                configuration.uploadMaxBytes());
    }

    /** The check a list of children gets at upload (JTAI §19, §80; docs/adr/0019), for the JTAI upload path. */
    @Produces
    @Singleton
    ChildrenListCheck childrenListCheck() {
        return new ChildrenListCheck(new XlsxTableReader());
    }

    /** Uploads in parts over many requests (docs/adr/0009), checked like any other upload once assembled. */
    @Produces
    @Singleton
    ResumableUploads resumableUploads(EncryptedDocumentStore store, WindowedScanner scanner, KeyService keys,
                                      PolicyGate gate, AuditTrail audit, UnitOfWork unitOfWork) {
        return new ResumableUploads(new JdbcResumableUploadRepository(dataSource), store, documentIntake(store),
                scanner, keys, gate, audit, new ResumableUploads.Settings(configuration.uploadPartBytes(),
                Duration.ofSeconds(configuration.uploadExpirySeconds())), unitOfWork);
    }

    @Produces
    @Singleton
    ReportService reportService(ReportRepository reports, DocumentStore store, ResumableUploads uploads, PolicyGate gate, AuditTrail audit, KeyService keys,
                                Clock clock, LetterRepository letters, Stamper stamper, StampingBudget budget,
                                NoticeOutbox notices, LegalHolds holds, UnitOfWork unitOfWork) {
        return new ReportService(reports, documentIntake(store), store, gate,
                new ScopeRemoval(keys, store, audit, clock, holds, unitOfWork), uploads, stamper, letters, budget,
                        notices, unitOfWork);
    }

    @Produces
    @Singleton
    Stamper stamper() {
        return new PdfBoxStamper();
    }

    /** One budget for every stamped copy being made, reports' and letters' alike: they share the heap. */
    @Produces
    @Singleton
    StampingBudget stampingBudget() {
        return StampedCopies.defaultBudget();
    }

    /** A report's letters: in its key scope, so its removal takes them with it (docs/adr/0015). */
    @Produces
    @Singleton
    LetterRepository letterRepository() {
        return new JdbcLetterRepository(dataSource);
    }

    /** Covering and advance letters: the same intake as reports (PDF, scanned), stamped on every download. */
    @Produces
    @Singleton
    LetterService letterService(ReportRepository reports, LetterRepository letters, LetterFiles files,
                                PolicyGate gate, LetterCopies copies, NoticeOutbox notices, UnitOfWork unitOfWork) {
        return new LetterService(reports, letters, files, gate, copies, notices, unitOfWork);
    }

    @Produces
    @Singleton
    LetterFiles letterFiles(DocumentStore store, PolicyGate gate) {
        return new LetterFiles(documentIntake(store), store, gate);
    }

    @Produces
    @Singleton
    LetterCopies letterCopies(DocumentStore store, Stamper stamper, StampingBudget budget, PolicyGate gate) {
        return new LetterCopies(store, stamper, budget, gate);
    }

    /** Advance letters sent ahead of their report, in a key scope of their own until linked (docs/adr/0015). */
    @Produces
    @Singleton
    AdvanceLetterService advanceLetterService(LetterService reportLetters, LetterRepository letters,
                                              LetterFiles files, PolicyGate gate, LetterCopies copies,
                                              DocumentStore store, AuditTrail audit, KeyService keys, Clock clock,
                                              NoticeOutbox notices, LegalHolds holds, UnitOfWork unitOfWork) {
        return new AdvanceLetterService(reportLetters, letters, files, gate, copies,
                new ScopeRemoval(keys, store, audit, clock, holds, unitOfWork), notices, unitOfWork);
    }

    /** Onward sharing of letters on a recorded basis (ISP ¶14, docs/adr/0027). */
    @Produces
    @Singleton
    LetterOnwardSharingService letterOnwardSharingService(ReportRepository reports, LetterRepository letters,
                                                          PolicyGate gate, UnitOfWork unitOfWork) {
        return new LetterOnwardSharingService(reports, letters, new JdbcLetterOnwardSharings(dataSource), gate,
                                              unitOfWork);
    }

    /** The share task list's drafts: the details only, the file comes at the last step. */
    @Produces
    @Singleton
    ShareDraftService shareDraftService(ReportService reports, PolicyGate gate) {
        return new ShareDraftService(new JdbcShareDrafts(dataSource), reports, gate,
                java.time.ZoneId.of("Europe/London"));
    }

    /**
     * Publication, withdrawal and withhold requests: the report's status follows from them and the clock; decisions on
     * withhold requests are told to the other parties (JTAI Annex D, docs/adr/0026).
     */
    @Produces
    @Singleton
    ReportLifecycle reportLifecycle(ReportRepository reports, WithholdRequests withholdRequests, PolicyGate gate,
                                    NoticeOutbox notices, UnitOfWork unitOfWork) {
        return new ReportLifecycle(reports, withholdRequests, gate, notices, unitOfWork);
    }

    @Produces
    @Singleton
    OnwardSharingService onwardSharingService(ReportRepository reports, PolicyGate gate, UnitOfWork unitOfWork) {
        return new OnwardSharingService(reports, new JdbcOnwardSharings(dataSource), gate, unitOfWork);
    }

    /** Removes what a crash left behind: unreferenced objects and KEKs, once older than the grace (docs/adr/0007). */
    @Produces
    @Singleton
    OrphanSweep orphanSweep(ObjectStore objectStore, KeyService keys, AuditTrail audit, Clock clock) {
        return new OrphanSweep(objectStore, new JdbcSweepRecords(dataSource), keys, audit, clock,
                Duration.ofSeconds(configuration.sweepGraceSeconds()));
    }

    /** Inspectorate staff may sign in with a local password and code only in demo mode; else through their IdP. */
    @Produces
    @Singleton
    SignInService signInService(OrganisationDirectory directory, LocalCredentials credentials, PasswordHasher hasher,
                                AuditTrail audit, Clock clock, UnitOfWork unitOfWork) {
        return new SignInService(directory, credentials, new JdbcSignInFailures(dataSource), hasher, audit, clock,
                configuration.demoModeRunning(), unitOfWork);
    }

    /** TOTP secrets are encrypted under the master key ring (docs/adr/0010). */
    @Produces
    @Singleton
    LocalCredentials localCredentials(MasterKeyRing masterKeyRing) {
        return new JdbcLocalCredentials(dataSource, masterKeyRing);
    }

    @Produces
    @Singleton
    PortalSessions portalSessions(AuditTrail audit, Clock clock, UnitOfWork unitOfWork) {
        return new PortalSessions(new JdbcSessionRegistry(dataSource), audit, clock,
                new PortalSessions.Timeouts(configuration.sessionIdle(), configuration.sessionAbsolute()), unitOfWork);
    }

    @Produces
    @Singleton
    AgencyAccounts agencyAccounts(OrganisationDirectory directory, LocalCredentials credentials, NoticeOutbox notices,
                                  PasswordHasher hasher, PolicyGate gate, PortalSessions sessions,
                                  SignInService signIn, UnitOfWork unitOfWork) {
        return new AgencyAccounts(directory, credentials, new JdbcInvitations(dataSource),
                new JdbcPasswordResets(dataSource), notices, hasher, PasswordPolicy.withCommonPasswords(), gate,
                sessions, signIn, new AgencyAccounts.Settings(configuration.invitationExpiry(),
                AgencyAccounts.Settings.DEFAULT_RESET_EXPIRY), unitOfWork);
    }

    @Produces
    @Singleton
    OrganisationAdministration organisationAdministration(OrganisationDirectory directory, PolicyGate gate,
                                                          UnitOfWork unitOfWork) {
        return new OrganisationAdministration(directory, gate, unitOfWork);
    }

    /** Termly inspection-plan lists (issue 6), kept on PostgreSQL (V8). */
    @Produces
    @Singleton
    TermPlanService termPlanService(OrganisationDirectory directory, PolicyGate gate, UnitOfWork unitOfWork) {
        return new TermPlanService(new JdbcTermPlanRepository(dataSource), directory, gate, unitOfWork);
    }
}
