package uk.gov.inspectorates.portal.web;

import static com.tngtech.archunit.base.DescribedPredicate.describe;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.EvaluationResult;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import uk.gov.inspectorates.portal.core.access.AccessPolicy;
import uk.gov.inspectorates.portal.core.account.LocalCredentials;
import uk.gov.inspectorates.portal.core.audit.AuditTrail;
import uk.gov.inspectorates.portal.core.document.ContentScanner;
import uk.gov.inspectorates.portal.core.document.ContentTypeDetector;
import uk.gov.inspectorates.portal.core.document.DocumentIntake;
import uk.gov.inspectorates.portal.core.document.DocumentStore;
import uk.gov.inspectorates.portal.core.document.KeyService;
import uk.gov.inspectorates.portal.core.document.MasterKeyRing;
import uk.gov.inspectorates.portal.core.document.ObjectStore;
import uk.gov.inspectorates.portal.core.document.PartedDocuments;
import uk.gov.inspectorates.portal.core.document.WindowedScanner;
import uk.gov.inspectorates.portal.core.organisation.OrganisationDirectory;
import uk.gov.inspectorates.portal.core.organisation.PasswordHasher;
import uk.gov.inspectorates.portal.core.retention.ScopeRemoval;
import uk.gov.inspectorates.portal.core.shared.PersistencePort;
import uk.gov.inspectorates.portal.web.api.ReportsResource;
import uk.gov.inspectorates.portal.web.pages.ReportPages;

/**
 * One authorisation policy (docs/adr/0011): the API, the pages and what serves content reach people's information only
 * through the core services, whose every method for a signed-in person asks the policy and audits the answer
 * (portal-core's OnePolicyArchitectureTest). So they may not touch what holds that information (every port marked
 * {@link PersistencePort}: repositories, document and key stores, credentials, sessions, the directory, the audit
 * trail), the adapters, nor decide access themselves.
 * The wiring ({@code web.config}), start-up seeding ({@code web.demo}), health checks and the sweep are not
 * requests of a person and may.
 */
class WebArchitectureTest {

    private static final String WEB = "uk.gov.inspectorates.portal.web";
    private static final String[] SERVING_PACKAGES = {WEB + ".api..", WEB + ".pages..", WEB + ".content..",
            WEB + ".upload..", WEB + ".session.."};

    private static final Set<Class<?>> BEHIND_THE_SERVICES = Set.of(DocumentStore.class, ObjectStore.class,
            PartedDocuments.class, KeyService.class, MasterKeyRing.class, ContentScanner.class,
            ContentTypeDetector.class, DocumentIntake.class, WindowedScanner.class, ScopeRemoval.class,
            OrganisationDirectory.class, PasswordHasher.class, AuditTrail.class, AccessPolicy.class);

    private static final JavaClasses WEB_CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages(WEB);

    private static final String PROJECT = "uk.gov.inspectorates.portal";
    private static final String CORE = PROJECT + ".core";
    private static final String STORAGE = "uk.gov.inspectorates.portal.storage";

    static final ArchRule SERVING_CODE_REACHES_INFORMATION_ONLY_THROUGH_CORE_SERVICES = noClasses()
            .that().resideInAnyPackage(SERVING_PACKAGES)
            .should().dependOnClassesThat(holdInformationOrDecideAccess())
            .because("every access goes through a core service that asks the one policy and audits the answer");

    @Test
    void servingCodeReachesInformationOnlyThroughCoreServices() {
        SERVING_CODE_REACHES_INFORMATION_ONLY_THROUGH_CORE_SERVICES.check(WEB_CLASSES);
    }

    @Test
    void theImportSeesTheServingCode() {
        assertTrue(WEB_CLASSES.contain(ReportsResource.class) && WEB_CLASSES.contain(ReportPages.class));
    }

    /** Proves the rule bites: an API class of the test code that reads the report repository is a violation. */
    @Test
    void theRuleFailsForAnApiClassThatReadsARepository() throws ClassNotFoundException {
        JavaClasses offender = new ClassFileImporter().importClasses(
                Class.forName(WEB + ".api.ReadsReportsBehindThePolicysBack"));

        EvaluationResult result = SERVING_CODE_REACHES_INFORMATION_ONLY_THROUGH_CORE_SERVICES.evaluate(offender);

        assertTrue(result.hasViolation());
        assertTrue(result.getFailureReport().toString().contains("ReportRepository"),
                result.getFailureReport().toString());
    }

    /** The marker, not a name, finds a port: one holding password hashes and TOTP secrets is covered. */
    @Test
    void theRuleFailsForAPageThatReadsLocalCredentials() throws ClassNotFoundException {
        JavaClasses offender = new ClassFileImporter().importClasses(
                Class.forName(WEB + ".pages.ReadsCredentialsBehindThePolicysBack"));

        EvaluationResult result = SERVING_CODE_REACHES_INFORMATION_ONLY_THROUGH_CORE_SERVICES.evaluate(offender);

        assertTrue(result.hasViolation());
        assertTrue(result.getFailureReport().toString().contains("LocalCredentials"),
                result.getFailureReport().toString());
        assertTrue(holdInformationOrDecideAccess().test(new ClassFileImporter().importClasses(LocalCredentials.class)
                .get(LocalCredentials.class)), "LocalCredentials is a persistence port");
    }

