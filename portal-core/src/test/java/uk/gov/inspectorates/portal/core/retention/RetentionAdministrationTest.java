package uk.gov.inspectorates.portal.core.retention;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static uk.gov.inspectorates.portal.core.testdata.SubjectBuilder.aSubject;

import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import uk.gov.inspectorates.portal.core.shared.AccessDenied;
import uk.gov.inspectorates.portal.core.access.AccessPolicy;
import uk.gov.inspectorates.portal.core.access.PolicyGate;
import uk.gov.inspectorates.portal.core.access.RetentionRules;
import uk.gov.inspectorates.portal.core.access.Subject;
import uk.gov.inspectorates.portal.core.audit.AuditActions;
import uk.gov.inspectorates.portal.core.audit.AuditEvent;
import uk.gov.inspectorates.portal.core.audit.AuditEvent.Outcome;
import uk.gov.inspectorates.portal.core.organisation.Inspectorate;
import uk.gov.inspectorates.portal.core.organisation.Role;
import uk.gov.inspectorates.portal.core.retention.RetentionPolicy.DurationUnit;
import uk.gov.inspectorates.portal.core.retention.RetentionPolicy.EndAction;
import uk.gov.inspectorates.portal.core.shared.InvalidInput;
import uk.gov.inspectorates.portal.core.shared.InvalidUnderRule;
import uk.gov.inspectorates.portal.core.shared.NotFound;
import uk.gov.inspectorates.portal.core.testdata.MutableClock;
import uk.gov.inspectorates.portal.core.testdata.RecordingAuditTrail;

class RetentionAdministrationTest {

    private static final Instant NOW = Instant.parse("2030-01-10T10:00:00Z");

    /** In memory, as the JDBC adapter behaves: defaults until changed, a change only over the policy in force. */
    static final class InMemoryPolicies implements RetentionPolicyRecords {
        final Map<RetentionCategory, RetentionPolicy> current = new EnumMap<>(RetentionCategory.class);
        final List<PolicyChange> changes = new ArrayList<>();

        @Override
        public RetentionPolicy current(RetentionCategory category) {
            return current.getOrDefault(category, DefaultRetentionPolicies.defaultFor(category));
        }

        @Override
        public boolean change(PolicyChange change) {
            if (!current(change.category()).equals(change.before())) {
                return false;
            }
            current.put(change.category(), change.after());
            changes.add(0, change);
            return true;
        }

        @Override
        public List<PolicyChange> history(RetentionCategory category) {
            return changes.stream().filter(c -> c.category() == category).toList();
        }
    }

    private final RecordingAuditTrail audit = new RecordingAuditTrail();
    private final PolicyGate gate = new PolicyGate(new AccessPolicy(), audit, new MutableClock(NOW));
    private final InMemoryPolicies policies = new InMemoryPolicies();
    private final RetentionAdministration administration = new RetentionAdministration(policies,
            new RetentionSchedule(List.of(), policies, target -> false), gate);

    private final Subject administrator = aSubject().withId("admin-1").of(Inspectorate.OFSTED)
            .withRoles(Role.ADMINISTRATOR).build();
    private final Subject siro = aSubject().of(Inspectorate.CQC).withRoles(Role.SIRO).build();
    private final Subject agencyAdministrator = aSubject().ofAgency().withRoles(Role.ADMINISTRATOR).build();

    private static PolicyProposal proposal(String amount, String unit, String action) {
        return new PolicyProposal(amount, unit, action, "Ofsted SIRO", "agreed at the information governance board");
    }

    @Test
    void aChangeIsKeptWithItsBeforeAndAfterAndAudited() {
        PolicyChange change = administration.change(administrator, "share_drafts",
                proposal("14", "calendar_days", "remove"));

        RetentionPolicy after = new RetentionPolicy(RetentionCategory.SHARE_DRAFTS, 14, DurationUnit.CALENDAR_DAYS,
                EndAction.REMOVE, "Ofsted SIRO");
        assertEquals(after, policies.current(RetentionCategory.SHARE_DRAFTS));
        assertEquals(DefaultRetentionPolicies.defaultFor(RetentionCategory.SHARE_DRAFTS), change.before());
        assertEquals(List.of(change), administration.history(siro, "SHARE_DRAFTS"));
        AuditEvent event = audit.events().stream()
                .filter(e -> e.action().equals(AuditActions.RETENTION_POLICY_CHANGE)).findFirst().orElseThrow();
        assertEquals(Outcome.SUCCEEDED, event.outcome());
        assertTrue(event.detail().contains("before=30 CALENDAR_DAYS REMOVE"), event.detail());
        assertTrue(event.detail().contains("after=14 CALENDAR_DAYS REMOVE"), event.detail());
    }

