package uk.gov.inspectorates.portal.core;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import java.sql.Connection;
import org.junit.jupiter.api.Test;
import uk.gov.inspectorates.portal.core.access.AccessPolicy;
import uk.gov.inspectorates.portal.core.report.ReportService;

/** The domain does not know where bytes live, who signed an assertion, or how it is served. */
class ArchitectureTest {

    private static final String CORE = "uk.gov.inspectorates.portal.core";

    private static final JavaClasses CORE_CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages(CORE);

    private static final ArchRule NO_TECHNOLOGY_IN_THE_DOMAIN = noClasses()
            .that().resideInAPackage(CORE + "..")
            .should().dependOnClassesThat().resideInAnyPackage(
                    "io.minio..", "org.opensaml..", "org.apache.tika..", "org.apache.pdfbox..", "jakarta.ws.rs..",
                    "java.sql..", "javax.sql..", "org.postgresql..", "org.flywaydb..", "org.bouncycastle..",
                    "jakarta.servlet..", "org.eclipse.microprofile..", "jakarta.persistence..", "jakarta.json..",
                    "com.github.mustachejava..")
            .because("portal-core is the domain; technology lives in the adapter modules");

    private static final ArchRule FEATURES_FREE_OF_CYCLES = slices().matching("..core.(*)..").should()
            .beFreeOfCycles();

    @Test
    void theImportSeesTheWholeDomainAndNoTestClasses() {
        assertTrue(CORE_CLASSES.size() > 40, "only " + CORE_CLASSES.size() + " classes imported");
        assertTrue(CORE_CLASSES.contain(AccessPolicy.class));
        assertTrue(CORE_CLASSES.contain(ReportService.class));
        assertFalse(CORE_CLASSES.contain(ArchitectureTest.class));
    }

    @Test
    void theDomainImportsNoTechnology() {
        NO_TECHNOLOGY_IN_THE_DOMAIN.check(CORE_CLASSES);
    }

    @Test
    void featurePackagesAreFreeOfCycles() {
        FEATURES_FREE_OF_CYCLES.check(CORE_CLASSES);
    }

    /** Proves the rule bites: a class of the domain's packages that touches JDBC is a violation. */
    @Test
    void theTechnologyRuleFailsForAClassThatUsesJdbc() {
        JavaClasses offender = new ClassFileImporter().importClasses(UsesJdbc.class);

        assertTrue(NO_TECHNOLOGY_IN_THE_DOMAIN.evaluate(offender).hasViolation());
    }

    static final class UsesJdbc {
        boolean open(Connection connection) throws java.sql.SQLException {
            return !connection.isClosed();
        }
    }
}
