package uk.gov.inspectorates.portal.core.termplan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static uk.gov.inspectorates.portal.core.organisation.Inspectorate.CQC;
import static uk.gov.inspectorates.portal.core.organisation.Inspectorate.OFSTED;
import static uk.gov.inspectorates.portal.core.organisation.Role.DATA_ANALYST;
import static uk.gov.inspectorates.portal.core.organisation.Role.INSPECTOR;
import static uk.gov.inspectorates.portal.core.organisation.Role.LEAD_INSPECTOR;
import static uk.gov.inspectorates.portal.core.organisation.Role.READER;
import static uk.gov.inspectorates.portal.core.testdata.SubjectBuilder.aSubject;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import uk.gov.inspectorates.portal.core.access.AccessPolicy;
import uk.gov.inspectorates.portal.core.access.PolicyGate;
import uk.gov.inspectorates.portal.core.access.Subject;
import uk.gov.inspectorates.portal.core.access.TermPlanRules;
import uk.gov.inspectorates.portal.core.audit.AuditActions;
import uk.gov.inspectorates.portal.core.audit.AuditEvent;
import uk.gov.inspectorates.portal.core.audit.AuditEvent.Outcome;
import uk.gov.inspectorates.portal.core.classification.Tier;
import uk.gov.inspectorates.portal.core.organisation.DemoDirectory;
import uk.gov.inspectorates.portal.core.organisation.LocalAuthorityArea;
import uk.gov.inspectorates.portal.core.organisation.Role;
import uk.gov.inspectorates.portal.core.shared.AccessDenied;
import uk.gov.inspectorates.portal.core.shared.FieldError;
import uk.gov.inspectorates.portal.core.shared.InvalidInput;
import uk.gov.inspectorates.portal.core.shared.NotFound;
import uk.gov.inspectorates.portal.core.testdata.InMemoryDirectory;
import uk.gov.inspectorates.portal.core.testdata.InMemoryTermPlanRepository;
import uk.gov.inspectorates.portal.core.testdata.MutableClock;
import uk.gov.inspectorates.portal.core.testdata.RecordingAuditTrail;

class TermPlanServiceTest {

    private static final Instant NOW = Instant.parse("2026-12-03T10:00:00Z");
    private static final String SPRING = "2026-27 SPRING";
    private static final String NORTHDALE = DemoDirectory.LOCAL_AUTHORITY_AREA_ID;

    private final InMemoryTermPlanRepository plans = new InMemoryTermPlanRepository();
    private final InMemoryDirectory directory = InMemoryDirectory.withDemoOrganisations();
    private final RecordingAuditTrail audit = new RecordingAuditTrail();
    private final MutableClock clock = new MutableClock(NOW);
    private final TermPlanService service = new TermPlanService(plans, directory,
            new PolicyGate(new AccessPolicy(), audit, clock));

    private final Subject ofstedInspector = aSubject().withId("ofsted-inspector").of(OFSTED).withRoles(INSPECTOR)
            .build();
    private final Subject ofstedLead = aSubject().withId("ofsted-lead").of(OFSTED).withRoles(LEAD_INSPECTOR).build();
    private final Subject cqcReader = aSubject().withId("cqc-reader").of(CQC).withRoles(READER).build();
    private final Subject cqcAnalyst = aSubject().withId("cqc-analyst").of(CQC).withRoles(DATA_ANALYST).build();
    private final Subject agencyAdmin = aSubject().withId("agency-admin").ofAgency().withRoles(Role.ADMINISTRATOR)
            .build();

    TermPlanServiceTest() {
        directory.saveLocalAuthorityArea(new LocalAuthorityArea("southdale", "Southdale"));
        directory.saveLocalAuthorityArea(new LocalAuthorityArea("east-moor", "East Moor"));
    }

    private static TermPlanDraft draft(String term, String... areas) {
        return new TermPlanDraft(null, term, List.of(areas));
    }

    private AuditEvent onlyEvent() {
        assertEquals(1, audit.events().size(), audit.events().toString());
        return audit.events().get(0);
    }

    @Test
    void anInspectorSharesTheirInspectoratesListMarkedOfficialSensitiveAndItIsAudited() {
        TermPlanList plan = service.share(ofstedInspector, draft(SPRING, NORTHDALE, "East Moor"));

        assertEquals(OFSTED, plan.inspectorate());
        assertEquals(Term.parse(SPRING), plan.term());
        assertEquals(1, plan.version());
        assertEquals(List.of("northdale", "east-moor"), plan.areas().stream().map(LocalAuthorityArea::id).toList());
        assertEquals(Tier.OFFICIAL_SENSITIVE, plan.classification().tier());
        assertEquals("ofsted-inspector", plan.sharedBy());
        assertEquals(NOW, plan.sharedAt());
        assertEquals(List.of(plan), plans.all());
        AuditEvent event = onlyEvent();
        assertEquals(AuditActions.TERM_PLAN_SHARE, event.action());
        assertEquals(Outcome.SUCCEEDED, event.outcome());
        assertEquals(plan.id(), event.resourceId());
        assertEquals("TERM_PLAN", event.resourceType());
        assertEquals("inspectorate=OFSTED term=2026-27 SPRING version=1 areas=[northdale, east-moor] "
                + "classification=OFFICIAL-SENSITIVE", event.detail());
    }