    @Test
    void aSiroMayLookButNotChange() {
        assertEquals(RetentionCategory.values().length, administration.policies(siro).size());
        AccessDenied denied = assertThrows(AccessDenied.class,
                () -> administration.change(siro, "SHARE_DRAFTS", proposal("14", "CALENDAR_DAYS", "REMOVE")));
        assertEquals(RetentionRules.INSPECTORATE_ADMINISTRATORS_ONLY, denied.rule());
        assertEquals(DefaultRetentionPolicies.defaultFor(RetentionCategory.SHARE_DRAFTS),
                policies.current(RetentionCategory.SHARE_DRAFTS));
    }

    @Test
    void anAgencyAdministratorSeesNothing() {
        assertThrows(AccessDenied.class, () -> administration.policies(agencyAdministrator));
        assertThrows(AccessDenied.class, () -> administration.dryRun(agencyAdministrator, 10));
    }

    @Test
    void anUnknownCategoryIsNotFound() {
        assertThrows(NotFound.class, () -> administration.history(administrator, "EVERYTHING"));
    }

    @Test
    void aPolicyShorterThanItsMinimumIsRefusedNamingTheRule() {
        InvalidUnderRule refused = assertThrows(InvalidUnderRule.class, () -> administration.change(administrator,
                "PUBLISHED_REPORT_COPIES", proposal("9", "WORKING_DAYS", "REMOVE")));
        assertEquals(RetentionMinimums.PUBLISHED_COPIES_CHALLENGE_WINDOW, refused.rule());
        assertEquals("amount", refused.errors().get(0).field());
        assertTrue(policies.changes.isEmpty());
        // 10 working days are at least 18 calendar days (weekends and bank holidays), not 14
        assertThrows(InvalidUnderRule.class, () -> administration.change(administrator, "PUBLISHED_REPORT_COPIES",
                proposal("14", "CALENDAR_DAYS", "REMOVE")));
        administration.change(administrator, "PUBLISHED_REPORT_COPIES", proposal("18", "CALENDAR_DAYS", "REMOVE"));
        administration.change(administrator, "PUBLISHED_REPORT_COPIES", proposal("10", "WORKING_DAYS", "REMOVE"));
    }

    @Test
    void eachMinimumIsEnforced() {
        for (RetentionCategory category : RetentionCategory.values()) {
            RetentionMinimums.of(category).ifPresent(minimum -> {
                InvalidUnderRule refused = assertThrows(InvalidUnderRule.class,
                        () -> RetentionAdministration.validated(category, proposal(
                                String.valueOf(minimum.amount() - 1), minimum.unit().name(), "REVIEW")));
                assertEquals(minimum.rule(), refused.rule());
                RetentionAdministration.validated(category,
                        proposal(String.valueOf(minimum.amount()), minimum.unit().name(), "REVIEW"));
            });
        }
    }

    @Test
    void auditEventsAreReviewedNeverRemoved() {
        InvalidUnderRule refused = assertThrows(InvalidUnderRule.class, () -> administration.change(administrator,
                "AUDIT_EVENTS", proposal("3000", "CALENDAR_DAYS", "REMOVE")));
        assertEquals(RetentionMinimums.AUDIT_REVIEW_ONLY, refused.rule());
    }

    @Test
    void jtaiDataMayGoAtClosureAsAgreedWithTheRemovalRun() {
        administration.change(administrator, "JTAI_AFTER_CLOSURE", proposal("0", "CALENDAR_DAYS", "REMOVE"));
        assertEquals(0, policies.current(RetentionCategory.JTAI_AFTER_CLOSURE).amount());
    }

    @Test
    void malformedProposalsAreRefusedFieldByField() {
        InvalidInput invalid = assertThrows(InvalidInput.class, () -> administration.change(administrator,
                "SHARE_DRAFTS", new PolicyProposal("1.5", "fortnights", "shred", " ", "")));
        assertEquals(List.of("unit", "action", "amount", "owner", "reason"),
                invalid.errors().stream().map(e -> e.field()).toList());
        assertThrows(InvalidInput.class, () -> administration.change(administrator, "SHARE_DRAFTS",
                proposal("-1", "CALENDAR_DAYS", "REMOVE")));
        assertThrows(InvalidInput.class, () -> administration.change(administrator, "SHARE_DRAFTS",
                proposal(String.valueOf(RetentionAdministration.MAX_CALENDAR_DAYS + 1), "CALENDAR_DAYS", "REMOVE")));
        assertThrows(InvalidInput.class, () -> administration.change(administrator, "SHARE_DRAFTS",
                proposal(String.valueOf(RetentionAdministration.MAX_WORKING_DAYS + 1), "WORKING_DAYS", "REMOVE")));
        assertTrue(policies.changes.isEmpty());
        assertTrue(audit.events().stream().anyMatch(e -> e.outcome() == Outcome.REFUSED));
    }
}
