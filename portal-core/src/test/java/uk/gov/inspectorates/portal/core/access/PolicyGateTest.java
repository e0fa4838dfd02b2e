package uk.gov.inspectorates.portal.core.access;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static uk.gov.inspectorates.portal.core.organisation.Inspectorate.CQC;
import static uk.gov.inspectorates.portal.core.organisation.Inspectorate.HMIC;
import static uk.gov.inspectorates.portal.core.organisation.Inspectorate.OFSTED;
import static uk.gov.inspectorates.portal.core.organisation.Role.DATA_ANALYST;
import static uk.gov.inspectorates.portal.core.organisation.Role.INSPECTOR;
import static uk.gov.inspectorates.portal.core.testdata.ReportBuilder.aReport;
import static uk.gov.inspectorates.portal.core.testdata.SubjectBuilder.aSubject;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import uk.gov.inspectorates.portal.core.access.PolicyGate.Act;
import uk.gov.inspectorates.portal.core.audit.AuditEvent;
import uk.gov.inspectorates.portal.core.audit.AuditEvent.Outcome;
import uk.gov.inspectorates.portal.core.report.Report;
import uk.gov.inspectorates.portal.core.shared.AccessDenied;
import uk.gov.inspectorates.portal.core.shared.NotFound;
import uk.gov.inspectorates.portal.core.testdata.RecordingAuditTrail;

/** Each branch of the one gate: what it answers, and the one audit event (or none) it leaves. */
class PolicyGateTest {

    private static final Instant NOW = Instant.parse("2030-01-10T10:00:00Z");

    private final RecordingAuditTrail audit = new RecordingAuditTrail();
    private final AccessPolicy policy = new AccessPolicy();
    private final PolicyGate gate = new PolicyGate(policy, audit, Clock.fixed(NOW, ZoneOffset.UTC));

    private final Report ofstedReportToCqc = aReport().withId("report-1").from(OFSTED).addressedTo(CQC).underEmbargo()
            .build();
    private final Subject ofstedInspector = aSubject().withId("ofsted-inspector").of(OFSTED).withRoles(INSPECTOR)
            .build();
    private final Subject cqcReader = aSubject().withId("cqc-reader").of(CQC).onReaderList().build();
    private final Subject hmicReader = aSubject().withId("hmic-reader").of(HMIC).onReaderList().build();
    private final Act download = Act.of("REPORT_DOWNLOAD", "REPORT", "report-1");

    private Report admit(Subject subject, Action action, Optional<Report> found) {
        return gate.admit(subject, action, Act.of("REPORT_" + action, "REPORT", "report-1"), found,
                report -> report.asResourceAt(NOW));
    }

    private AuditEvent onlyEvent() {
        assertEquals(1, audit.events().size(), () -> "expected exactly one audit event, got " + audit.events());
        return audit.events().get(0);
    }

    private static void assertEvent(Subject actor, String action, String type, String id, Outcome outcome,
                                    String detail, AuditEvent event) {
        assertEquals(new AuditEvent(NOW, actor.userId(), actor.organisation().id(), action, type, id, outcome, detail)
                .withActorRoles(PolicyGate.rolesOf(actor)), event);
    }

    @Test
    void somethingNotFoundIsA404AuditedAsNoSuchThing() {
        NotFound notFound = assertThrows(NotFound.class, () -> gate.admit(ofstedInspector, Action.DOWNLOAD,
                Act.of("TERM_PLAN_VIEW", "TERM_PLAN", "plan-9"), Optional.<Report>empty(),
                report -> report.asResourceAt(NOW)));

        assertEquals("term plan not found", notFound.getMessage());
        assertEvent(ofstedInspector, "TERM_PLAN_VIEW", "TERM_PLAN", "plan-9", Outcome.DENIED, "no such term plan",
                onlyEvent());
    }

    @Test
    void refusedToSomeoneWhoMayKnowTheThingIsA403NamingTheRuleAudited() {
        String rule = policy.decide(cqcReader, Action.CHANGE, ofstedReportToCqc.asResourceAt(NOW), NOW).rule();
        assertTrue(policy.decide(cqcReader, Action.VIEW_METADATA, ofstedReportToCqc.asResourceAt(NOW), NOW)
                .permitted(), "the fixture: a reader on the list may see the report's details");

        AccessDenied denied = assertThrows(AccessDenied.class,
                () -> admit(cqcReader, Action.CHANGE, Optional.of(ofstedReportToCqc)));

        assertEquals(AccessPolicy.CHANGE_ORIGINATOR_STAFF_ONLY, rule);
        assertEquals(rule, denied.rule());
        assertEvent(cqcReader, "REPORT_CHANGE", "REPORT", "report-1", Outcome.DENIED, rule, onlyEvent());
    }

    @Test
    void refusedToSomeoneWhoMayNotKnowTheThingIsA404AuditedWithTheRule() {
        String rule = policy.decide(hmicReader, Action.DOWNLOAD, ofstedReportToCqc.asResourceAt(NOW), NOW).rule();

        NotFound notFound = assertThrows(NotFound.class,
                () -> admit(hmicReader, Action.DOWNLOAD, Optional.of(ofstedReportToCqc)));

        assertEquals("report not found", notFound.getMessage());
        assertEvent(hmicReader, "REPORT_DOWNLOAD", "REPORT", "report-1", Outcome.DENIED, rule, onlyEvent());
    }

