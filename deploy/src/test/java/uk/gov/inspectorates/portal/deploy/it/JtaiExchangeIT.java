package uk.gov.inspectorates.portal.deploy.it;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.LocalDate;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import uk.gov.inspectorates.portal.core.calendar.WorkingDayCalendar;
import uk.gov.inspectorates.portal.deploy.EmbeddedClamd;
import uk.gov.inspectorates.portal.deploy.ProtectedOfficeDocuments;
import uk.gov.inspectorates.portal.storage.calendar.GovUkBankHolidays;

/**
 * The JTAI exchange over the real API (issue 16): an Ofsted lead inspector opens an inspection with its working-day
 * timeline; each inspectorate asks the agencies it inspects; agencies upload on day 2 and see only their own; the
 * other participating inspectorates review and download everything, byte for byte; nobody else opens a document.
 * Every test opens an inspection of its own.
 */
class JtaiExchangeIT extends PortalDeployment {

    private static final String AREA = "northdale";
    private static final WorkingDayCalendar CALENDAR = new WorkingDayCalendar(GovUkBankHolidays.shipped());

    private URI portal;

    @BeforeEach
    void portal() {
        portal = URI.create(base.toString());
    }

    private PortalApi as(String username) throws Exception {
        return PortalApi.signedIn(portal, username);
    }

    /** Notified {@code daysAgo} working days before today (UK), so that today is that working day of it. */
    private static String notifiedWorkingDaysAgo(int daysAgo) {
        return CALENDAR.plusWorkingDays(LocalDate.now(WorkingDayCalendar.UK), -daysAgo).toString();
    }

    private String open(String notifiedOn, String inspectorates) throws Exception {
        HttpResponse<String> opened = as("ofsted.lead").postJson("/api/v1/inspections", "{\"localAuthorityArea\":\""
                + AREA + "\",\"theme\":\"Children missing from home, care or education\",\"notifiedOn\":\""
                + notifiedOn + "\",\"inspectorates\":[" + inspectorates + "],\"leadInspectorate\":\"OFSTED\"}");
        assertEquals(201, opened.statusCode(), opened.body());
        return PortalApi.idOf(opened.body());
    }

    private String request(String inspector, String inspection, String agency, String items) throws Exception {
        HttpResponse<String> made = as(inspector).postJson("/api/v1/inspections/" + inspection + "/requests",
                "{\"agency\":\"" + agency + "\",\"title\":\"Case records\",\"description\":\"By identifier only\","
                        + "\"items\":[" + items + "]}");
        assertEquals(201, made.statusCode(), made.body());
        return PortalApi.idOf(made.body());
    }

    private static HttpResponse<String> upload(PortalApi uploader, String inspection, String request,
                                               String classification, String fileName, byte[] file)
            throws Exception {
        return uploader.postMultipart("/api/v1/inspections/" + inspection + "/requests/" + request + "/documents",
                List.<String[]>of(new String[] {"metadata", "{\"classification\":" + classification + "}"}),
                fileName, file, true);
    }

