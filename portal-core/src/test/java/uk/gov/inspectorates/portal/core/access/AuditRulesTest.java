package uk.gov.inspectorates.portal.core.access;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static uk.gov.inspectorates.portal.core.testdata.SubjectBuilder.aSubject;

import org.junit.jupiter.api.Test;
import uk.gov.inspectorates.portal.core.organisation.Inspectorate;
import uk.gov.inspectorates.portal.core.organisation.Role;

class AuditRulesTest {

    private static final Resource OFSTED_TRAIL = Resource.auditTrailOf(Inspectorate.OFSTED);

    @Test
    void anInspectoratesSiroReadsItsTrail() {
        Decision decision = AuditRules.decide(siroOf(Inspectorate.OFSTED), Action.AUDIT_VIEW, OFSTED_TRAIL);
        assertTrue(decision.permitted());
        assertEquals(AuditRules.OWN_ORGANISATION_SIRO, decision.rule());
        assertTrue(AuditRules.decide(siroOf(Inspectorate.OFSTED), Action.EXPORT, OFSTED_TRAIL).permitted());
    }

    @Test
    void anotherInspectoratesSiroDoesNot() {
        assertFalse(AuditRules.decide(siroOf(Inspectorate.CQC), Action.AUDIT_VIEW, OFSTED_TRAIL).permitted());
    }

    @Test
    void anAdministratorWhoIsNotTheSiroDoesNot() {
        Subject admin = aSubject().of(Inspectorate.OFSTED).withRoles(Role.ADMINISTRATOR).build();
        assertFalse(AuditRules.decide(admin, Action.AUDIT_VIEW, OFSTED_TRAIL).permitted());
    }

    @Test
    void nobodyChangesTheTrail() {
        Decision decision = AuditRules.decide(siroOf(Inspectorate.OFSTED), Action.CHANGE, OFSTED_TRAIL);
        assertFalse(decision.permitted());
        assertEquals(AuditRules.READ_ONLY, decision.rule());
        assertFalse(AuditRules.decide(siroOf(Inspectorate.OFSTED), Action.DELETE, OFSTED_TRAIL).permitted());
    }

    private static Subject siroOf(Inspectorate inspectorate) {
        return aSubject().of(inspectorate).withRoles(Role.SIRO).build();
    }
}
