package uk.gov.inspectorates.portal.core.referral;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static uk.gov.inspectorates.portal.core.testdata.SubjectBuilder.aSubject;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import uk.gov.inspectorates.portal.core.access.AccessPolicy;
import uk.gov.inspectorates.portal.core.access.PolicyGate;
import uk.gov.inspectorates.portal.core.access.Subject;
import uk.gov.inspectorates.portal.core.audit.AuditActions;
import uk.gov.inspectorates.portal.core.audit.AuditEvent;
import uk.gov.inspectorates.portal.core.audit.AuditEvent.Outcome;
import uk.gov.inspectorates.portal.core.inspection.Inspection;
import uk.gov.inspectorates.portal.core.inspection.InspectionStatus;
import uk.gov.inspectorates.portal.core.notification.Notice;
import uk.gov.inspectorates.portal.core.notification.NoticeKind;
import uk.gov.inspectorates.portal.core.notification.Recipients;
import uk.gov.inspectorates.portal.core.organisation.AgencyType;
import uk.gov.inspectorates.portal.core.organisation.Inspectorate;
import uk.gov.inspectorates.portal.core.organisation.Role;
import uk.gov.inspectorates.portal.core.shared.AccessDenied;
import uk.gov.inspectorates.portal.core.shared.Conflict;
import uk.gov.inspectorates.portal.core.shared.InvalidInput;
import uk.gov.inspectorates.portal.core.shared.NotFound;
import uk.gov.inspectorates.portal.core.testdata.InMemoryDirectory;
import uk.gov.inspectorates.portal.core.testdata.MutableClock;
import uk.gov.inspectorates.portal.core.testdata.RecordingAuditTrail;

/** The referral service over the real policy and gate, with the referrals and the outbox in memory. */
class ReferralServiceTest {

    private static final Instant NOW = Instant.parse("2030-03-05T10:00:00Z");
    private static final String POLICE = "northdale-police";

    private final MutableClock clock = new MutableClock(NOW);
    private final RecordingAuditTrail audit = new RecordingAuditTrail();
    private final InMemoryReferrals referrals = new InMemoryReferrals();
    private final List<Notice> notices = new ArrayList<>();
    private final Inspection inspection = new Inspection("insp-1", "northdale", "Children at risk of exploitation",
            LocalDate.parse("2030-03-04"), Inspectorate.OFSTED,
            Set.of(Inspectorate.OFSTED, Inspectorate.CQC, Inspectorate.HMIC),
            Map.of(Inspectorate.OFSTED, "ofsted-lead"), InspectionStatus.OPEN, "ofsted-lead", NOW);
    private ReferralService service;

    private final Subject cqcInspector = aSubject().of(Inspectorate.CQC).withId("cqc-inspector")
            .withRoles(Role.INSPECTOR).build();
    private final Subject otherCqcInspector = aSubject().of(Inspectorate.CQC).withId("cqc-other")
            .withRoles(Role.INSPECTOR).build();
    private final Subject lead = aSubject().of(Inspectorate.OFSTED).withId("ofsted-lead")
            .withRoles(Role.LEAD_INSPECTOR).build();
    private final Subject policeUploader = police("police-uploader", Role.AGENCY_UPLOADER);
    private final Subject policeChief = police("police-chief", Role.AGENCY_CHIEF_OFFICER);
    private final Subject childrensServices = aSubject().withId("cs-chief")
            .ofAgency("northdale-childrens-services", AgencyType.LOCAL_AUTHORITY_CHILDRENS_SERVICES, "northdale")
            .withRoles(Role.AGENCY_CHIEF_OFFICER, Role.AGENCY_UPLOADER).build();

    private static Subject police(String id, Role role) {
        return aSubject().withId(id).ofAgency(POLICE, AgencyType.POLICE_FORCE, "northdale").withRoles(role).build();
    }

    @BeforeEach
    void wire() {
        InMemoryDirectory directory = InMemoryDirectory.withDemoOrganisations();
        service = new ReferralService(referrals, id -> Optional.of(inspection).filter(i -> i.id().equals(id))
                .map(i -> ReferringInspection.of(i, "Northdale")), directory,
                new PolicyGate(new AccessPolicy(), audit, clock), notices::add);
    }

    private static ReferralDraft draft(int category) {
        return new ReferralDraft(POLICE, List.of("CS-2030-0417", "CS-2030-0418"), category,
                "No strategy discussion after the second missing episode.", NOW.plus(Duration.ofDays(2)));
    }

    private AuditEvent lastEvent() {
        return audit.events().get(audit.events().size() - 1);
    }