    @Test
    void anOfstedLeadInspectorOpensAnInspectionWithItsWorkingDayTimeline() throws Exception {
        HttpResponse<String> opened = as("ofsted.lead").postJson("/api/v1/inspections", "{\"localAuthorityArea\":\""
                + AREA + "\",\"theme\":\"Domestic abuse\",\"notifiedOn\":\"2027-12-21\","
                + "\"inspectorates\":[\"OFSTED\",\"CQC\",\"HMIC\",\"HMI_PROBATION\"],\"leadInspectorate\":\"OFSTED\"}");
        assertEquals(201, opened.statusCode(), opened.body());
        String id = PortalApi.idOf(opened.body());
        String body = opened.body();
        // day 0 Tuesday 21 December 2027; Christmas (27, 28 Dec substitute days) and New Year (3 Jan) are not working
        // days: day 2 is Thursday 23 December, day 3 Friday 24 December, day 4 Wednesday 29 December
        assertTrue(body.contains("{\"date\":\"2027-12-21\",\"deadline\":\"2027-12-21T23:59:59Z\",\"dueAt\":"
                + "\"2027-12-21T23:59:59Z\",\"key\":\"children-list\""), body);
        assertTrue(body.contains("{\"date\":\"2027-12-23\",\"deadline\":\"2027-12-23T15:00:00Z\",\"dueAt\":"
                + "\"2027-12-23T15:00:00Z\",\"key\":\"twenty-details\""), body);
        assertTrue(body.contains("{\"date\":\"2027-12-30\",\"deadline\":\"2027-12-30T23:59:59Z\",\"key\":"
                + "\"key-documents\""), body);
        assertTrue(body.contains("{\"date\":\"2028-01-04\",\"deadline\":\"2028-01-04T23:59:59Z\",\"dueAt\":"
                + "\"2028-01-04T23:59:59Z\",\"key\":\"joint-evaluations\""), "day 7, past New Year: " + body);
        // past the change to British Summer Time the end of a UK day is 22:59:59Z
        assertTrue(body.contains("\"deadline\":\"2028-06-02T22:59:59Z\",\"dueAt\":\"2028-06-02T22:59:59Z\","
                + "\"key\":\"statement-of-proposed-action\""), body);
        assertTrue(body.contains("\"key\":\"challenges-close\""), body);
        assertTrue(body.contains("\"inspectorates\":[\"CQC\",\"HMIC\",\"HMI_PROBATION\",\"OFSTED\"]"), body);
        assertTrue(opened.headers().firstValue("Location").orElse("").endsWith("/api/v1/inspections/" + id));

        HttpResponse<String> listed = as("cqc.inspector").get("/api/v1/inspections");
        assertEquals(200, listed.statusCode(), listed.body());
        assertTrue(listed.body().contains(id), listed.body());
        HttpResponse<String> viewed = as("ofsted.admin").get("/api/v1/inspections/" + id);
        assertEquals(200, viewed.statusCode(), "an administrator sees that an inspection exists: " + viewed.body());
        assertFalse(as("hmiprisons.reader").get("/api/v1/inspections").body().contains(id));
        assertEquals(404, as("hmiprisons.reader").get("/api/v1/inspections/" + id).statusCode());
        assertEquals(1, auditEvents("INSPECTION_OPEN", id, "SUCCEEDED", "ofsted.lead"));
    }

    @Test
    void openingIsRefusedToOthersAndForInspectoratesOutsideAJtaiOrDatesPastTheCalendar() throws Exception {
        long before = TestEnvironment.count("select count(*) from inspection");
        HttpResponse<String> prisons = as("ofsted.lead").postJson("/api/v1/inspections", "{\"localAuthorityArea\":\""
                + AREA + "\",\"theme\":\"t\",\"notifiedOn\":\"2027-03-09\",\"inspectorates\":[\"OFSTED\","
                + "\"HMI_PRISONS\",\"HMCPSI\"]}");
        assertEquals(422, prisons.statusCode(), prisons.body());
        assertTrue(prisons.body().contains("HM Inspectorate of Prisons does not take part in joint targeted area"
                + " inspections"), prisons.body());
        assertTrue(prisons.body().contains("HM Crown Prosecution Service Inspectorate does not take part"),
                prisons.body());

        HttpResponse<String> beyond = as("ofsted.lead").postJson("/api/v1/inspections", "{\"localAuthorityArea\":\""
                + AREA + "\",\"theme\":\"t\",\"notifiedOn\":\"2031-01-07\",\"inspectorates\":[\"OFSTED\"]}");
        assertEquals(422, beyond.statusCode(), beyond.body());
        assertTrue(beyond.body().contains("\"field\":\"notifiedOn\""), beyond.body());

        HttpResponse<String> weekend = as("ofsted.lead").postJson("/api/v1/inspections", "{\"localAuthorityArea\":\""
                + AREA + "\",\"theme\":\"t\",\"notifiedOn\":\"2027-03-06\",\"inspectorates\":[\"OFSTED\"]}");
        assertEquals(422, weekend.statusCode(), weekend.body());

        HttpResponse<String> byCqc = as("cqc.inspector").postJson("/api/v1/inspections", "{\"localAuthorityArea\":\""
                + AREA + "\",\"theme\":\"t\",\"notifiedOn\":\"2027-03-09\",\"inspectorates\":[\"OFSTED\"]}");
        assertEquals(403, byCqc.statusCode(), byCqc.body());
        assertTrue(byCqc.body().contains("inspection.open.ofsted-lead-inspector-only"), byCqc.body());
        assertEquals(before, TestEnvironment.count("select count(*) from inspection"), "nothing stored");
        assertEquals(1, auditEvents("INSPECTION_OPEN", null, "DENIED", "cqc.inspector"));
    }

