package uk.gov.inspectorates.portal.core.access;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static uk.gov.inspectorates.portal.core.testdata.SubjectBuilder.aSubject;

import java.time.Instant;
import java.util.Set;
import org.junit.jupiter.api.Test;
import uk.gov.inspectorates.portal.core.organisation.Inspectorate;
import uk.gov.inspectorates.portal.core.organisation.Role;

/** Retention policies and legal holds, asked through the one policy as the services ask. */
class RetentionRulesTest {

    private static final Instant NOW = Instant.parse("2030-01-10T10:00:00Z");
    private final AccessPolicy policy = new AccessPolicy();

    private final Subject ofstedAdministrator = aSubject().of(Inspectorate.OFSTED).withRoles(Role.ADMINISTRATOR).build();
    private final Subject cqcAdministrator = aSubject().of(Inspectorate.CQC).withRoles(Role.ADMINISTRATOR).build();
    private final Subject hmicAdministrator = aSubject().of(Inspectorate.HMIC).withRoles(Role.ADMINISTRATOR).build();
    private final Subject cqcSiro = aSubject().of(Inspectorate.CQC).withRoles(Role.SIRO).build();
    private final Subject inspector = aSubject().of(Inspectorate.OFSTED).withRoles(Role.INSPECTOR,
            Role.LEAD_INSPECTOR).build();
    private final Subject agencyAdministrator = aSubject().ofAgency().withRoles(Role.ADMINISTRATOR).build();

    private final Resource inspectionHold = RetentionRules.holdOnInspection("i-1", Inspectorate.OFSTED,
            Set.of(Inspectorate.OFSTED, Inspectorate.CQC));
    private final Resource reportHold = RetentionRules.holdOnReport("r-1", Inspectorate.OFSTED);

    private Decision decide(Subject subject, Action action, Resource resource) {
        return policy.decide(subject, action, resource, NOW);
    }

    @Test
    void inspectorateAdministratorsViewAndChangePolicies() {
        assertEquals(RetentionRules.VIEW_BY_ADMINISTRATOR_OR_SIRO,
                decide(cqcAdministrator, Action.LIST, RetentionRules.policies()).rule());
        Decision change = decide(cqcAdministrator, Action.CHANGE, RetentionRules.policies());
        assertTrue(change.permitted());
        assertEquals(RetentionRules.CHANGE_BY_ADMINISTRATOR, change.rule());
    }

    @Test
    void sirosViewPoliciesButDoNotChangeThem() {
        assertTrue(decide(cqcSiro, Action.VIEW_METADATA, RetentionRules.policies()).permitted());
        Decision change = decide(cqcSiro, Action.CHANGE, RetentionRules.policies());
        assertFalse(change.permitted());
        assertEquals(RetentionRules.INSPECTORATE_ADMINISTRATORS_ONLY, change.rule());
    }

    @Test
    void agencyAdministratorsAndInspectorsAreRefused() {
        for (Subject subject : new Subject[] {agencyAdministrator, inspector}) {
            for (Action action : new Action[] {Action.LIST, Action.CHANGE}) {
                Decision decision = decide(subject, action, RetentionRules.policies());
                assertFalse(decision.permitted(), subject.roles() + " " + action);
                assertEquals(RetentionRules.INSPECTORATE_ADMINISTRATORS_ONLY, decision.rule());
            }
        }
    }

    @Test
    void onlyReadingAndChangingArePermittedAtAll() {
        Decision delete = decide(ofstedAdministrator, Action.DELETE, RetentionRules.policies());
        assertFalse(delete.permitted());
        assertEquals(AccessPolicy.NOT_PERMITTED, delete.rule());
    }

    @Test
    void aHoldOnAnInspectionIsSetByAnAdministratorOfAParticipant() {
        assertEquals(RetentionRules.HOLD_BY_PARTY_ADMINISTRATOR,
                decide(cqcAdministrator, Action.CHANGE, inspectionHold).rule());
        assertTrue(decide(ofstedAdministrator, Action.CHANGE, inspectionHold).permitted());
        Decision outsider = decide(hmicAdministrator, Action.CHANGE, inspectionHold);
        assertFalse(outsider.permitted());
        assertEquals(RetentionRules.HOLD_PARTY_ADMINISTRATORS_ONLY, outsider.rule());
        assertFalse(decide(hmicAdministrator, Action.VIEW_METADATA, inspectionHold).permitted());
    }

    @Test
    void aHoldOnAReportIsTheOriginatorsAdministratorsAlone() {
        assertTrue(decide(ofstedAdministrator, Action.CHANGE, reportHold).permitted());
        assertFalse(decide(cqcAdministrator, Action.CHANGE, reportHold).permitted());
    }

    @Test
    void aPartysSiroSeesAHoldButDoesNotSetIt() {
        assertEquals(RetentionRules.HOLD_VIEW_BY_PARTY_ADMINISTRATOR_OR_SIRO,
                decide(cqcSiro, Action.VIEW_METADATA, inspectionHold).rule());
        assertEquals(RetentionRules.HOLD_PARTY_ADMINISTRATORS_ONLY,
                decide(cqcSiro, Action.CHANGE, inspectionHold).rule());
        assertFalse(decide(inspector, Action.CHANGE, inspectionHold).permitted());
        assertFalse(decide(agencyAdministrator, Action.CHANGE, inspectionHold).permitted());
    }
}
