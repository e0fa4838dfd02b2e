package uk.gov.inspectorates.portal.core.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import uk.gov.inspectorates.portal.core.audit.AuditEvent.Outcome;
import uk.gov.inspectorates.portal.core.testdata.RecordingAuditTrail;

/** What the trail adds to every event (origin, report/inspection and owners) and the one event per page. */
class EnrichedAuditTrailTest {

    private static final Instant NOW = Instant.parse("2030-01-10T10:00:00Z");

    private final RecordingAuditTrail written = new RecordingAuditTrail();
    private final List<String> lookedUp = new ArrayList<>();
    private final AuditSubjects subjects = (type, id) -> {
        lookedUp.add(type + ":" + id);
        return "EVIDENCE_DOCUMENT".equals(type)
                ? new AuditSubjects.Belonging(null, "inspection-1", Set.of("ofsted", "cqc"))
                : AuditSubjects.Belonging.NOTHING;
    };
    private final EnrichedAuditTrail trail = new EnrichedAuditTrail(written,
            () -> new AuditOrigin.Origin("203.0.113.7", "Firefox"), subjects,
            userId -> "user-2".equals(userId) ? Optional.of(new AuditActors.Actor("cqc", "READER,SIRO"))
                    : Optional.empty());

    private static AuditEvent event(String action, String type, String id, Outcome outcome) {
        return new AuditEvent(NOW, "user-1", "ofsted", action, type, id, outcome, null);
    }

    private AuditEvent onlyWritten() {
        assertEquals(1, written.events().size(), () -> "written: " + written.events());
        return written.events().get(0);
    }

    @Test
    void anEventGetsTheRequestsOriginUnlessItCarriesOne() {
        trail.record(event("REPORT_VIEW", "REPORT", "r1", Outcome.SUCCEEDED));
        trail.record(event("REPORT_VIEW", "REPORT", "r1", Outcome.SUCCEEDED).withOrigin("198.51.100.1", "curl"));

        assertEquals("203.0.113.7", written.events().get(0).clientAddress());
        assertEquals("Firefox", written.events().get(0).userAgent());
        assertEquals("198.51.100.1", written.events().get(1).clientAddress());
        assertEquals("curl", written.events().get(1).userAgent());
    }

    @Test
    void anEventAboutAnInspectionThingGetsTheInspectionAndItsParticipantsAsOwners() {
        trail.record(event("EVIDENCE_VIEW", "EVIDENCE_DOCUMENT", "doc-1", Outcome.SUCCEEDED));

        AuditEvent event = onlyWritten();
        assertEquals("inspection-1", event.inspectionId());
        assertNull(event.reportId());
        assertEquals(Set.of("ofsted", "cqc"), event.informationOwners());
    }

    @Test
    void whatTheRecorderSaidItBelongsToIsKeptAndNothingIsLookedUp() {
        trail.record(event("RETENTION_REMOVE", "EVIDENCE_DOCUMENT", "doc-1", Outcome.SUCCEEDED)
                .withScope(null, "inspection-gone", Set.of("hmic")));

        assertEquals("inspection-gone", onlyWritten().inspectionId());
        assertEquals(Set.of("hmic"), onlyWritten().informationOwners());
        assertTrue(lookedUp.isEmpty());
    }

    @Test
    void anEventWithoutAResourceIdIsNotLookedUp() {
        trail.record(event("REPORT_LIST", "REPORT", null, Outcome.SUCCEEDED));

        assertTrue(onlyWritten().informationOwners().isEmpty());
        assertTrue(lookedUp.isEmpty());
    }

    @Test
    void outsideAPageViewEveryEventIsWritten() {
        trail.record(event("REPORT_VIEW", "REPORT", "r1", Outcome.SUCCEEDED));
        trail.record(event("LETTER_LIST", "LETTER", null, Outcome.SUCCEEDED));

        assertEquals(2, written.events().size());
    }

    @Test
    void aPagesReadsAreFoldedIntoItsFirstEventAndNotLookedUp() {
        try (PageView view = PageView.open()) {
            trail.record(event("REPORT_VIEW", "REPORT", "r1", Outcome.SUCCEEDED));
            trail.record(event("WITHHOLD_REQUEST", "REPORT", "r1", Outcome.SUCCEEDED));
            trail.record(event("ONWARD_SHARING", "REPORT", "r1", Outcome.SUCCEEDED));
            trail.record(event("EVIDENCE_LIST", "EVIDENCE_DOCUMENT", "doc-1", Outcome.SUCCEEDED));
            assertEquals(3, view.folded());
            assertFalse(view.nothingRecorded());
        }

        assertEquals("REPORT_VIEW", onlyWritten().action());
        assertEquals(List.of("REPORT:r1"), lookedUp);
    }

