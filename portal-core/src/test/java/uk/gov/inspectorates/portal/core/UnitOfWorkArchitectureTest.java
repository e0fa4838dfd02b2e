package uk.gov.inspectorates.portal.core;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import java.util.Set;
import org.junit.jupiter.api.Test;
import uk.gov.inspectorates.portal.core.access.PolicyGate;
import uk.gov.inspectorates.portal.core.document.UploadAdmission;
import uk.gov.inspectorates.portal.core.accountability.AccessChartService;
import uk.gov.inspectorates.portal.core.accountability.AuditCsvExport;
import uk.gov.inspectorates.portal.core.accountability.AuditReportService;
import uk.gov.inspectorates.portal.core.accountability.AuditTrailReading;
import uk.gov.inspectorates.portal.core.accountability.TrailVerification;
import uk.gov.inspectorates.portal.core.audit.EnrichedAuditTrail;
import uk.gov.inspectorates.portal.core.access.Subject;
import uk.gov.inspectorates.portal.core.audit.AuditEvent.Outcome;
import uk.gov.inspectorates.portal.core.audit.AuditTrail;
import uk.gov.inspectorates.portal.core.findings.FindingsLetterReading;
import uk.gov.inspectorates.portal.core.inspection.DueWork;
import uk.gov.inspectorates.portal.core.letter.LetterCopies;
import uk.gov.inspectorates.portal.core.letter.LetterFiles;
import uk.gov.inspectorates.portal.core.removal.RemovalService;
import uk.gov.inspectorates.portal.core.retention.OrphanSweep;
import uk.gov.inspectorates.portal.core.shared.UnitOfWork;

/**
 * Whatever records an audit event holds a {@link UnitOfWork}, so that what it changes and the event recording it
 * commit together (issue 18, docs/adr/0032). {@link UnitOfWorkContractTest} checks that the writes really are inside
 * it; this rule catches a new service that records without one. The exceptions change nothing they record.
 */
class UnitOfWorkArchitectureTest {

    private static final String CORE = "uk.gov.inspectorates.portal.core";

    private static final JavaClasses CORE_CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages(CORE);

    /** Recorders that change nothing of what they record, with why. */
    private static final Set<Class<?>> RECORD_WITHOUT_CHANGING = Set.of(
            PolicyGate.class,             // the recording itself (refusals, and the services' records)
            FindingsLetterReading.class,  // views and downloads: the event is written before content is served
            DueWork.class,                // a listing
            LetterCopies.class,           // a download: the event is written before the stamped copy is served
            LetterFiles.class,            // refusals of an upload, nothing kept
            UploadAdmission.class,        // refusals of an upload over a person's limits, nothing kept
            RemovalService.class,         // listings, and a run's summary: each removal has its own units
            OrphanSweep.class,            // a summary of deleted objects nothing refers to: no row changes
            AccessChartService.class,     // a SIRO's chart: a read of the trail (docs/adr/0035)
            AuditReportService.class,     // a SIRO's PDF report: written first, then its event (the checkpoint it
                                          // signs first is AuditCheckpointing's own unit of work)
            AuditTrailReading.class,      // a SIRO's search and "who has seen": reads of the trail
            TrailVerification.class,      // a SIRO's verification: a read of the trail
            AuditCsvExport.Prepared.class, // a SIRO's CSV export: its checkpoint is AuditCheckpointing's own unit
            EnrichedAuditTrail.class);    // the trail itself, decorated: it joins its caller's unit

    private static final DescribedPredicate<JavaClass> RECORDS_AN_AUDIT_EVENT =
            new DescribedPredicate<>("record an audit event") {
                @Override
                public boolean test(JavaClass javaClass) {
                    return javaClass.getMethodCallsFromSelf().stream().anyMatch(call ->
                            call.getTarget().getName().equals("record")
                                    && (call.getTargetOwner().isEquivalentTo(PolicyGate.class)
                                    || call.getTargetOwner().isAssignableTo(AuditTrail.class)));
                }
            };

    private static final DescribedPredicate<JavaClass> EXCEPTED = new DescribedPredicate<>("change nothing") {
        @Override
        public boolean test(JavaClass javaClass) {
            return RECORD_WITHOUT_CHANGING.stream().anyMatch(javaClass::isEquivalentTo);
        }
    };

    /** The class, or the class it is nested in (an inner class records through its outer instance's unit). */
    private static final ArchCondition<JavaClass> HOLD_A_UNIT_OF_WORK = new ArchCondition<>("hold a UnitOfWork") {
        @Override
        public void check(JavaClass javaClass, ConditionEvents events) {
            for (JavaClass owner = javaClass; owner != null; owner = owner.getEnclosingClass().orElse(null)) {
                if (owner.getFields().stream().anyMatch(field -> field.getRawType().isEquivalentTo(UnitOfWork.class))) {
                    return;
                }
            }
            events.add(SimpleConditionEvent.violated(javaClass, javaClass.getName()
                    + " records audit events but holds no UnitOfWork"));
        }
    };

    private static final ArchRule RECORDERS_HOLD_A_UNIT_OF_WORK = classes()
            .that(RECORDS_AN_AUDIT_EVENT).and(DescribedPredicate.not(EXCEPTED))
            .should(HOLD_A_UNIT_OF_WORK)
            .because("an action and the audit event recording it commit together, or neither does");

    @Test
    void everyServiceThatRecordsHoldsAUnitOfWork() {
        RECORDERS_HOLD_A_UNIT_OF_WORK.check(CORE_CLASSES);
    }

    @Test
    void theRuleSeesTheServices() {
        long recorders = CORE_CLASSES.stream().filter(RECORDS_AN_AUDIT_EVENT).count();
        assertTrue(recorders > 30, "only " + recorders + " recording classes found");
    }

    /** Proves the rule bites: a class that records an event and holds no unit of work is a violation. */
    @Test
    void theRuleFailsForAServiceThatRecordsWithoutAUnitOfWork() {
        JavaClasses offender = new ClassFileImporter().importClasses(RecordsWithoutAUnit.class);
        AssertionError failure = org.junit.jupiter.api.Assertions.assertThrows(AssertionError.class,
                () -> RECORDERS_HOLD_A_UNIT_OF_WORK.check(offender));
        assertTrue(failure.getMessage().contains("RecordsWithoutAUnit"), failure.getMessage());
    }

    static final class RecordsWithoutAUnit {
        private final PolicyGate gate;

        RecordsWithoutAUnit(PolicyGate gate) {
            this.gate = gate;
        }

        void act(Subject subject) {
            gate.record(subject, PolicyGate.Act.of("SOMETHING", "THING", "1"), Outcome.SUCCEEDED, null);
        }
    }
}
