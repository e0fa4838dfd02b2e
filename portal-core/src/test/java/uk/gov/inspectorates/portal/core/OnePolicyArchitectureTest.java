package uk.gov.inspectorates.portal.core;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.methods;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaCodeUnit;
import com.tngtech.archunit.core.domain.JavaMethod;
import com.tngtech.archunit.core.domain.JavaMethodCall;
import com.tngtech.archunit.core.domain.JavaModifier;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.EvaluationResult;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import uk.gov.inspectorates.portal.core.access.AccessPolicy;
import uk.gov.inspectorates.portal.core.access.Action;
import uk.gov.inspectorates.portal.core.access.PolicyGate;
import uk.gov.inspectorates.portal.core.access.Resource;
import uk.gov.inspectorates.portal.core.access.Subject;
import uk.gov.inspectorates.portal.core.document.ResumableUploads;
import uk.gov.inspectorates.portal.core.document.UploadAdmission;
import uk.gov.inspectorates.portal.core.report.ReportService;

/**
 * One authorisation policy (docs/adr/0011): every public method of the domain that acts for a signed-in person (takes
 * a {@link Subject}) asks {@link AccessPolicy#decide}, itself or through private methods of its own class. The
 * {@code access} feature is left out: it is the policy and its gate ({@link PolicyGate}, whose deciding methods count
 * as asking). Sign-in and accounts ({@code account}) are held to the rule like every other feature.
 */
class OnePolicyArchitectureTest {

    private static final String CORE = "uk.gov.inspectorates.portal.core";

    /** The gate's methods that ask the policy ({@code record} only writes what happened). */
    private static final Set<String> GATE_DECISIONS = Set.of("decide", "permits", "admit", "require", "visible");

    private static final JavaClasses CORE_CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages(CORE);

    static final ArchRule EVERY_ACCESS_FOR_A_SUBJECT_IS_DECIDED_BY_THE_POLICY = methods()
            .that().arePublic()
            .and().areDeclaredInClassesThat().resideInAPackage(CORE + "..")
            .and().areDeclaredInClassesThat().resideOutsideOfPackage(CORE + ".access..")
            // limits, not access: it only counts a person's uploads in flight; the upload it lets through then asks
            // the policy in its own service (DocumentIntake's callers), and a refusal here grants nothing
            .and().areDeclaredInClassesThat().doNotBelongToAnyOf(UploadAdmission.class)
            .and(takeASubject())
            .should(askTheAccessPolicy())
            .because("one policy decides every access (issue 5); a service that forgets to ask bypasses it");

    @Test
    void everyPublicMethodTakingASubjectAsksThePolicy() {
        EVERY_ACCESS_FOR_A_SUBJECT_IS_DECIDED_BY_THE_POLICY.check(CORE_CLASSES);
    }

    /** Guards the rule above against checking nothing: the services of today are among the methods it checks. */
    @Test
    void theRuleSeesTheServices() {
        Set<String> checked = new HashSet<>();
        CORE_CLASSES.stream().flatMap(c -> c.getMethods().stream())
                .filter(m -> m.getModifiers().contains(JavaModifier.PUBLIC) && takeASubject().test(m)
                        && !m.getOwner().getPackageName().startsWith(CORE + ".access"))
                .forEach(m -> checked.add(m.getOwner().getSimpleName() + "." + m.getName()));

        assertTrue(checked.containsAll(List.of("ReportService.view", "ReportService.download",
                "ReportService.visibleTo", "ReportService.remove", "ReportService.share",
                "ResumableUploads.begin", "ResumableUploads.status", "ResumableUploads.abandon")), checked.toString());
        assertTrue(CORE_CLASSES.contain(ReportService.class) && CORE_CLASSES.contain(ResumableUploads.class));
    }

    @Test
    void theRuleFailsForAMethodThatNeverAsks() {
        EvaluationResult result = evaluate(OpensWithoutAsking.class);

        assertTrue(result.hasViolation());
        assertTrue(result.getFailureReport().toString().contains("OpensWithoutAsking.open"),
                result.getFailureReport().toString());
    }

    @Test
    void theRuleFailsWhenTheHelperThatAsksIsNotPrivate() {
        assertTrue(evaluate(AsksThroughAPackagePrivateHelper.class).hasViolation(),
                "only private methods of the same class are followed: another class could call the helper");
    }