    @Test
    void agenciesUploadOnDayTwoSeeOnlyTheirOwnAndEveryParticipantReviewsEverything() throws Exception {
        String inspection = open(notifiedWorkingDaysAgo(2), "\"OFSTED\",\"CQC\",\"HMIC\",\"HMI_PROBATION\"");
        String toChildrens = request("ofsted.lead", inspection, "northdale-childrens-services",
                "\"LIST_OF_CHILDREN\"");
        String toHealth = request("cqc.inspector", inspection, "northdale-icb", "\"KEY_CASE_FILE_DOCUMENTS\"");
        String toPolice = request("hmic.inspector", inspection, "northdale-police", "\"KEY_CASE_FILE_DOCUMENTS\"");
        String toYos = request("hmiprobation.inspector", inspection, "northdale-yos", "\"JOINT_EVALUATIONS\"");

        // a request to an agency the inspectorate does not inspect names the rule and keeps nothing
        long requests = TestEnvironment.count("select count(*) from information_request where inspection_id = ?",
                inspection);
        HttpResponse<String> cqcToPolice = as("cqc.inspector").postJson("/api/v1/inspections/" + inspection
                + "/requests", "{\"agency\":\"northdale-police\",\"title\":\"x\",\"items\":[\"JOINT_EVALUATIONS\"]}");
        assertEquals(403, cqcToPolice.statusCode(), cqcToPolice.body());
        assertTrue(cqcToPolice.body().contains("inspection.request.inspected-agencies-only"), cqcToPolice.body());
        assertEquals(requests, TestEnvironment.count("select count(*) from information_request where inspection_id = ?",
                inspection));
        assertEquals(1, auditEvents("INFORMATION_REQUEST", inspection, "DENIED", "cqc.inspector"));

        // day 2: the police and health upload against their own requests
        byte[] policePdf = TestPdf.withText("Police case record 4471");
        HttpResponse<String> policeUpload = upload(as("police.uploader"), inspection, toPolice,
                "{\"tier\":\"OFFICIAL-SENSITIVE\",\"descriptor\":\"PERSONAL\"}", "police-records.pdf", policePdf);
        assertEquals(201, policeUpload.statusCode(), policeUpload.body());
        String policeDocument = PortalApi.idOf(policeUpload.body());
        assertTrue(policeUpload.body().contains("\"sha256\":\"" + sha256(policePdf) + "\""), policeUpload.body());
        assertTrue(policeUpload.body().contains("\"marking\":\"OFFICIAL-SENSITIVE PERSONAL\""), policeUpload.body());
        byte[] healthNotes = "Child 20931: health visitor contacts, 2026\n".getBytes(StandardCharsets.UTF_8);
        HttpResponse<String> healthUpload = upload(as("health.uploader"), inspection, toHealth,
                "{\"tier\":\"OFFICIAL\"}", "health-contacts.txt", healthNotes);
        assertEquals(201, healthUpload.statusCode(), healthUpload.body());
        String healthDocument = PortalApi.idOf(healthUpload.body());

        // children's services answer the list-of-children request: a list naming a child is refused with the row
        PortalApi childrens = as("agency.uploader");
        HttpResponse<String> named = upload(childrens, inspection, toChildrens, "{\"tier\":\"OFFICIAL-SENSITIVE\"}",
                "children.csv", "Child ID,Full name,Plan\nC-1001,Ann Example,CP\n".getBytes(StandardCharsets.UTF_8));
        assertEquals(422, named.statusCode(), named.body());
        assertTrue(named.body().contains("Row 1"), named.body());
        HttpResponse<String> listed = upload(childrens, inspection, toChildrens, "{\"tier\":\"OFFICIAL-SENSITIVE\"}",
                "children.csv", "Child ID,Plan\nC-1001,CP\nC-1002,CIN\n".getBytes(StandardCharsets.UTF_8));
        assertEquals(201, listed.statusCode(), listed.body());

        // the police see their own request and document, and nothing of health's: not even that they exist
        PortalApi police = as("police.uploader");
        String policeList = police.get("/api/v1/inspections/" + inspection + "/documents").body();
        assertTrue(policeList.contains(policeDocument) && !policeList.contains(healthDocument), policeList);
        String policeView = police.get("/api/v1/inspections/" + inspection).body();
        assertTrue(policeView.contains(toPolice), policeView);
        for (String other : List.of(toHealth, toChildrens, toYos)) {
            assertFalse(policeView.contains(other), policeView);
        }
        assertEquals(404, police.get("/api/v1/documents/" + healthDocument).statusCode());
        assertEquals(404, police.getBytes("/api/v1/documents/" + healthDocument + "/content").statusCode());
        assertEquals(404, police.get("/api/v1/inspections/" + inspection + "/requests/" + toHealth).statusCode());
        HttpResponse<String> intoHealth = upload(police, inspection, toHealth, "{\"tier\":\"OFFICIAL\"}", "x.pdf",
                policePdf);
        assertEquals(404, intoHealth.statusCode(), intoHealth.body());
        assertEquals(1, auditEvents("EVIDENCE_DOWNLOAD", healthDocument, "DENIED", "police.uploader"));

        // an inspector of another participating inspectorate lists and downloads everything, byte for byte
        PortalApi cqc = as("cqc.inspector");
        String all = cqc.get("/api/v1/inspections/" + inspection + "/documents").body();
        assertTrue(all.contains(policeDocument) && all.contains(healthDocument), all);
        HttpResponse<byte[]> download = cqc.getBytes("/api/v1/documents/" + policeDocument + "/content");
        assertEquals(200, download.statusCode());
        assertArrayEquals(policePdf, download.body(), "the original bytes, not a stamped copy");
        assertTrue(download.headers().firstValue("Content-Disposition").orElse("")
                .contains("filename=\"police-records.pdf\""), download.headers().toString());
        assertArrayEquals(healthNotes, as("ofsted.analyst").getBytes("/api/v1/documents/" + healthDocument
                + "/content").body());
        assertEquals(1, auditEvents("EVIDENCE_DOWNLOAD", policeDocument, "SUCCEEDED", "cqc.inspector"));

        // a HEAD neither reads the document nor records a download nobody received
        HttpResponse<String> head = cqc.head("/api/v1/documents/" + policeDocument + "/content");
        assertEquals(405, head.statusCode());
        assertEquals("GET", head.headers().firstValue("Allow").orElse(""));
        assertEquals(1, auditEvents("EVIDENCE_DOWNLOAD", policeDocument, "SUCCEEDED", "cqc.inspector"),
                "a HEAD records no download");

        // nobody else opens a document: HMI Prisons, an Ofsted SIRO, an administrator
        for (String outsider : List.of("hmiprisons.reader", "ofsted.siro", "ofsted.admin", "agency.admin")) {
            HttpResponse<byte[]> refused = as(outsider).getBytes("/api/v1/documents/" + policeDocument + "/content");
            assertEquals(404, refused.statusCode(), outsider);
            assertEquals(1, auditEvents("EVIDENCE_DOWNLOAD", policeDocument, "DENIED", outsider), outsider);
        }

        // what is due: the police see their request; the health request is answered, so CQC has nothing overdue
        String due = police.get("/api/v1/me/due").body();
        assertTrue(due.contains(toPolice) && !due.contains(toHealth), due);
        assertTrue(due.contains("\"documents\":1"), due);
    }

