package uk.gov.inspectorates.portal.core.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static uk.gov.inspectorates.portal.core.organisation.Inspectorate.CQC;
import static uk.gov.inspectorates.portal.core.organisation.Inspectorate.HMIC;
import static uk.gov.inspectorates.portal.core.organisation.Inspectorate.OFSTED;
import static uk.gov.inspectorates.portal.core.organisation.Role.INSPECTOR;
import static uk.gov.inspectorates.portal.core.testdata.ReportBuilder.aReport;
import static uk.gov.inspectorates.portal.core.testdata.SubjectBuilder.aSubject;

import java.net.URI;
import java.time.Duration;
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
import uk.gov.inspectorates.portal.core.shared.AccessDenied;
import uk.gov.inspectorates.portal.core.shared.Conflict;
import uk.gov.inspectorates.portal.core.shared.InvalidInput;
import uk.gov.inspectorates.portal.core.shared.NotFound;
import uk.gov.inspectorates.portal.core.testdata.InMemoryReportRepository;
import uk.gov.inspectorates.portal.core.testdata.InMemoryWithholdRequests;
import uk.gov.inspectorates.portal.core.testdata.MutableClock;
import uk.gov.inspectorates.portal.core.testdata.RecordingAuditTrail;

class ReportLifecycleTest {

    private static final Instant NOW = Instant.parse("2030-01-10T10:00:00Z");
    private static final String URL = "https://www.gov.uk/government/publications/northdale";

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
    private final Report report = aReport().withId("r1").from(OFSTED).addressedTo(CQC, HMIC).build();

    ReportLifecycleTest() {
        reports.add(report);
    }

    private AuditEvent onlyEvent() {
        assertEquals(1, audit.events().size(), () -> "expected one audit event, got " + audit.events());
        return audit.events().get(0);
    }

    /** JTAI Annex D: the views of both other parties, so that the originator may decide. */
    private void viewsOfBothOtherParties(WithholdRequest request) {
        views.recordView(ofstedInspector, "r1", request.id(), new PartyViewDraft("CQC", "A. Lead", "Agree", null,
                null));
        views.recordView(ofstedInspector, "r1", request.id(), new PartyViewDraft("HMIC", "B. Lead", null, null,
                NOW.atOffset(ZoneOffset.UTC)));
    }

    private Report stored() {
        return reports.find("r1").orElseThrow();
    }

    @Test
    void publishingNowEndsTheEmbargoAtOnceWithOneAuditEventNamingTheUrl() {
        Report published = lifecycle.publish(ofstedInspector, "r1", URL, null);

        assertEquals(ReportStatus.PUBLISHED, stored().statusAt(NOW));
        assertEquals(URI.create(URL), published.publication().publishedUrl());
        AuditEvent event = onlyEvent();
        assertEquals(AuditActions.REPORT_PUBLISH, event.action());
        assertEquals(Outcome.SUCCEEDED, event.outcome());
        assertTrue(event.detail().contains(URL), event.detail());
    }

    @Test
    void aScheduledPublicationEndsTheEmbargoAtItsMomentAndNotBefore() {
        OffsetDateTime at = NOW.plus(Duration.ofHours(2)).atOffset(ZoneOffset.UTC);
        lifecycle.publish(ofstedInspector, "r1", URL, at);

        assertEquals(ReportStatus.UNDER_EMBARGO, stored().statusAt(NOW));
        assertEquals(at.toInstant(), stored().embargoEndsAt(NOW).orElseThrow());
        clock.advance(Duration.ofHours(2).minusSeconds(1));
        assertEquals(ReportStatus.UNDER_EMBARGO, stored().statusAt(clock.instant()));
        clock.advance(Duration.ofSeconds(1));
        assertEquals(ReportStatus.PUBLISHED, stored().statusAt(clock.instant()));
    }