    @Test
    void theRuleFailsWhenOnlyAnotherClassAsks() {
        assertTrue(evaluate(LeavesItToAnotherClass.class).hasViolation());
    }

    @Test
    void theRuleFollowsPrivateMethodsAndLambdas() {
        assertFalse(evaluate(AsksThroughPrivateMethods.class).hasViolation(),
                evaluate(AsksThroughPrivateMethods.class).getFailureReport().toString());
        assertFalse(evaluate(AsksInALambda.class).hasViolation(),
                evaluate(AsksInALambda.class).getFailureReport().toString());
    }

    private static EvaluationResult evaluate(Class<?> fixture) {
        return EVERY_ACCESS_FOR_A_SUBJECT_IS_DECIDED_BY_THE_POLICY.allowEmptyShould(false)
                .evaluate(new ClassFileImporter().importClasses(fixture, AccessPolicy.class));
    }

    static DescribedPredicate<JavaMethod> takeASubject() {
        return DescribedPredicate.describe("take a Subject", method -> method.getRawParameterTypes().stream()
                .anyMatch(type -> type.isEquivalentTo(Subject.class)));
    }

    static ArchCondition<JavaMethod> askTheAccessPolicy() {
        return new ArchCondition<>("ask AccessPolicy.decide, directly or through private methods of the same class") {
            @Override
            public void check(JavaMethod method, ConditionEvents events) {
                boolean asks = asks(method, new HashSet<>());
                events.add(new SimpleConditionEvent(method, asks, method.getFullName()
                        + (asks ? " asks" : " never asks") + " AccessPolicy.decide "
                        + method.getSourceCodeLocation()));
            }
        };
    }

    /**
     * Whether the code unit calls {@code AccessPolicy.decide}, or a private method of its class that does (ArchUnit
     * counts a lambda's body as part of the method it is written in). Calls into other classes are not followed:
     * they may be called from anywhere else too.
     */
    private static boolean asks(JavaCodeUnit unit, Set<JavaCodeUnit> seen) {
        if (!seen.add(unit)) {
            return false;
        }
        for (JavaMethodCall call : unit.getMethodCallsFromSelf()) {
            if (call.getTargetOwner().isEquivalentTo(AccessPolicy.class) && call.getName().equals("decide")) {
                return true;
            }
            if (call.getTargetOwner().isEquivalentTo(PolicyGate.class) && GATE_DECISIONS.contains(call.getName())) {
                return true;
            }
            if (call.getTargetOwner().equals(unit.getOwner()) && call.getTarget().resolveMember()
                    .filter(target -> target.getModifiers().contains(JavaModifier.PRIVATE))
                    .map(target -> asks(target, seen))
                    .orElse(false)) {
                return true;
            }
        }
        return false;
    }

    // ---- deliberately bad (and good) services, imported only by the self-checks above

    static final class OpensWithoutAsking {
        public String open(Subject subject, String id) {
            return subject.userId() + id;
        }
    }

    static final class AsksThroughAPackagePrivateHelper {
        private final AccessPolicy policy = new AccessPolicy();

        public boolean open(Subject subject, String id) {
            return helper(subject, id);
        }

        boolean helper(Subject subject, String id) {
            return policy.decide(subject, Action.VIEW_METADATA, Resource.upload(id, "x"), Instant.EPOCH).permitted();
        }
    }

    static final class LeavesItToAnotherClass {
        private final AsksThroughAPackagePrivateHelper other = new AsksThroughAPackagePrivateHelper();

        public boolean open(Subject subject, String id) {
            return other.helper(subject, id);
        }
    }

    static final class AsksThroughPrivateMethods {
        private final AccessPolicy policy = new AccessPolicy();

        public boolean open(Subject subject, String id) {
            return checked(subject, id);
        }

        private boolean checked(Subject subject, String id) {
            return decided(subject, id);
        }

        private boolean decided(Subject subject, String id) {
            return policy.decide(subject, Action.VIEW_METADATA, Resource.upload(id, "x"), Instant.EPOCH).permitted();
        }
    }

    static final class AsksInALambda {
        private final AccessPolicy policy = new AccessPolicy();

        public List<String> visible(Subject subject, List<String> ids) {
            return ids.stream().filter(id -> policy.decide(subject, Action.LIST, Resource.upload(id, "x"),
                    Instant.EPOCH).permitted()).toList();
        }
    }
}