    @Test
    void uploadsAreRefusedToOthersAndOutsideTheClassificationsThePortalHolds() throws Exception {
        String inspection = open(notifiedWorkingDaysAgo(1), "\"OFSTED\",\"HMIC\"");
        String toPolice = request("hmic.inspector", inspection, "northdale-police", "\"KEY_CASE_FILE_DOCUMENTS\"");
        long documents = TestEnvironment.count("select count(*) from evidence_document");
        byte[] pdf = TestPdf.withText("Police record");

        HttpResponse<String> secret = upload(as("police.uploader"), inspection, toPolice, "{\"tier\":\"SECRET\"}",
                "record.pdf", pdf);
        assertEquals(422, secret.statusCode(), secret.body());
        assertTrue(secret.body().contains("classification.tier"), secret.body());
        HttpResponse<String> byInspector = upload(as("hmic.inspector"), inspection, toPolice,
                "{\"tier\":\"OFFICIAL\"}", "record.pdf", pdf);
        assertEquals(403, byInspector.statusCode(), byInspector.body());
        assertTrue(byInspector.body().contains("inspection.document.upload.own-agency-uploader-or-chief-officer-only"),
                byInspector.body());
        HttpResponse<String> exe = upload(as("police.uploader"), inspection, toPolice, "{\"tier\":\"OFFICIAL\"}",
                "record.exe", "MZ\u0090\u0000 not a document".getBytes(StandardCharsets.ISO_8859_1));
        assertTrue(exe.statusCode() == 415 || exe.statusCode() == 422, exe.statusCode() + " " + exe.body());
        assertEquals(documents, TestEnvironment.count("select count(*) from evidence_document"), "nothing kept");

        // HMI Probation does not take part: it may not ask; beyond Annex A needs a justification
        HttpResponse<String> probation = as("hmiprobation.inspector").postJson("/api/v1/inspections/" + inspection
                + "/requests", "{\"agency\":\"northdale-yos\",\"title\":\"x\",\"items\":[\"JOINT_EVALUATIONS\"]}");
        assertEquals(404, probation.statusCode(), "a non-participant may not know of it: " + probation.body());
        HttpResponse<String> unjustified = as("hmic.inspector").postJson("/api/v1/inspections/" + inspection
                + "/requests", "{\"agency\":\"northdale-police\",\"title\":\"x\",\"beyondAnnexA\":\"All custody"
                + " records since 2019\"}");
        assertEquals(422, unjustified.statusCode(), unjustified.body());
        assertTrue(unjustified.body().contains("\"field\":\"justification\""), unjustified.body());
        HttpResponse<String> justified = as("hmic.inspector").postJson("/api/v1/inspections/" + inspection
                + "/requests", "{\"agency\":\"northdale-police\",\"title\":\"x\",\"beyondAnnexA\":\"Custody records"
                + " of child 20931\",\"justification\":\"Needed to understand the child's experience; not in Annex A\"}");
        assertEquals(201, justified.statusCode(), justified.body());
    }