    @Test
    void refusalsDownloadsAndSessionEventsAreNeverFolded() {
        try (PageView ignored = PageView.open()) {
            trail.record(event("REPORT_VIEW", "REPORT", "r1", Outcome.SUCCEEDED));
            trail.record(event("LETTER_LIST", "REPORT", "r1", Outcome.DENIED));
            trail.record(event("ONWARD_SHARING", "REPORT", "r1", Outcome.REFUSED));
            trail.record(event("REPORT_DOWNLOAD", "REPORT", "r1", Outcome.SUCCEEDED).withDownloadId("d1"));
            trail.record(event("LETTER_DOWNLOAD", "LETTER", "l1", Outcome.SUCCEEDED));
            trail.record(event("SESSION_END", "USER", "user-1", Outcome.SUCCEEDED));
            trail.record(event("INSPECTION_EXPORT", "INSPECTION", "i1", Outcome.SUCCEEDED));
            trail.record(event("AUDIT_EXPORT", "AUDIT_TRAIL", "ofsted", Outcome.SUCCEEDED));
            trail.record(event("INSPECTION_EXPORT_VIEW", "INSPECTION", "i1", Outcome.SUCCEEDED));
        }

        assertEquals(List.of("REPORT_VIEW", "LETTER_LIST", "ONWARD_SHARING", "REPORT_DOWNLOAD", "LETTER_DOWNLOAD",
                "SESSION_END", "INSPECTION_EXPORT", "AUDIT_EXPORT"),
                written.events().stream().map(AuditEvent::action).toList(), "a listing of exports is a read");
    }

    @Test
    void aPageThatRecordedNothingSaysSoAndSessionEventsDoNotCountAsItsView() {
        try (PageView view = PageView.open()) {
            trail.record(event("SESSION_END", "USER", "user-1", Outcome.SUCCEEDED));
            assertTrue(view.nothingRecorded());
            trail.record(event("ADMINISTRATION_VIEW", "PAGE", "/admin", Outcome.SUCCEEDED));
            trail.record(event("TEAM_CHANGE", "TEAM", null, Outcome.SUCCEEDED));
            assertFalse(view.nothingRecorded());
        }

        assertEquals(List.of("SESSION_END", "ADMINISTRATION_VIEW"),
                written.events().stream().map(AuditEvent::action).toList());
    }

    @Test
    void closingAPageViewEndsTheFolding() {
        try (PageView ignored = PageView.open()) {
            trail.record(event("REPORT_VIEW", "REPORT", "r1", Outcome.SUCCEEDED));
        }
        trail.record(event("REPORT_VIEW", "REPORT", "r1", Outcome.SUCCEEDED));

        assertEquals(2, written.events().size());
    }

    @Test
    void anEventRecordedWithoutTheActorsRolesOrOrganisationGetsThemFromTheDirectory() {
        trail.record(new AuditEvent(NOW, "user-2", null, "SESSION_END", "USER", "user-2", Outcome.SUCCEEDED, "idle"));
        trail.record(new AuditEvent(NOW, "user-2", "ofsted", "SIGN_IN", "USER", "user-2", Outcome.SUCCEEDED, null)
                .withActorRoles("INSPECTOR"));
        trail.record(new AuditEvent(NOW, "unknown", null, "SIGN_IN", "USER", null, Outcome.REFUSED, "wrong password"));

        assertEquals("cqc", written.events().get(0).actorOrganisationId());
        assertEquals("READER,SIRO", written.events().get(0).actorRoles());
        assertEquals("ofsted", written.events().get(1).actorOrganisationId(), "what the event says is kept");
        assertEquals("INSPECTOR", written.events().get(1).actorRoles());
        assertNull(written.events().get(2).actorRoles());
    }

    @Test
    void aDownloadIsWhatItsPageViewRecordedAndTheReadsAfterItFold() {
        try (PageView view = PageView.open()) {
            trail.record(event("REPORT_DOWNLOAD", "REPORT", "r1", Outcome.SUCCEEDED).withDownloadId("d1"));
            assertFalse(view.nothingRecorded(), "no page view of its own besides the download");
            trail.record(event("REPORT_VIEW", "REPORT", "r1", Outcome.SUCCEEDED));
        }

        assertEquals(List.of("REPORT_DOWNLOAD"), written.events().stream().map(AuditEvent::action).toList());
    }
}