    /**
     * Every core interface a storage adapter implements is marked {@link PersistencePort}, so a new port is covered
     * by the rule the day its adapter is written, whatever it is called.
     */
    @Test
    void everyPortAStorageAdapterImplementsIsMarked() {
        JavaClasses storage = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages(STORAGE);
        Set<String> implemented = portsImplementedIn(storage);

        assertTrue(implemented.containsAll(List.of(LocalCredentials.class.getName(),
                uk.gov.inspectorates.portal.core.report.ReportRepository.class.getName(), AuditTrail.class.getName(),
                DocumentStore.class.getName())), "the import sees the adapters: " + implemented);
        assertEquals(Set.of(), unmarked(storage), "ports implemented by storage adapters without @PersistencePort");
    }

    /** Proves the self-check above bites: an adapter of an unmarked core port is reported. */
    @Test
    void theMarkerCheckFailsForAnAdapterOfAnUnmarkedPort() {
        JavaClasses fixture = new ClassFileImporter().importClasses(StoresBehindAnUnmarkedPort.class,
                UnmarkedPort.class);

        assertEquals(Set.of(UnmarkedPort.class.getName()), unmarked(fixture));
        assertFalse(holdInformationOrDecideAccess().test(fixture.get(UnmarkedPort.class)),
                "an unmarked port with an ordinary name slips through the rule: hence the self-check");
    }

    private static Set<String> portsImplementedIn(JavaClasses classes) {
        Set<String> ports = new TreeSet<>();
        classes.stream().filter(c -> !c.isInterface())
                .flatMap(c -> c.getAllRawInterfaces().stream())
                .filter(i -> i.getPackageName().startsWith(CORE))
                .forEach(i -> ports.add(i.getName()));
        return ports;
    }

    private static Set<String> unmarked(JavaClasses classes) {
        Set<String> unmarked = new TreeSet<>();
        classes.stream().filter(c -> !c.isInterface())
                .flatMap(c -> c.getAllRawInterfaces().stream())
                .filter(i -> i.getPackageName().startsWith(PROJECT) && !i.getPackageName().startsWith(STORAGE))
                .filter(i -> !i.isAnnotatedWith(PersistencePort.class))
                .forEach(i -> unmarked.add(i.getName()));
        return unmarked;
    }

    /** A port of the test code without the marker, and a "storage adapter" of it, for the self-check's own test. */
    interface UnmarkedPort {
        void keep(String secret);
    }

    static final class StoresBehindAnUnmarkedPort implements UnmarkedPort {
        @Override
        public void keep(String secret) {
        }
    }

    @Test
    void theForbiddenListNamesEveryKindOfHolder() {
        List<String> adapters = List.of("uk.gov.inspectorates.portal.storage.jdbc.JdbcReportRepository",
                "uk.gov.inspectorates.portal.security.keystore.BcfksMasterKeyRing", "java.sql.Connection",
                "uk.gov.inspectorates.portal.core.report.ReportRepository",
                "uk.gov.inspectorates.portal.core.document.ResumableUploadRepository");
        JavaClasses imported = new ClassFileImporter().importClasses(java.sql.Connection.class,
                uk.gov.inspectorates.portal.storage.jdbc.JdbcReportRepository.class,
                uk.gov.inspectorates.portal.security.keystore.BcfksMasterKeyRing.class,
                uk.gov.inspectorates.portal.core.report.ReportRepository.class,
                uk.gov.inspectorates.portal.core.document.ResumableUploadRepository.class);
        for (String name : adapters) {
            assertTrue(holdInformationOrDecideAccess().test(imported.get(name)), name);
        }
    }

    static DescribedPredicate<JavaClass> holdInformationOrDecideAccess() {
        // exceptions are not holders: Problems tells a lost database connection (an SQLException) by its type
        return describe("hold information or decide access (persistence ports, stores, keys, directory, audit"
                + " trail, the policy, adapters, JDBC)", target -> !target.isAssignableTo(Throwable.class)
                && (target.getPackageName().startsWith("uk.gov.inspectorates.portal.storage")
                || target.getPackageName().startsWith("uk.gov.inspectorates.portal.security")
                || target.getPackageName().startsWith("java.sql") || target.getPackageName().startsWith("javax.sql")
                || target.getPackageName().startsWith("io.minio")
                || target.isAnnotatedWith(PersistencePort.class)
                || BEHIND_THE_SERVICES.stream().anyMatch(target::isEquivalentTo)));
    }
}