    /**
     * Office containers are the evidence path's new attack surface (issue 16): a macro, a password, a zip bomb, an XML
     * bomb and malware inside a part are each refused through the real API, with a 4xx that says why and nothing
     * kept; the same document without them is kept and served byte for byte.
     */
    @Test
    void hostileOfficeDocumentsAreRefusedOnTheEvidencePathAndNothingIsKept() throws Exception {
        String inspection = open(notifiedWorkingDaysAgo(1), "\"OFSTED\",\"HMIC\"");
        String toPolice = request("hmic.inspector", inspection, "northdale-police", "\"KEY_CASE_FILE_DOCUMENTS\"");
        long documents = TestEnvironment.count("select count(*) from evidence_document");
        byte[] docx = ProtectedOfficeDocuments.docx("Police record, case 20931");
        Map<String, byte[]> hostile = new LinkedHashMap<>();
        hostile.put("macro.docx", rezip(docx, "word/vbaProject.bin",
                "Attribute VB_Name = \"ThisDocument\"".getBytes(StandardCharsets.US_ASCII), 0));
        hostile.put("password.docx", ProtectedOfficeDocuments.passwordProtected(docx, "not-shared"));
        hostile.put("zip-bomb.docx", rezip(docx, "word/media/image1.bin", null, 300L * 1024 * 1024));
        hostile.put("xml-bomb.docx", rezip(docx, "customXml/item1.xml", ("<?xml version=\"1.0\"?><!DOCTYPE lol ["
                + "<!ENTITY lol \"lol\"><!ENTITY lol2 \"&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;\">]>"
                + "<lolz>&lol2;</lolz>").getBytes(StandardCharsets.US_ASCII), 0));
        hostile.put("infected.docx", rezip(docx, "word/embeddings/note.txt",
                EmbeddedClamd.EICAR.getBytes(StandardCharsets.US_ASCII), 0));

        for (Map.Entry<String, byte[]> file : hostile.entrySet()) {
            HttpResponse<String> refused = upload(as("police.uploader"), inspection, toPolice,
                    "{\"tier\":\"OFFICIAL\"}", file.getKey(), file.getValue());
            assertTrue(refused.statusCode() >= 400 && refused.statusCode() < 500 && refused.statusCode() != 404,
                    file.getKey() + ": " + refused.statusCode() + " " + refused.body());
            assertTrue(refused.body().contains("application/problem+json") || refused.body().contains("\"title\""),
                    file.getKey() + ": a problem that says why: " + refused.body());
            if (file.getKey().startsWith("password")) {
                assertTrue(refused.body().toLowerCase(java.util.Locale.ROOT).contains("password"), refused.body());
            }
            assertEquals(documents, TestEnvironment.count("select count(*) from evidence_document"),
                    file.getKey() + ": nothing kept");
        }

        HttpResponse<String> kept = upload(as("police.uploader"), inspection, toPolice, "{\"tier\":\"OFFICIAL\"}",
                "record.docx", docx);
        assertEquals(201, kept.statusCode(), kept.body());
        HttpResponse<byte[]> served = as("hmic.inspector").getBytes("/api/v1/documents/" + PortalApi.idOf(kept.body())
                + "/content");
        assertEquals(200, served.statusCode());
        assertArrayEquals(docx, served.body());
    }

