package uk.gov.inspectorates.portal.core.inspection;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static uk.gov.inspectorates.portal.core.testdata.SubjectBuilder.aSubject;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import uk.gov.inspectorates.portal.core.access.AccessPolicy;
import uk.gov.inspectorates.portal.core.access.InspectionRules;
import uk.gov.inspectorates.portal.core.access.PolicyGate;
import uk.gov.inspectorates.portal.core.access.Subject;
import uk.gov.inspectorates.portal.core.audit.AuditActions;
import uk.gov.inspectorates.portal.core.audit.AuditEvent;
import uk.gov.inspectorates.portal.core.audit.AuditHistory;
import uk.gov.inspectorates.portal.core.calendar.WorkingDayCalendar;
import uk.gov.inspectorates.portal.core.classification.Classification;
import uk.gov.inspectorates.portal.core.classification.Tier;
import uk.gov.inspectorates.portal.core.document.AcceptedDocument;
import uk.gov.inspectorates.portal.core.document.KeyScope;
import uk.gov.inspectorates.portal.core.document.StoredContent;
import uk.gov.inspectorates.portal.core.notification.Notice;
import uk.gov.inspectorates.portal.core.notification.NoticeKind;
import uk.gov.inspectorates.portal.core.organisation.DemoDirectory;
import uk.gov.inspectorates.portal.core.organisation.Inspectorate;
import uk.gov.inspectorates.portal.core.organisation.Role;
import uk.gov.inspectorates.portal.core.retention.DefaultRetentionPolicies;
import uk.gov.inspectorates.portal.core.shared.AccessDenied;
import uk.gov.inspectorates.portal.core.shared.Conflict;
import uk.gov.inspectorates.portal.core.shared.NotFound;
import uk.gov.inspectorates.portal.core.testdata.EnglandAndWalesBankHolidays;
import uk.gov.inspectorates.portal.core.testdata.FakeDocumentStore;
import uk.gov.inspectorates.portal.core.testdata.InMemoryDirectory;
import uk.gov.inspectorates.portal.core.testdata.InMemoryInspections;
import uk.gov.inspectorates.portal.core.testdata.MutableClock;
import uk.gov.inspectorates.portal.core.testdata.RecordingAuditTrail;

/**
 * Closing an inspection, exporting from it and the reminders, on in-memory ports with the real policy and gate: the
 * lead inspector waits for publication, an administrator does not; each inspectorate takes only its own requests'
 * documents, the same bytes every time, resumable; a complete export is recorded once per download.
 */
class InspectionEndServicesTest {

    private static final Instant NOW = Instant.parse("2027-06-14T10:00:00Z");

    private final MutableClock clock = new MutableClock(NOW);
    private final RecordingAuditTrail audit = new RecordingAuditTrail();
    private final PolicyGate gate = new PolicyGate(new AccessPolicy(), audit, clock);
    private final InMemoryInspections inspections = new InMemoryInspections();
    private final WorkingDayCalendar calendar = EnglandAndWalesBankHolidays.calendar();
    private final FakeDocumentStore store = new FakeDocumentStore();
    private final Map<String, Instant> published = new HashMap<>();
    private final InMemoryExportRecords records = new InMemoryExportRecords();
    private final Map<String, Long> crcs = new HashMap<>();
    private final ExportChecksums checksums = new ExportChecksums() {
        @Override
        public Long crc32Of(String key) {
            return crcs.get(key);
        }

        @Override
        public void remember(String key, long crc32) {
            crcs.putIfAbsent(key, crc32);
        }
    };
    private final AuditHistory history = (type, ids, until) -> audit.events().stream()
            .filter(e -> type.equals(e.resourceType()) && ids.contains(e.resourceId()) && e.at().isBefore(until))
            .toList();

    private final InMemoryDirectory directory = InMemoryDirectory.withDemoOrganisations();
    private final InspectionClosures closures = new InspectionClosures(inspections,
            id -> Optional.ofNullable(published.get(id)), new DefaultRetentionPolicies(), calendar, directory, gate);
    private final InspectionExports exports = new InspectionExports(inspections,
            new ExportContents(inspections.requests, inspections.documents, store, checksums, history), records,
            directory, gate);