    @Test
    void anInspectorOfAParticipatingInspectorateRaisesACategory1ReferralAndBothSidesAreTold() {
        Referral referral = service.raise(cqcInspector, "insp-1", draft(1));

        assertEquals(Optional.of(referral), referrals.find(referral.id()));
        assertEquals(ReferralStage.AWAITING_AGENCY_RESPONSE, referral.stage());
        assertEquals(List.of("CS-2030-0417", "CS-2030-0418"), referral.caseNumbers());
        assertEquals("cqc-inspector", referral.referredBy().byUserId());
        AuditEvent raised = lastEvent();
        assertEquals(AuditActions.REFERRAL_RAISE, raised.action());
        assertEquals(Outcome.SUCCEEDED, raised.outcome());
        assertEquals(referral.id(), raised.resourceId());
        assertFalse(raised.detail().contains("CS-2030"), "no case number in the audit trail: " + raised.detail());

        assertEquals(1, notices.size());
        Notice notice = notices.get(0);
        assertEquals(NoticeKind.REFERRAL_CATEGORY_1, notice.kind());
        assertEquals("/inspections/insp-1/referrals/" + referral.id(), notice.link());
        assertEquals(Set.of(Recipients.withRoles(POLICE, Role.AGENCY_CHIEF_OFFICER, Role.AGENCY_UPLOADER),
                Recipients.person("ofsted-lead")), Set.copyOf(notice.recipients()));
        assertFalse(notice.title().contains("CS-2030"), notice.title());
    }

    @Test
    void aCategory2ReferralSendsNoNotice() {
        service.raise(cqcInspector, "insp-1", draft(2));

        assertTrue(notices.isEmpty());
    }

    @Test
    void agencyStaffRaiseNoReferral() {
        AccessDenied denied = assertThrows(AccessDenied.class, () -> service.raise(policeChief, "insp-1", draft(1)));

        assertEquals("referral.raise.participating-inspectors-only", denied.rule());
        assertEquals(Outcome.DENIED, lastEvent().outcome());
        assertTrue(referrals.ofInspection("insp-1").isEmpty());
        assertTrue(notices.isEmpty());
    }

    @Test
    void whoeverMayNotSeeTheInspectionIsToldItDoesNotExist() {
        Subject prisons = aSubject().of(Inspectorate.HMI_PRISONS).withRoles(Role.INSPECTOR).build();

        assertThrows(NotFound.class, () -> service.raise(prisons, "insp-1", draft(1)));
        assertThrows(NotFound.class, () -> service.raise(cqcInspector, "insp-none", draft(1)));
        assertEquals(Outcome.DENIED, lastEvent().outcome());
    }

    @Test
    void badDetailsAreRefusedFieldByFieldAndNothingIsKept() {
        ReferralDraft bad = new ReferralDraft("northdale-childrens-services-elsewhere", List.of("Jane Smith"), 3, " ",
                NOW.minusSeconds(1));

        InvalidInput invalid = assertThrows(InvalidInput.class, () -> service.raise(cqcInspector, "insp-1", bad));

        assertEquals(Set.of("agency", "caseNumbers", "category", "issues", "responseRequiredBy"),
                invalid.errors().stream().map(e -> e.field()).collect(java.util.stream.Collectors.toSet()));
        assertTrue(referrals.ofInspection("insp-1").isEmpty());
        assertEquals(Outcome.REFUSED, lastEvent().outcome());
        assertFalse(lastEvent().detail().contains("Jane"));
    }

    @Test
    void anInspectorateIsNotAnAgencyToReferTo() {
        ReferralDraft toOfsted = new ReferralDraft("ofsted", List.of("CS-1"), 1, "Issues", NOW.plusSeconds(60));

        InvalidInput invalid = assertThrows(InvalidInput.class, () -> service.raise(cqcInspector, "insp-1",
                toOfsted));
        assertEquals("agency", invalid.errors().get(0).field());
    }