    @Test
    void sharingAgainForTheTermAddsTheNextVersionAndKeepsTheFirst() {
        TermPlanList first = service.share(ofstedInspector, draft(SPRING, NORTHDALE));
        clock.advance(Duration.ofDays(1));
        TermPlanList second = service.share(ofstedLead, draft(SPRING, "southdale", "Northdale"));
        TermPlanList otherTerm = service.share(ofstedInspector, draft("2026-27 SUMMER", NORTHDALE));

        assertEquals(2, second.version());
        assertEquals(1, otherTerm.version());
        assertEquals(List.of(second), service.ofTerm(cqcReader, SPRING, false), "the newest replaces it");
        assertEquals(List.of(first, second), service.ofTerm(cqcReader, SPRING, true), "history is kept");
        assertEquals(first, service.view(cqcReader, first.id()));
    }

    @Test
    void everyInspectoratesStaffSeeEveryListOfTheTermAndEachLookIsAudited() {
        TermPlanList ofsted = service.share(ofstedInspector, draft(SPRING, NORTHDALE));
        TermPlanList cqc = service.share(aSubject().withId("cqc-inspector").of(CQC).withRoles(INSPECTOR).build(),
                draft(SPRING, "southdale"));
        audit.clear();

        assertEquals(List.of(ofsted, cqc), service.ofTerm(cqcAnalyst, " 2026-27 spring", false));
        AuditEvent listed = onlyEvent();
        assertEquals(AuditActions.TERM_PLAN_LIST, listed.action());
        assertEquals(Outcome.SUCCEEDED, listed.outcome());
        assertEquals("term=2026-27 SPRING count=2", listed.detail());

        audit.clear();
        assertEquals(ofsted, service.view(cqcAnalyst, ofsted.id()));
        AuditEvent viewed = onlyEvent();
        assertEquals(AuditActions.TERM_PLAN_VIEW, viewed.action());
        assertEquals(Outcome.SUCCEEDED, viewed.outcome());
        assertEquals(ofsted.id(), viewed.resourceId());
        assertEquals("cqc-analyst", viewed.actorId());
    }

    @Test
    void agencyStaffAreRefusedTheListsAndMayNotKnowAPlanExists() {
        TermPlanList plan = service.share(ofstedInspector, draft(SPRING, NORTHDALE));
        audit.clear();

        AccessDenied denied = assertThrows(AccessDenied.class, () -> service.ofTerm(agencyAdmin, SPRING, false));
        assertEquals(TermPlanRules.VIEW_INSPECTORATE_STAFF_ONLY, denied.rule());
        assertEquals(Outcome.DENIED, onlyEvent().outcome());
        assertEquals(TermPlanRules.VIEW_INSPECTORATE_STAFF_ONLY, onlyEvent().detail());

        audit.clear();
        assertThrows(NotFound.class, () -> service.view(agencyAdmin, plan.id()));
        assertEquals(AuditActions.TERM_PLAN_VIEW, onlyEvent().action());
        assertEquals(Outcome.DENIED, onlyEvent().outcome());
        assertEquals(TermPlanRules.VIEW_INSPECTORATE_STAFF_ONLY, onlyEvent().detail());
    }

    @Test
    void agencyStaffShareNothing() {
        AccessDenied denied = assertThrows(AccessDenied.class,
                () -> service.share(agencyAdmin, new TermPlanDraft("OFSTED", SPRING, List.of(NORTHDALE))));
        assertEquals(TermPlanRules.SHARE_INSPECTORATES_ONLY, denied.rule());
        assertEquals(Outcome.DENIED, onlyEvent().outcome());
        assertEquals(List.of(), plans.all());
    }

    @Test
    void anInspectorMayNotShareAnotherInspectoratesList() {
        AccessDenied denied = assertThrows(AccessDenied.class,
                () -> service.share(ofstedInspector, new TermPlanDraft("CQC", SPRING, List.of(NORTHDALE))));

        assertEquals(TermPlanRules.SHARE_OWN_INSPECTORATE_ONLY, denied.rule());
        AuditEvent event = onlyEvent();
        assertEquals(AuditActions.TERM_PLAN_SHARE, event.action());
        assertEquals(Outcome.DENIED, event.outcome());
        assertEquals(TermPlanRules.SHARE_OWN_INSPECTORATE_ONLY, event.detail());
        assertEquals(List.of(), plans.all());
        assertEquals(OFSTED, service.share(ofstedInspector,
                new TermPlanDraft("ofsted", SPRING, List.of(NORTHDALE))).inspectorate(), "naming their own is fine");
    }

