package uk.gov.inspectorates.portal.core.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static uk.gov.inspectorates.portal.core.organisation.Inspectorate.CQC;
import static uk.gov.inspectorates.portal.core.organisation.Inspectorate.HMIC;
import static uk.gov.inspectorates.portal.core.organisation.Inspectorate.OFSTED;
import static uk.gov.inspectorates.portal.core.organisation.Role.INSPECTOR;
import static uk.gov.inspectorates.portal.core.testdata.ReportBuilder.aReport;
import static uk.gov.inspectorates.portal.core.testdata.SubjectBuilder.aSubject;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import uk.gov.inspectorates.portal.core.access.AccessPolicy;
import uk.gov.inspectorates.portal.core.access.PolicyGate;
import uk.gov.inspectorates.portal.core.access.Subject;
import uk.gov.inspectorates.portal.core.audit.AuditActions;
import uk.gov.inspectorates.portal.core.audit.AuditEvent;
import uk.gov.inspectorates.portal.core.audit.AuditEvent.Outcome;
import uk.gov.inspectorates.portal.core.notification.Notice;
import uk.gov.inspectorates.portal.core.notification.NoticeKind;
import uk.gov.inspectorates.portal.core.notification.Recipients;
import uk.gov.inspectorates.portal.core.shared.AccessDenied;
import uk.gov.inspectorates.portal.core.shared.Conflict;
import uk.gov.inspectorates.portal.core.shared.InvalidInput;
import uk.gov.inspectorates.portal.core.testdata.InMemoryReportRepository;
import uk.gov.inspectorates.portal.core.testdata.InMemoryWithholdRequests;
import uk.gov.inspectorates.portal.core.testdata.MutableClock;
import uk.gov.inspectorates.portal.core.testdata.RecordingAuditTrail;

/** JTAI Annex D on every report: the other parties' views before the decision, and the decision told to them. */
class AnnexDConsultationTest {

    private static final Instant NOW = Instant.parse("2030-01-10T10:00:00Z");
    private static final OffsetDateTime EARLIER = NOW.minusSeconds(3600).atOffset(ZoneOffset.UTC);

    private final InMemoryReportRepository reports = new InMemoryReportRepository();
    private final InMemoryWithholdRequests requests = new InMemoryWithholdRequests();
    private final RecordingAuditTrail audit = new RecordingAuditTrail();
    private final MutableClock clock = new MutableClock(NOW);
    private final List<Notice> notices = new ArrayList<>();
    private final PolicyGate gate = new PolicyGate(new AccessPolicy(), audit, clock);
    private final ReportLifecycle lifecycle = new ReportLifecycle(reports, requests, gate, notices::add);
    private final WithholdViews views = new WithholdViews(reports, requests, gate);

    private final Subject ofstedInspector = aSubject().withId("ofsted-inspector").of(OFSTED).withRoles(INSPECTOR)
            .build();
    private final Subject cqcReader = aSubject().withId("cqc-reader").of(CQC).onReaderList().build();
    private final WithholdRequest request;

    AnnexDConsultationTest() {
        reports.add(aReport().withId("r1").from(OFSTED).addressedTo(CQC, HMIC).build());
        request = lifecycle.recordWithholdRequest(ofstedInspector, "r1", new WithholdRequestDraft("WITHHOLD",
                "Northdale local authority", "A criminal trial starts next week", "CMP-1", null));
        audit.clear();
    }

    private WithholdRequest view(String party, String text, OffsetDateTime givenAt, OffsetDateTime noneBy) {
        return views.recordView(ofstedInspector, "r1", request.id(), new PartyViewDraft(party, "Lead of " + party,
                text, givenAt, noneBy));
    }

    private WithholdRequest decide() {
        return lifecycle.decideWithholdRequest(ofstedInspector, "r1", request.id(), "REFUSED", "Not exceptional");
    }

    private AuditEvent lastEvent() {
        return audit.events().get(audit.events().size() - 1);
    }

    @Test
    void theOtherPartiesAreTheReportsAddresseesWithoutItsOriginator() {
        assertEquals(List.of(CQC, HMIC), AnnexDConsultation.otherParties(reports.find("r1").orElseThrow()));
    }

    @Test
    void theDecisionIsRefusedNamingEveryPartyWhoseViewIsMissing() {
        Conflict refused = assertThrows(Conflict.class, this::decide);

        assertEquals(AnnexDConsultation.VIEWS_BEFORE_DECISION, refused.rule());
        assertTrue(refused.getMessage().contains("CQC and HMIC"), refused.getMessage());
        assertNull(requests.ofReport("r1").get(0).decision());
        assertTrue(notices.isEmpty());
        AuditEvent event = lastEvent();
        assertEquals(AuditActions.WITHHOLD_REQUEST, event.action());
        assertEquals(Outcome.REFUSED, event.outcome());
        assertTrue(event.detail().contains(AnnexDConsultation.VIEWS_BEFORE_DECISION), event.detail());
    }

    @Test
    void withOneViewInTheDecisionIsStillRefusedNamingTheOther() {
        view("CQC", "Publication should go ahead", EARLIER, null);

        Conflict refused = assertThrows(Conflict.class, this::decide);

        assertTrue(refused.getMessage().contains("HMIC"), refused.getMessage());
        assertTrue(!refused.getMessage().contains("CQC"), refused.getMessage());
        assertNull(requests.ofReport("r1").get(0).decision());
    }