    @Test
    void theStepsGoInOrderEachByThePersonWhoseTurnItIs() {
        String id = service.raise(cqcInspector, "insp-1", draft(1)).id();

        assertConflict(() -> service.take(cqcInspector, "insp-1", id, ReferralStep.EVALUATION, "Too early"));
        assertConflict(() -> service.take(lead, "insp-1", id, ReferralStep.LEAD_INSPECTOR_SIGN_OFF, null));
        assertDenied("referral.respond.agency-referred-to-only",
                () -> service.take(cqcInspector, "insp-1", id, ReferralStep.RESPONSE, "Not mine to give"));
        assertThrows(InvalidInput.class, () -> service.take(policeUploader, "insp-1", id, ReferralStep.RESPONSE, ""));
        assertEquals(ReferralStage.AWAITING_AGENCY_RESPONSE, referrals.find(id).orElseThrow().stage());

        service.take(policeUploader, "insp-1", id, ReferralStep.RESPONSE, "Strategy meeting held the same day.");
        assertEquals(AuditActions.REFERRAL_RESPOND, lastEvent().action());
        assertEquals(Outcome.SUCCEEDED, lastEvent().outcome());
        assertConflict(() -> service.take(policeChief, "insp-1", id, ReferralStep.RESPONSE, "Again"));

        assertDenied("referral.evaluate.referring-inspector-only",
                () -> service.take(otherCqcInspector, "insp-1", id, ReferralStep.EVALUATION, "Not my referral"));
        service.take(cqcInspector, "insp-1", id, ReferralStep.EVALUATION, "The response addresses the risk.");

        assertDenied("referral.sign-off.agency-chief-officer-only",
                () -> service.take(policeUploader, "insp-1", id, ReferralStep.CHIEF_OFFICER_SIGN_OFF, null));
        service.take(policeChief, "insp-1", id, ReferralStep.CHIEF_OFFICER_SIGN_OFF, null);

        assertDenied("referral.sign-off.inspection-lead-inspector-only",
                () -> service.take(cqcInspector, "insp-1", id, ReferralStep.LEAD_INSPECTOR_SIGN_OFF, null));
        Referral done = service.take(lead, "insp-1", id, ReferralStep.LEAD_INSPECTOR_SIGN_OFF, null);

        assertEquals(ReferralStage.SIGNED_OFF, done.stage());
        assertEquals(done, referrals.find(id).orElseThrow());
        assertEquals("Strategy meeting held the same day.", done.step(ReferralStep.RESPONSE).orElseThrow().text());
        assertEquals("police-chief", done.step(ReferralStep.CHIEF_OFFICER_SIGN_OFF).orElseThrow().byUserId());
        assertConflict(() -> service.take(lead, "insp-1", id, ReferralStep.LEAD_INSPECTOR_SIGN_OFF, null));
    }

    @Test
    void anotherAgencyNeitherSeesNorTouchesIt() {
        String id = service.raise(cqcInspector, "insp-1", draft(1)).id();

        assertEquals(List.of(), service.ofInspection(childrensServices, "insp-1"));
        assertThrows(NotFound.class, () -> service.view(childrensServices, "insp-1", id));
        assertThrows(NotFound.class, () -> service.take(childrensServices, "insp-1", id, ReferralStep.RESPONSE,
                "Not ours"));
        assertEquals(Outcome.DENIED, lastEvent().outcome());
        assertEquals(List.of(), service.seriousConcernsFor(childrensServices, null));
        assertEquals(1, service.ofInspection(policeUploader, "insp-1").size());
        assertEquals(1, service.ofInspection(otherCqcInspector, "insp-1").size());
    }

    @Test
    void anOpenCategory1ReferralIsFlaggedToBothSidesUntilSignedOff() {
        Referral serious = service.raise(cqcInspector, "insp-1", draft(1));
        service.raise(cqcInspector, "insp-1", draft(2));

        assertEquals(List.of(serious), service.seriousConcernsFor(policeUploader, null));
        assertEquals(List.of(serious), service.seriousConcernsFor(lead, "insp-1"));
        assertEquals(List.of(), service.seriousConcernsFor(lead, null), "inspectorate staff: per inspection");

        service.take(policeUploader, "insp-1", serious.id(), ReferralStep.RESPONSE, "Done.");
        service.take(cqcInspector, "insp-1", serious.id(), ReferralStep.EVALUATION, "Fine.");
        service.take(policeChief, "insp-1", serious.id(), ReferralStep.CHIEF_OFFICER_SIGN_OFF, null);
        assertEquals(List.of(serious.id()),
                service.seriousConcernsFor(policeUploader, null).stream().map(Referral::id).toList());
        service.take(lead, "insp-1", serious.id(), ReferralStep.LEAD_INSPECTOR_SIGN_OFF, null);

        assertEquals(List.of(), service.seriousConcernsFor(policeUploader, null));
        assertEquals(List.of(), service.seriousConcernsFor(lead, "insp-1"));
    }

    @Test
    void theFormIsOfferedToWhoeverMayTakeTheNextStep() {
        Referral referral = service.raise(cqcInspector, "insp-1", draft(2));

        assertEquals(Optional.of(ReferralStep.RESPONSE), service.stepFor(policeUploader, "insp-1", referral));
        assertEquals(Optional.empty(), service.stepFor(cqcInspector, "insp-1", referral));
        assertTrue(service.mayRaise(cqcInspector, "insp-1"));
        assertFalse(service.mayRaise(policeChief, "insp-1"));
    }

    private void assertConflict(Runnable attempt) {
        assertThrows(Conflict.class, attempt::run);
        assertEquals(Outcome.REFUSED, lastEvent().outcome());
    }

    private void assertDenied(String rule, Runnable attempt) {
        AccessDenied denied = assertThrows(AccessDenied.class, attempt::run);
        assertEquals(rule, denied.rule());
        assertEquals(Outcome.DENIED, lastEvent().outcome());
        assertEquals(rule, lastEvent().detail());
    }
}