    @Test
    void staffWithoutASharingRoleSeeButDoNotShare() {
        AccessDenied denied = assertThrows(AccessDenied.class, () -> service.share(cqcAnalyst, draft(SPRING,
                NORTHDALE)));

        assertEquals(TermPlanRules.SHARE_NEEDS_SHARING_ROLE, denied.rule());
        assertEquals(Outcome.DENIED, onlyEvent().outcome());
        assertEquals(Optional.empty(), service.sharesFor(cqcAnalyst));
        assertEquals(List.of(), service.areasFor(cqcAnalyst));
        assertTrue(service.maySee(cqcAnalyst));
        assertEquals(Optional.of(OFSTED), service.sharesFor(ofstedInspector));
        assertEquals(List.of("East Moor", "Northdale", "Southdale"),
                service.areasFor(ofstedInspector).stream().map(LocalAuthorityArea::name).toList());
        assertTrue(!service.maySee(agencyAdmin) && service.sharesFor(agencyAdmin).isEmpty());
    }

    @Test
    void theShareFormIsCheckedBeforeItIsShownAndARefusalIsAudited() {
        assertEquals(OFSTED, service.checkMayShare(ofstedLead));
        assertEquals(List.of(), audit.events(), "only a refusal is audited here; the share itself is");

        AccessDenied denied = assertThrows(AccessDenied.class, () -> service.checkMayShare(agencyAdmin));
        assertEquals(TermPlanRules.SHARE_INSPECTORATES_ONLY, denied.rule());
        assertEquals(TermPlanRules.SHARE_NEEDS_SHARING_ROLE,
                assertThrows(AccessDenied.class, () -> service.checkMayShare(cqcReader)).rule());
        assertEquals(2, audit.events().stream().filter(e -> e.outcome() == Outcome.DENIED
                && e.action().equals(AuditActions.TERM_PLAN_SHARE)).count());
    }

    private void assertRefused(String field, String messagePart, TermPlanDraft draft) {
        audit.clear();
        InvalidInput invalid = assertThrows(InvalidInput.class, () -> service.share(ofstedInspector, draft));
        assertTrue(invalid.errors().stream().anyMatch(e -> e.field().equals(field)
                && e.message().contains(messagePart)), invalid.errors().toString());
        AuditEvent event = onlyEvent();
        assertEquals(Outcome.REFUSED, event.outcome());
        assertEquals(AuditActions.TERM_PLAN_SHARE, event.action());
        assertEquals(List.of(), plans.all(), "nothing is kept");
    }

    @Test
    void aBadTermOrBadAreasAreFieldErrorsAndNothingIsKept() {
        assertRefused("term", "for example 2026-27 SPRING", draft("spring 2027", NORTHDALE));
        assertRefused("term", "AUTUMN, SPRING or SUMMER", draft("2026-27 WINTER", NORTHDALE));
        assertRefused("term", "Choose the term", draft(null, NORTHDALE));
        assertRefused("areas", "at least one", draft(SPRING));
        assertRefused("areas", "at least one", new TermPlanDraft(null, SPRING, null));
        assertRefused("areas", "at least one", draft(SPRING, " "));
        assertRefused("areas", "more than once", draft(SPRING, NORTHDALE, "northdale"));
        assertRefused("areas", "more than once", draft(SPRING, "Northdale", "NORTHDALE"));
        assertRefused("areas", "does not know the local authority area \"Atlantis\"", draft(SPRING, NORTHDALE,
                "Atlantis"));
        assertRefused("areas", "empty", draft(SPRING, NORTHDALE, ""));
        assertRefused("inspectorate", "Name an inspectorate",
                new TermPlanDraft("OFSTEAD", SPRING, List.of(NORTHDALE)));
        assertRefused("areas", "at most", new TermPlanDraft(null, SPRING,
                java.util.Collections.nCopies(TermPlanService.MAX_AREAS + 1, NORTHDALE)));
    }

    @Test
    void everyFailingFieldIsReportedAtOnce() {
        InvalidInput invalid = assertThrows(InvalidInput.class, () -> service.share(ofstedInspector,
                draft("next term", "Atlantis")));
        assertEquals(List.of("term", "areas"), invalid.errors().stream().map(FieldError::field).toList());
        assertEquals("invalid: [term, areas]", onlyEvent().detail());
    }

    @Test
    void listingABadTermIsAFieldErrorAndAudited() {
        InvalidInput invalid = assertThrows(InvalidInput.class, () -> service.ofTerm(cqcReader, "2026", false));
        assertEquals("term", invalid.errors().get(0).field());
        assertEquals(AuditActions.TERM_PLAN_LIST, onlyEvent().action());
        assertEquals(Outcome.REFUSED, onlyEvent().outcome());
    }

    @Test
    void anUnknownPlanIsNotFoundAndAudited() {
        assertThrows(NotFound.class, () -> service.view(cqcReader, "no-such-plan"));
        assertEquals(Outcome.DENIED, onlyEvent().outcome());
        assertEquals("no such term plan", onlyEvent().detail());
    }
}