    @Test
    void aScheduleMayBeMovedBeforeItComesButAPublishedReportIsNotPublishedAgain() {
        lifecycle.publish(ofstedInspector, "r1", URL, NOW.plusSeconds(60).atOffset(ZoneOffset.UTC));
        lifecycle.publish(ofstedInspector, "r1", URL, NOW.plusSeconds(120).atOffset(ZoneOffset.UTC));
        assertEquals(NOW.plusSeconds(120), stored().embargoEndsAt(NOW).orElseThrow());

        clock.advance(Duration.ofSeconds(120));
        audit.clear();
        assertThrows(Conflict.class, () -> lifecycle.publish(ofstedInspector, "r1", URL, null));
        assertEquals(Outcome.REFUSED, onlyEvent().outcome());
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "not a url", "http://www.gov.uk/report", "javascript:alert(1)", "https://",
            "https://user:pw@www.gov.uk/r", "ftp://www.gov.uk/r"})
    void thePublishedUrlMustBeAFullHttpsAddress(String url) {
        InvalidInput invalid = assertThrows(InvalidInput.class, () -> lifecycle.publish(ofstedInspector, "r1", url,
                null));

        assertEquals("publishedUrl", invalid.errors().get(0).field());
        assertNull(stored().publication());
        assertEquals(Outcome.REFUSED, onlyEvent().outcome());
    }

    @Test
    void onlyTheOriginatorsSharingStaffPublishAndReadersGetAForbiddenNamingTheRule() {
        AccessDenied denied = assertThrows(AccessDenied.class, () -> lifecycle.publish(cqcReader, "r1", URL, null));

        assertEquals(AccessPolicy.CHANGE_ORIGINATOR_STAFF_ONLY, denied.rule());
        assertNull(stored().publication());
        assertEquals(Outcome.DENIED, onlyEvent().outcome());
    }

    @Test
    void theFormsAreOfferedToThoseWhoMayChangeTheReportWithoutAuditingTheQuestion() {
        assertTrue(lifecycle.mayChange(ofstedInspector, report));
        assertFalse(lifecycle.mayChange(cqcReader, report));
        assertTrue(audit.events().isEmpty());
    }

    @Test
    void someoneWhoMayNotSeeTheReportIsToldItDoesNotExist() {
        Subject prisons = aSubject().of(uk.gov.inspectorates.portal.core.organisation.Inspectorate.HMI_PRISONS)
                .withRoles(INSPECTOR).onReaderList().build();

        assertThrows(NotFound.class, () -> lifecycle.withdraw(prisons, "r1", "no"));
        assertThrows(NotFound.class, () -> lifecycle.publish(ofstedInspector, "nope", URL, null));
    }

    @Test
    void withdrawalNeedsAReasonStopsAScheduledPublicationAndHappensOnce() {
        lifecycle.publish(ofstedInspector, "r1", URL, NOW.plusSeconds(60).atOffset(ZoneOffset.UTC));
        assertThrows(InvalidInput.class, () -> lifecycle.withdraw(ofstedInspector, "r1", " "));

        lifecycle.withdraw(ofstedInspector, "r1", "Factual error in paragraph 12");

        clock.advance(Duration.ofSeconds(61));
        assertEquals(ReportStatus.WITHDRAWN, stored().statusAt(clock.instant()));
        assertEquals("Factual error in paragraph 12", stored().withdrawal().reason());
        assertThrows(Conflict.class, () -> lifecycle.withdraw(ofstedInspector, "r1", "again"));
        assertThrows(Conflict.class, () -> lifecycle.publish(ofstedInspector, "r1", URL, null));
    }

    @Test
    void aWithholdRequestIsRecordedWithItsFortyEightHourDeadlineAndSeenByAddressees() {
        WithholdRequest request = lifecycle.recordWithholdRequest(ofstedInspector, "r1", new WithholdRequestDraft(
                "withhold", "Northdale local authority", "Serious case review under way", "CMP-123", null));

        assertEquals(NOW.plus(Duration.ofHours(48)), request.respondBy());
        assertEquals(List.of(request), lifecycle.withholdRequests(cqcReader, "r1"));
        assertThrows(AccessDenied.class, () -> lifecycle.recordWithholdRequest(cqcReader, "r1",
                new WithholdRequestDraft("WITHHOLD", "x", "y", null, null)));
    }

    @Test
    void aWithholdRequestNeedsItsKindApplicantAndCircumstances() {
        InvalidInput invalid = assertThrows(InvalidInput.class, () -> lifecycle.recordWithholdRequest(
                ofstedInspector, "r1", new WithholdRequestDraft("delay", null, " ", null,
                        NOW.plusSeconds(3600).atOffset(ZoneOffset.UTC))));

        assertEquals(List.of("kind", "applicant", "exceptionalCircumstances", "receivedAt"),
                invalid.errors().stream().map(e -> e.field()).toList());
        assertTrue(requests.ofReport("r1").isEmpty());
    }

    @Test
    void grantingAWithdrawalRequestWithdrawsTheReport() {
        WithholdRequest request = lifecycle.recordWithholdRequest(ofstedInspector, "r1", new WithholdRequestDraft(
                "WITHDRAW", "Northdale local authority", "Identifies a child", null, null));
        viewsOfBothOtherParties(request);

        WithholdRequest decided = lifecycle.decideWithholdRequest(ofstedInspector, "r1", request.id(), "GRANTED",
                "A child could be identified");

        assertEquals(WithholdRequest.Outcome.GRANTED, decided.decision().outcome());
        assertEquals(ReportStatus.WITHDRAWN, stored().statusAt(NOW));
        assertThrows(Conflict.class, () -> lifecycle.decideWithholdRequest(ofstedInspector, "r1", request.id(),
                "REFUSED", "changed our mind"));
    }

    @Test
    void grantingAWithholdRequestTakesBackAScheduledPublication() {
        lifecycle.publish(ofstedInspector, "r1", URL, NOW.plusSeconds(3600).atOffset(ZoneOffset.UTC));
        WithholdRequest request = lifecycle.recordWithholdRequest(ofstedInspector, "r1", new WithholdRequestDraft(
                "WITHHOLD", "Northdale local authority", "Criminal trial starts next week", null, null));
        viewsOfBothOtherParties(request);

        lifecycle.decideWithholdRequest(ofstedInspector, "r1", request.id(), "granted", "Until the trial ends");

        clock.advance(Duration.ofHours(2));
        assertEquals(ReportStatus.UNDER_EMBARGO, stored().statusAt(clock.instant()));
    }

    @Test
    void aRefusedWithholdRequestLeavesTheScheduleAlone() {
        lifecycle.publish(ofstedInspector, "r1", URL, NOW.plusSeconds(3600).atOffset(ZoneOffset.UTC));
        WithholdRequest request = lifecycle.recordWithholdRequest(ofstedInspector, "r1", new WithholdRequestDraft(
                "WITHHOLD", "Northdale local authority", "We disagree", null, null));
        viewsOfBothOtherParties(request);

        lifecycle.decideWithholdRequest(ofstedInspector, "r1", request.id(), "REFUSED", "Not exceptional");

        clock.advance(Duration.ofHours(2));
        assertEquals(ReportStatus.PUBLISHED, stored().statusAt(clock.instant()));
        assertInstanceOf(WithholdRequest.Decision.class, requests.ofReport("r1").get(0).decision());
    }
}