    @Test
    void refusedSightOfTheDetailsThemselvesIsA404() {
        assertThrows(NotFound.class, () -> admit(hmicReader, Action.VIEW_METADATA, Optional.of(ofstedReportToCqc)));

        assertEquals(Outcome.DENIED, onlyEvent().outcome());
    }

    @Test
    void permittedHandsBackTheThingAndAuditsNothing() {
        assertSame(ofstedReportToCqc, admit(cqcReader, Action.DOWNLOAD, Optional.of(ofstedReportToCqc)));

        assertTrue(audit.events().isEmpty(), audit.events()::toString);
    }

    @Test
    void requireRefusesWithA403NamingTheRuleAudited() {
        Subject analyst = aSubject().withId("analyst").of(OFSTED).withRoles(DATA_ANALYST).build();
        Act share = Act.of("REPORT_SHARE", "REPORT", null);

        AccessDenied denied = assertThrows(AccessDenied.class,
                () -> gate.require(analyst, Action.UPLOAD, Resource.newReport(OFSTED), share));

        assertEquals(AccessPolicy.SHARE_NEEDS_SHARING_ROLE, denied.rule());
        assertEvent(analyst, "REPORT_SHARE", "REPORT", null, Outcome.DENIED, AccessPolicy.SHARE_NEEDS_SHARING_ROLE,
                onlyEvent());
    }

    @Test
    void requirePermitsWithTheDecisionAndAuditsNothing() {
        Decision decision = gate.require(ofstedInspector, Action.UPLOAD, Resource.newReport(OFSTED),
                Act.of("REPORT_SHARE", "REPORT", null));

        assertEquals(Decision.permit(AccessPolicy.SHARE_BY_ORIGINATOR_STAFF), decision);
        assertTrue(audit.events().isEmpty(), audit.events()::toString);
    }

    @Test
    void visibleKeepsOnlyWhatTheSubjectMayListInOrderAndAuditsNothing() {
        Report toHmic = aReport().withId("report-2").from(OFSTED).addressedTo(HMIC).underEmbargo().build();
        Report alsoToCqc = aReport().withId("report-3").from(OFSTED).addressedTo(CQC, HMIC).underEmbargo().build();

        List<Report> visible = gate.visible(cqcReader, List.of(ofstedReportToCqc, toHmic, alsoToCqc),
                report -> report.asResourceAt(NOW));

        assertEquals(List.of(ofstedReportToCqc, alsoToCqc), visible);
        assertEquals(List.of(), gate.visible(aSubject().ofAgency().build(), List.of(ofstedReportToCqc, toHmic),
                report -> report.asResourceAt(NOW)));
        assertTrue(audit.events().isEmpty(), audit.events()::toString);
    }

    @Test
    void decideAndPermitsAskThePolicyAtTheGatesClockWithoutAuditing() {
        Resource resource = ofstedReportToCqc.asResourceAt(NOW);

        assertEquals(policy.decide(hmicReader, Action.DOWNLOAD, resource, NOW),
                gate.decide(hmicReader, Action.DOWNLOAD, resource));
        assertTrue(gate.permits(cqcReader, Action.DOWNLOAD, resource));
        assertTrue(audit.events().isEmpty(), audit.events()::toString);
    }

    @Test
    void recordWritesOnePersonsActAsGiven() {
        gate.record(cqcReader, download, Outcome.SUCCEEDED, "downloadId=d-1");

        assertEvent(cqcReader, "REPORT_DOWNLOAD", "REPORT", "report-1", Outcome.SUCCEEDED, "downloadId=d-1",
                onlyEvent());
    }

    @Test
    void recordForSomeoneNotSignedInKeepsTheIdsGiven() {
        gate.record(null, "agency-1", Act.of("ACCOUNT_CREATE", "INVITATION", "inv-1"), Outcome.REFUSED, "used");

        assertEquals(new AuditEvent(NOW, null, "agency-1", "ACCOUNT_CREATE", "INVITATION", "inv-1", Outcome.REFUSED,
                "used"), onlyEvent());
    }

    @Test
    void everyEventOfAPersonCarriesTheirRolesSortedAndJoined() {
        Subject analyst = aSubject().withId("ofsted-analyst").of(OFSTED).withRoles(INSPECTOR, DATA_ANALYST).build();

        gate.record(analyst, download, Outcome.SUCCEEDED, null);

        assertEquals("DATA_ANALYST,INSPECTOR", onlyEvent().actorRoles());
    }

    @Test
    void aDownloadCarriesTheStampedCopysDownloadIdInItsOwnField() {
        gate.recordDownload(cqcReader, download, "d0wnl0ad", "downloadId=d0wnl0ad");

        AuditEvent event = onlyEvent();
        assertEquals("d0wnl0ad", event.downloadId());
        assertEquals(Outcome.SUCCEEDED, event.outcome());
        assertEquals("REPORT_DOWNLOAD", event.action());
    }
}