    private final Subject ofstedLead = staff("ofsted-lead", Inspectorate.OFSTED, Role.LEAD_INSPECTOR);
    private final Subject ofstedAdmin = staff("ofsted-admin", Inspectorate.OFSTED, Role.ADMINISTRATOR);
    private final Subject hmicInspector = staff("hmic-inspector", Inspectorate.HMIC, Role.INSPECTOR);
    private final Subject cqcInspector = staff("cqc-inspector", Inspectorate.CQC, Role.INSPECTOR);
    private final Subject policeUploader = aSubject().withId("police-uploader")
            .ofAgency(DemoDirectory.POLICE_ID, uk.gov.inspectorates.portal.core.organisation.AgencyType.POLICE_FORCE,
                    DemoDirectory.LOCAL_AUTHORITY_AREA_ID).withRoles(Role.AGENCY_UPLOADER).build();

    private static Subject staff(String id, Inspectorate inspectorate, Role role) {
        return aSubject().withId(id).of(inspectorate).withRoles(role).build();
    }

    /** Who exported what, in memory, as V20 keeps it. */
    private static final class InMemoryExportRecords implements ExportRecords {
        final List<ExportRecord> added = new ArrayList<>();
        final Map<String, String> byIdentity = new HashMap<>();

        @Override
        public List<ExportRecord> ofInspection(String inspectionId) {
            return added.stream().filter(r -> r.inspectionId().equals(inspectionId)).toList();
        }

        @Override
        public void add(ExportRecord record, String identity) {
            added.add(record);
            byIdentity.putIfAbsent(identity, record.sha256());
        }

        @Override
        public Optional<String> sha256Of(String identity) {
            return Optional.ofNullable(byIdentity.get(identity));
        }
    }

    private Inspection inspection(String id) {
        Inspection inspection = new Inspection(id, DemoDirectory.LOCAL_AUTHORITY_AREA_ID, "Exploitation",
                LocalDate.of(2027, 3, 9), Inspectorate.OFSTED, Set.of(Inspectorate.OFSTED, Inspectorate.CQC,
                Inspectorate.HMIC), Map.of(Inspectorate.HMIC, "hmic-lead"), InspectionStatus.OPEN, "ofsted-lead",
                NOW.minus(Duration.ofDays(90)));
        inspections.add(inspection);
        return inspection;
    }

    private EvidenceDocument upload(Inspection inspection, Inspectorate by, String agency, String name, String text)
            throws Exception {
        String requestId = "r-" + by.name() + "-" + inspection.id();
        if (inspections.requests.find(inspection.id(), requestId).isEmpty()) {
            inspections.requests.add(new InformationRequest(requestId, inspection.id(), by, agency, "Case records",
                    "", Set.of(AnnexAItem.KEY_CASE_FILE_DOCUMENTS), null, null, NOW, "inspector", NOW));
        }
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        StoredContent stored = store.store(inspection.keyScope(), new ByteArrayInputStream(bytes));
        StoredContent content = new StoredContent(KeyScope.inspection(inspection.id()), stored.objectKey(),
                stored.dataKey(), bytes.length, bytes.length, HexFormat.of().formatHex(
                        java.security.MessageDigest.getInstance("SHA-256").digest(bytes)));
        EvidenceDocument document = new EvidenceDocument("d-" + name, inspection.id(), requestId, agency, by,
                Classification.of(Tier.OFFICIAL), "uploader", clock.instant(),
                new AcceptedDocument(name, "text/plain", content));
        inspections.documents.add(document);
        clock.advance(Duration.ofMinutes(1));
        return document;
    }

