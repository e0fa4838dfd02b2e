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
import uk.gov.inspectorates.portal.core.removal.RemovalResources;
import uk.gov.inspectorates.portal.core.removal.SignedCertificate;

/** Removal certificates, asked through the one policy: participants' SIROs and administrators only, read only. */
class RemovalCertificateRulesTest {

    private static final Instant NOW = Instant.parse("2030-01-10T10:00:00Z");
    private final AccessPolicy policy = new AccessPolicy();

    private final Resource certificate = RemovalResources.certificate(new SignedCertificate("rc-1", "rm-1", "i-1",
            Inspectorate.OFSTED, Set.of(Inspectorate.OFSTED, Inspectorate.HMIC), NOW, new byte[] {1}, new byte[] {2},
            "key"));

    private Decision decide(Subject subject, Action action) {
        return policy.decide(subject, action, certificate, NOW);
    }

    @Test
    void theSirosAndAdministratorsOfParticipantsReadIt() {
        for (Subject subject : new Subject[] {
                aSubject().of(Inspectorate.HMIC).withRoles(Role.SIRO).build(),
                aSubject().of(Inspectorate.OFSTED).withRoles(Role.SIRO).build(),
                aSubject().of(Inspectorate.HMIC).withRoles(Role.ADMINISTRATOR).build()}) {
            for (Action action : new Action[] {Action.LIST, Action.VIEW_METADATA, Action.DOWNLOAD}) {
                Decision decision = decide(subject, action);
                assertTrue(decision.permitted(), subject.roles() + " " + action);
                assertEquals(RemovalCertificateRules.PARTICIPANT_SIRO_OR_ADMINISTRATOR, decision.rule());
            }
        }
    }

    @Test
    void theSiroOfAnInspectorateThatDidNotTakePartIsRefused() {
        Decision decision = decide(aSubject().of(Inspectorate.CQC).withRoles(Role.SIRO).build(), Action.DOWNLOAD);
        assertFalse(decision.permitted());
        assertEquals(RemovalCertificateRules.PARTICIPANT_SIRO_OR_ADMINISTRATOR, decision.rule());
        assertFalse(decide(aSubject().of(Inspectorate.CQC).withRoles(Role.SIRO).build(), Action.VIEW_METADATA)
                .permitted(), "not even told it exists (404)");
    }

    @Test
    void otherStaffOfAParticipantAndAgencyStaffAreRefused() {
        for (Subject subject : new Subject[] {
                aSubject().of(Inspectorate.HMIC).withRoles(Role.INSPECTOR, Role.LEAD_INSPECTOR, Role.READER).build(),
                aSubject().ofAgency().withRoles(Role.ADMINISTRATOR, Role.AGENCY_CHIEF_OFFICER).build()}) {
            assertFalse(decide(subject, Action.DOWNLOAD).permitted(), subject.roles().toString());
            assertFalse(decide(subject, Action.LIST).permitted(), subject.roles().toString());
        }
    }

    @Test
    void nobodyChangesOrRemovesACertificate() {
        Subject siro = aSubject().of(Inspectorate.HMIC).withRoles(Role.SIRO, Role.ADMINISTRATOR).build();
        for (Action action : new Action[] {Action.CHANGE, Action.DELETE, Action.UPLOAD}) {
            Decision decision = decide(siro, action);
            assertFalse(decision.permitted());
            assertEquals(RemovalCertificateRules.READ_ONLY, decision.rule());
        }
    }
}