    /**
     * The package with one more part: the given bytes, or (when null) that many zero bytes deflated as they are
     * written, so that a bomb never sits whole in the test's memory.
     */
    private static byte[] rezip(byte[] ooxml, String part, byte[] content, long zeros) throws Exception {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        try (java.util.zip.ZipInputStream in = new java.util.zip.ZipInputStream(new java.io.ByteArrayInputStream(ooxml));
             java.util.zip.ZipOutputStream zip = new java.util.zip.ZipOutputStream(out)) {
            for (java.util.zip.ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
                zip.putNextEntry(new java.util.zip.ZipEntry(entry.getName()));
                in.transferTo(zip);
                zip.closeEntry();
            }
            zip.putNextEntry(new java.util.zip.ZipEntry(part));
            if (content != null) {
                zip.write(content);
            } else {
                byte[] chunk = new byte[1 << 20];
                for (long written = 0; written < zeros; written += chunk.length) {
                    zip.write(chunk);
                }
            }
            zip.closeEntry();
        }
        return out.toByteArray();
    }

    private static String sha256(byte[] bytes) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    }

    private static long auditEvents(String action, String resourceId, String outcome, String username)
            throws Exception {
        return TestEnvironment.count("select count(*) from audit_event e join user_account u on u.id = e.actor_id "
                + "where e.action = ? and e.resource_id is not distinct from ? and e.outcome = ? and u.username = ?",
                action, resourceId, outcome, username);
    }
}