    private static byte[] whole(InspectionExports.Download download) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        download.write(out, 0, download.length());
        return out.toByteArray();
    }

    private void moveTo(String instant) {
        clock.advance(Duration.between(clock.instant(), Instant.parse(instant)));
    }

    // ---- closure

    @Test
    void theLeadInspectorClosesOnlyOnceTheFindingsLetterIsPublished() {
        inspection("i-1");
        Conflict early = assertThrows(Conflict.class, () -> closures.close(ofstedLead, "i-1"));
        assertTrue(early.getMessage().contains(InspectionRules.CLOSE_AFTER_PUBLICATION), early.getMessage());
        assertFalse(closures.mayClose(ofstedLead, inspections.find("i-1").orElseThrow()));
        published.put("i-1", NOW.plus(Duration.ofDays(1)));
        assertThrows(Conflict.class, () -> closures.close(ofstedLead, "i-1"), "scheduled is not published");
        assertTrue(inspections.closure("i-1").isEmpty());

        published.put("i-1", NOW.minus(Duration.ofDays(1)));
        InspectionClosures.End end = closures.close(ofstedLead, "i-1");
        assertEquals("ofsted-lead", end.closure().closedBy());
        assertEquals(InspectionStatus.CLOSED, inspections.find("i-1").orElseThrow().status());
        // 20 working days after Monday 14 June 2027: Monday 12 July, ending at UK midnight
        assertEquals(Instant.parse("2027-07-12T23:00:00Z"), end.exportWindowEndsAt());
        assertEquals(1, audit.events().stream().filter(e -> e.action().equals(AuditActions.INSPECTION_CLOSE)
                && e.outcome() == AuditEvent.Outcome.SUCCEEDED
                && e.detail().startsWith(InspectionRules.CLOSE_BY_LEAD_INSPECTOR)).count());
        assertEquals(2, audit.events().stream().filter(e -> e.action().equals(AuditActions.INSPECTION_CLOSE)
                && e.outcome() == AuditEvent.Outcome.REFUSED).count());
    }

    @Test
    void anAdministratorClosesAtAnyTimeOnceAndOthersAreRefused() {
        inspection("i-2");
        AccessDenied denied = assertThrows(AccessDenied.class, () -> closures.close(cqcInspector, "i-2"));
        assertTrue(denied.getMessage().contains(InspectionRules.CLOSE_LEAD_INSPECTOR_OR_ADMINISTRATOR_ONLY),
                denied.getMessage());
        assertThrows(NotFound.class, () -> closures.close(policeUploader, "i-2"));
        assertTrue(closures.mayClose(ofstedAdmin, inspections.find("i-2").orElseThrow()));
        closures.close(ofstedAdmin, "i-2");
        assertThrows(Conflict.class, () -> closures.close(ofstedAdmin, "i-2"), "closed once");
        assertFalse(closures.mayClose(ofstedAdmin, inspections.find("i-2").orElseThrow()));
    }

    // ---- export

    @Test
    void anInspectorateExportsOnlyItsOwnRequestsDocumentsOnceClosedTheSameBytesEveryTime() throws Exception {
        Inspection inspection = inspection("i-3");
        EvidenceDocument police = upload(inspection, Inspectorate.HMIC, DemoDirectory.POLICE_ID, "police.txt",
                "police record 1");
        upload(inspection, Inspectorate.CQC, DemoDirectory.HEALTH_ID, "health.txt", "health record");
        Conflict early = assertThrows(Conflict.class, () -> exports.export(hmicInspector, "i-3", "HMIC"));
        assertTrue(early.getMessage().contains(InspectionRules.EXPORT_AFTER_CLOSURE));
        closures.close(ofstedAdmin, "i-3");
        clock.advance(Duration.ofHours(1));

        byte[] first = whole(exports.export(hmicInspector, "i-3", "hmic"));
        clock.advance(Duration.ofHours(1));
        exports.overview(hmicInspector, "i-3");
        InspectionExports.Download again = exports.export(hmicInspector, "i-3", "HMIC");
        byte[] second = whole(again);
        assertArrayEquals(first, second, "byte-identical, although the audit trail grew in between");
        String sha256 = HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(first));
        assertEquals(sha256, exports.export(hmicInspector, "i-3", "HMIC").entityTag(), "the ETag, once recorded");

        String text = new String(first, StandardCharsets.ISO_8859_1);
        assertTrue(text.contains("documents/0001-police.txt") && text.contains("police record 1"));
        assertTrue(text.contains(police.sha256()), "the manifest names the upload's SHA-256");
        assertFalse(text.contains("health record") || text.contains("health.txt"), "nothing CQC requested");

        assertEquals(2, records.added.size());
        ExportRecord record = records.added.get(0);
        assertEquals(List.of(Inspectorate.HMIC, 1, (long) first.length, sha256, "hmic-inspector"), List.of(
                record.inspectorate(), record.documents(), record.bytes(), record.sha256(), record.exportedBy()));

        InspectionExports.Overview overview = exports.overview(cqcInspector, "i-3");
        InspectionExports.Share hmic = overview.shares().stream()
                .filter(s -> s.inspectorate() == Inspectorate.HMIC).findFirst().orElseThrow();
        assertEquals(List.of(1, (long) first.length, false, 2), List.of(hmic.documents(), hmic.archiveBytes(),
                hmic.mayExport(), hmic.exports().size()));
    }

    @Test
    void aRangeThatReachesTheEndCompletesAndRecordsTheExportAndJoinsToTheWhole() throws Exception {
        Inspection inspection = inspection("i-4");
        upload(inspection, Inspectorate.HMIC, DemoDirectory.POLICE_ID, "a.txt", "a".repeat(5000));
        upload(inspection, Inspectorate.HMIC, DemoDirectory.POLICE_ID, "b.txt", "b".repeat(7000));
        closures.close(ofstedAdmin, "i-4");

        InspectionExports.Download head = exports.export(hmicInspector, "i-4", "HMIC");
        long cut = head.length() / 2;
        ByteArrayOutputStream joined = new ByteArrayOutputStream();
        head.write(joined, 0, cut);
        assertTrue(records.added.isEmpty(), "a dropped download is not an export");
        InspectionExports.Download tail = exports.export(hmicInspector, "i-4", "HMIC");
        assertTrue(tail.sameBytesAs(head.entityTag()));
        tail.write(joined, cut, tail.length());
        byte[] whole = whole(exports.export(hmicInspector, "i-4", "HMIC"));
        assertArrayEquals(whole, joined.toByteArray());
        String sha256 = HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(whole));
        assertEquals(List.of(sha256, sha256), records.added.stream().map(ExportRecord::sha256).toList(),
                "the resumed export is recorded with the archive's SHA-256, computed since none was known");
    }

    @Test
    void onlyThatInspectoratesInspectionStaffExportIt() {
        inspection("i-5");
        closures.close(ofstedAdmin, "i-5");
        AccessDenied other = assertThrows(AccessDenied.class, () -> exports.export(cqcInspector, "i-5", "HMIC"));
        assertTrue(other.getMessage().contains(InspectionRules.EXPORT_OWN_INSPECTION_STAFF_ONLY), other.getMessage());
        assertThrows(NotFound.class, () -> exports.export(policeUploader, "i-5", "HMIC"));
        assertThrows(NotFound.class, () -> exports.overview(policeUploader, "i-5"));
        assertThrows(NotFound.class, () -> exports.export(hmicInspector, "i-5", "HMI_PROBATION"),
                "no export of an inspectorate that takes no part");
        assertThrows(NotFound.class, () -> exports.export(hmicInspector, "i-5", "../HMIC"));
        assertTrue(exports.exportsSeenBy(policeUploader, inspections.find("i-5").orElseThrow()).isEmpty());
    }

    // ---- reminders

    @Test
    void inspectoratesThatHaveNotExportedAreRemindedFiveAndOneWorkingDaysBeforeTheWindowEndsEachOnce()
            throws Exception {
        Inspection inspection = inspection("i-6");
        upload(inspection, Inspectorate.HMIC, DemoDirectory.POLICE_ID, "a.txt", "a");
        closures.close(ofstedAdmin, "i-6");
        whole(exports.export(hmicInspector, "i-6", "HMIC"));
        Map<String, Notice> queued = new HashMap<>();
        ExportReminders reminders = new ExportReminders(inspections, records, new DefaultRetentionPolicies(),
                calendar, (key, notice) -> queued.putIfAbsent(key, notice) == null, clock);

        // the window's last working day is Monday 12 July 2027: five working days are left from Tuesday 6 July
        moveTo("2027-07-05T22:00:00Z");
        assertEquals(0, reminders.queueDue());
        moveTo("2027-07-05T23:00:00Z");
        assertEquals(2, reminders.queueDue(), "Ofsted and CQC, not HMIC which exported");
        assertEquals(0, reminders.queueDue(), "once");
        moveTo("2027-07-09T09:00:00Z");
        assertEquals(0, reminders.queueDue(), "once, however often it runs");
        assertEquals(Set.of("EXPORT_WINDOW_ENDING:i-6:OFSTED:5", "EXPORT_WINDOW_ENDING:i-6:CQC:5"), queued.keySet());
        Notice notice = queued.get("EXPORT_WINDOW_ENDING:i-6:CQC:5");
        assertEquals(NoticeKind.EXPORT_WINDOW_ENDING, notice.kind());
        assertEquals("/inspections/i-6/exports", notice.link());
        moveTo("2027-07-12T09:00:00Z");
        assertEquals(2, reminders.queueDue(), "on the last working day");
        moveTo("2027-07-12T23:00:00Z");
        assertEquals(0, reminders.queueDue(), "the window has ended: removal, not reminders");
    }
}