    @Test
    void withEveryViewOrNoViewGivenInTheDecisionIsRecordedAndToldToTheOtherPartiesReaderLists() {
        view("CQC", "Publication should go ahead", EARLIER, null);
        WithholdRequest both = view("hmic", null, null, EARLIER);
        assertTrue(both.viewOf(HMIC).orElseThrow().noViewGiven());
        assertEquals(EARLIER.toInstant(), both.viewOf(HMIC).orElseThrow().at());

        WithholdRequest decided = decide();

        assertEquals(WithholdRequest.Outcome.REFUSED, decided.decision().outcome());
        assertEquals(1, notices.size());
        Notice notice = notices.get(0);
        assertEquals(NoticeKind.WITHHOLD_DECISION, notice.kind());
        assertEquals(List.of(Recipients.readerListOf(CQC.organisationId()),
                Recipients.readerListOf(HMIC.organisationId())), notice.recipients());
        assertEquals("/reports/r1", notice.link());
        assertTrue(lastEvent().detail().contains("told [CQC, HMIC]"), lastEvent().detail());
    }

    @Test
    void theAddresseesSeeTheViewsWithTheRequest() {
        view("CQC", "Publication should go ahead", EARLIER, null);

        PartyView seen = lifecycle.withholdRequests(cqcReader, "r1").get(0).viewOf(CQC).orElseThrow();

        assertEquals("Publication should go ahead", seen.view());
        assertEquals("Lead of CQC", seen.leadInspector());
        assertEquals(EARLIER.toInstant(), seen.at());
        assertEquals("ofsted-inspector", seen.recordedBy());
    }

    @ParameterizedTest
    @ValueSource(strings = {"OFSTED", "HMI_PROBATION", "NOBODY", ""})
    void aViewIsRecordedForAnotherPartyOfTheReportOnly(String party) {
        InvalidInput invalid = assertThrows(InvalidInput.class, () -> view(party, "A view", EARLIER, null));

        assertEquals("inspectorate", invalid.errors().get(0).field());
        assertTrue(invalid.errors().get(0).message().contains(AnnexDConsultation.VIEW_OF_OTHER_PARTY));
        assertTrue(requests.ofReport("r1").get(0).views().isEmpty());
        assertEquals(Outcome.REFUSED, lastEvent().outcome());
    }

    @Test
    void aViewNeedsItsLeadInspectorAndEitherTheViewOrTheTimeNoneWasGivenByNotBoth() {
        InvalidInput neither = assertThrows(InvalidInput.class, () -> views.recordView(ofstedInspector, "r1",
                request.id(), new PartyViewDraft("CQC", " ", null, null, null)));
        assertEquals(List.of("leadInspector", "view"), neither.errors().stream().map(e -> e.field()).toList());

        InvalidInput both = assertThrows(InvalidInput.class, () -> view("CQC", "A view", null, EARLIER));
        assertEquals("noViewGivenBy", both.errors().get(0).field());

        OffsetDateTime later = NOW.plusSeconds(60).atOffset(ZoneOffset.UTC);
        assertEquals("givenAt", assertThrows(InvalidInput.class, () -> view("CQC", "A view", later, null))
                .errors().get(0).field());
        assertEquals("noViewGivenBy", assertThrows(InvalidInput.class, () -> view("CQC", null, null, later))
                .errors().get(0).field());
        assertTrue(requests.ofReport("r1").get(0).views().isEmpty());
    }

    @Test
    void aViewGivenWithoutATimeIsTakenAsGivenNow() {
        assertEquals(NOW, view("CQC", "A view", null, null).viewOf(CQC).orElseThrow().at());
    }

    @Test
    void onePartyGivesOneViewOnARequest() {
        view("CQC", "First", EARLIER, null);

        Conflict again = assertThrows(Conflict.class, () -> view("CQC", "Second", EARLIER, null));

        assertEquals(AnnexDConsultation.ONE_VIEW_PER_PARTY, again.rule());
        assertEquals("First", requests.ofReport("r1").get(0).viewOf(CQC).orElseThrow().view());
        assertEquals(Outcome.REFUSED, lastEvent().outcome());
    }

    @Test
    void noViewIsRecordedOnceTheRequestIsDecided() {
        view("CQC", "Go ahead", EARLIER, null);
        view("HMIC", "Go ahead", EARLIER, null);
        decide();
        WithholdRequest other = lifecycle.recordWithholdRequest(ofstedInspector, "r1", new WithholdRequestDraft(
                "WITHDRAW", "Northdale", "Another", null, null));
        assertEquals(0, other.views().size());

        Conflict late = assertThrows(Conflict.class, () -> views.recordView(ofstedInspector, "r1", request.id(),
                new PartyViewDraft("CQC", "Lead", "Late", null, null)));

        assertEquals(AnnexDConsultation.NO_VIEW_AFTER_DECISION, late.rule());
    }

    @Test
    void onlyThoseWhoMayDecideRecordViews() {
        assertThrows(AccessDenied.class, () -> views.recordView(cqcReader, "r1", request.id(),
                new PartyViewDraft("CQC", "Lead", "My own view", null, null)));

        assertTrue(requests.ofReport("r1").get(0).views().isEmpty());
        assertEquals(Outcome.DENIED, lastEvent().outcome());
        assertEquals(AuditActions.WITHHOLD_REQUEST_VIEW, lastEvent().action());
    }
}
