package uk.gov.inspectorates.portal.deploy.it;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.LocalDate;
import java.util.Collections;
import java.util.HexFormat;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import uk.gov.inspectorates.portal.core.calendar.WorkingDayCalendar;
import uk.gov.inspectorates.portal.storage.calendar.GovUkBankHolidays;

/**
 * The end of an inspection over the real portal (issue 17): the lead inspector may not close it before the findings
 * letter is published, an administrator may; then nothing more is uploaded, and HMIC exports exactly what it requested
 * as a ZIP whose manifest matches the uploads, the same bytes every time, resumable with Range; nobody else takes it;
 * the inspection's page and the export page show the closure and the export.
 */
class JtaiExportIT extends PortalDeployment {

    private static final String AREA = "northdale";
    private static final WorkingDayCalendar CALENDAR = new WorkingDayCalendar(GovUkBankHolidays.shipped());

    @TempDir
    Path folder;

    private PortalApi as(String username) throws Exception {
        return PortalApi.signedIn(URI.create(base.toString()), username);
    }

    private String open() throws Exception {
        String notifiedOn = CALENDAR.plusWorkingDays(LocalDate.now(WorkingDayCalendar.UK), -2).toString();
        HttpResponse<String> opened = as("ofsted.lead").postJson("/api/v1/inspections", "{\"localAuthorityArea\":\""
                + AREA + "\",\"theme\":\"Exploitation\",\"notifiedOn\":\"" + notifiedOn + "\",\"inspectorates\":"
                + "[\"OFSTED\",\"CQC\",\"HMIC\"],\"leadInspectorate\":\"OFSTED\"}");
        assertEquals(201, opened.statusCode(), opened.body());
        return PortalApi.idOf(opened.body());
    }

    private String request(String inspector, String inspection, String agency) throws Exception {
        HttpResponse<String> made = as(inspector).postJson("/api/v1/inspections/" + inspection + "/requests",
                "{\"agency\":\"" + agency + "\",\"title\":\"Case records\",\"items\":[\"KEY_CASE_FILE_DOCUMENTS\"]}");
        assertEquals(201, made.statusCode(), made.body());
        return PortalApi.idOf(made.body());
    }

    private HttpResponse<String> upload(String uploader, String inspection, String request, String fileName,
                                        byte[] file) throws Exception {
        return as(uploader).postMultipart("/api/v1/inspections/" + inspection + "/requests/" + request
                        + "/documents", List.<String[]>of(new String[] {"metadata",
                        "{\"classification\":{\"tier\":\"OFFICIAL-SENSITIVE\",\"descriptor\":\"PERSONAL\"}}"}),
                fileName, file, true);
    }

    @Test
    void closedByAnAdministratorThenEachInspectorateExportsWhatItRequestedResumably() throws Exception {
        String inspection = open();
        String toPolice = request("hmic.inspector", inspection, "northdale-police");
        String toHealth = request("cqc.inspector", inspection, "northdale-icb");
        byte[] policePdf = TestPdf.withText("Police case record 5512");
        byte[] policeNotes = "Contacts 2026\n".repeat(50_000).getBytes(StandardCharsets.UTF_8);
        byte[] healthNotes = "Health visitor contacts\n".getBytes(StandardCharsets.UTF_8);
        HttpResponse<String> first = upload("police.uploader", inspection, toPolice, "..records 5512.pdf", policePdf);
        assertEquals(201, first.statusCode(), first.body());
        HttpResponse<String> second = upload("police.uploader", inspection, toPolice, "notes.txt", policeNotes);
        assertEquals(201, second.statusCode(), second.body());
        HttpResponse<String> health = upload("health.uploader", inspection, toHealth, "health.txt", healthNotes);
        assertEquals(201, health.statusCode(), health.body());
        String healthDocument = PortalApi.idOf(health.body());
        String exportPath = "/api/v1/inspections/" + inspection + "/exports/HMIC";

        // before closure: nothing to export
        HttpResponse<byte[]> early = as("hmic.inspector").getBytes(exportPath);
        assertEquals(409, early.statusCode());
        assertTrue(new String(early.body(), StandardCharsets.UTF_8).contains("inspection.export.closed-inspections-only"));

        // the lead inspector may not close before the findings letter is published; an administrator may
        HttpResponse<String> byLead = as("ofsted.lead").postJson("/api/v1/inspections/" + inspection + "/closure",
                "{}");
        assertEquals(409, byLead.statusCode(), byLead.body());
        assertTrue(byLead.body().contains("inspection.close.lead-inspector-after-findings-publication"), byLead.body());
        HttpResponse<String> byCqc = as("cqc.inspector").postJson("/api/v1/inspections/" + inspection + "/closure",
                "{}");
        assertEquals(403, byCqc.statusCode(), byCqc.body());
        assertTrue(byCqc.body().contains("inspection.close.lead-inspector-or-participant-administrator-only"),
                byCqc.body());
        assertEquals(404, as("police.uploader").postJson("/api/v1/inspections/" + inspection + "/closure", "{}")
                .statusCode(), "an agency does not learn of the closure act");
        HttpResponse<String> closed = as("ofsted.admin").postJson("/api/v1/inspections/" + inspection + "/closure",
                "{}");
        assertEquals(201, closed.statusCode(), closed.body());
        assertTrue(closed.body().contains("\"exportWindowEndsAt\""), closed.body());
        assertEquals(409, as("ofsted.admin").postJson("/api/v1/inspections/" + inspection + "/closure", "{}")
                .statusCode(), "closed once");
        assertEquals(1, TestEnvironment.count("select count(*) from audit_event where action = 'INSPECTION_CLOSE' "
                + "and resource_id = ? and outcome = 'SUCCEEDED'", inspection));

        // once closed, nothing more is requested or uploaded
        HttpResponse<String> late = upload("police.uploader", inspection, toPolice, "late.txt", healthNotes);
        assertEquals(409, late.statusCode(), late.body());
        HttpResponse<String> lateRequest = as("hmic.inspector").postJson("/api/v1/inspections/" + inspection
                + "/requests", "{\"agency\":\"northdale-police\",\"title\":\"More\",\"items\":[\"JOINT_EVALUATIONS\"]}");
        assertEquals(409, lateRequest.statusCode(), lateRequest.body());

        // HMIC exports: its own requests' documents only, with a manifest that matches the uploads
        PortalApi hmic = as("hmic.inspector");
        HttpResponse<byte[]> whole = hmic.getBytes(exportPath);
        assertEquals(200, whole.statusCode(), new String(whole.body(), StandardCharsets.UTF_8));
        assertEquals("bytes", whole.headers().firstValue("Accept-Ranges").orElse(""));
        assertEquals(Long.toString(whole.body().length), whole.headers().firstValue("Content-Length").orElse(""));
        Path zipFile = folder.resolve("hmic.zip");
        Files.write(zipFile, whole.body());
        try (ZipFile zip = new ZipFile(zipFile.toFile(), StandardCharsets.UTF_8)) {
            List<String> names = Collections.list(zip.entries()).stream().map(ZipEntry::getName).toList();
            assertEquals(List.of("manifest.csv", "manifest.json", "audit.csv", "documents/0001-_records 5512.pdf",
                    "documents/0002-notes.txt"), names);
            assertArrayEquals(policePdf, zip.getInputStream(zip.getEntry(names.get(3))).readAllBytes());
            assertArrayEquals(policeNotes, zip.getInputStream(zip.getEntry(names.get(4))).readAllBytes());
            String manifest = new String(zip.getInputStream(zip.getEntry("manifest.csv")).readAllBytes(),
                    StandardCharsets.UTF_8);
            assertTrue(manifest.contains(sha256(policePdf)) && manifest.contains(sha256(policeNotes)), manifest);
            assertTrue(manifest.contains("northdale-police") && manifest.contains(toPolice), manifest);
            assertTrue(manifest.contains("OFFICIAL-SENSITIVE PERSONAL"), manifest);
            assertFalse(manifest.contains(sha256(healthNotes)), "nothing CQC requested");
            String json = new String(zip.getInputStream(zip.getEntry("manifest.json")).readAllBytes(),
                    StandardCharsets.UTF_8);
            assertTrue(json.contains("\"sha256\": \"" + sha256(policeNotes) + "\""), json);
            String audit = new String(zip.getInputStream(zip.getEntry("audit.csv")).readAllBytes(),
                    StandardCharsets.UTF_8);
            assertTrue(audit.contains("EVIDENCE_UPLOAD") && audit.contains("INFORMATION_REQUEST"), audit);
            assertFalse(audit.contains(healthDocument) || audit.contains(toHealth), "not CQC's requests' events");
        }

        // the same bytes again; the ETag is now the export's SHA-256, recorded with the first complete export
        HttpResponse<byte[]> again = hmic.getBytes(exportPath);
        assertArrayEquals(whole.body(), again.body(), "byte-identical");
        String etag = again.headers().firstValue("ETag").orElseThrow();
        assertEquals("\"" + sha256(whole.body()) + "\"", etag);

        // a dropped download resumed with Range and If-Range equals the whole file
        int cut = whole.body().length / 2;
        HttpResponse<byte[]> head = hmic.getBytes(exportPath, "Range", "bytes=0-" + (cut - 1));
        assertEquals(206, head.statusCode());
        HttpResponse<byte[]> tail = hmic.getBytes(exportPath, "Range", "bytes=" + cut + "-", "If-Range", etag);
        assertEquals(206, tail.statusCode());
        assertEquals("bytes " + cut + "-" + (whole.body().length - 1) + "/" + whole.body().length,
                tail.headers().firstValue("Content-Range").orElse(""));
        byte[] joined = new byte[head.body().length + tail.body().length];
        System.arraycopy(head.body(), 0, joined, 0, head.body().length);
        System.arraycopy(tail.body(), 0, joined, head.body().length, tail.body().length);
        assertArrayEquals(whole.body(), joined);
        HttpResponse<byte[]> stale = hmic.getBytes(exportPath, "Range", "bytes=" + cut + "-", "If-Range",
                "\"not-these-bytes\"");
        assertEquals(200, stale.statusCode(), "another representation: the whole file");
        assertEquals(416, hmic.getBytes(exportPath, "Range", "bytes=" + whole.body().length + "-").statusCode());
        assertEquals(4, TestEnvironment.count("select count(*) from inspection_export where inspection_id = ? "
                + "and inspectorate = 'HMIC' and sha256 = ?", inspection, sha256(whole.body())),
                "each complete export recorded: two whole, one resumed, one whole again after a stale If-Range");

        // a HEAD neither builds the export nor records one
        long exportActs = TestEnvironment.count("select count(*) from audit_event where action = 'INSPECTION_EXPORT' "
                + "and resource_id = ?", inspection);
        HttpResponse<String> headOnly = hmic.head(exportPath);
        assertEquals(405, headOnly.statusCode());
        assertEquals("GET", headOnly.headers().firstValue("Allow").orElse(""));
        assertEquals(exportActs, TestEnvironment.count("select count(*) from audit_event where action = "
                + "'INSPECTION_EXPORT' and resource_id = ?", inspection), "a HEAD records no export");

        // nobody else takes HMIC's export: another inspectorate 403 naming the rule, agencies and outsiders 404
        HttpResponse<byte[]> byOther = as("cqc.inspector").getBytes(exportPath);
        assertEquals(403, byOther.statusCode());
        assertTrue(new String(byOther.body(), StandardCharsets.UTF_8)
                .contains("inspection.export.own-inspectorate-inspection-staff-only"));
        assertEquals(403, as("ofsted.admin").getBytes(exportPath).statusCode(), "oversight sees, does not take");
        assertEquals(404, as("police.uploader").getBytes(exportPath).statusCode());
        assertEquals(404, as("hmiprisons.reader").getBytes(exportPath).statusCode());
        assertEquals(404, hmic.getBytes("/api/v1/inspections/" + inspection + "/exports/HMI_PROBATION").statusCode(),
                "no export of an inspectorate that takes no part");
        assertEquals(404, as("police.uploader").get("/api/v1/inspections/" + inspection + "/exports").statusCode());

        // the pages: the inspection is closed, by whom, the window's end, and who exported; the export page
        String page = hmic.get("/inspections/" + inspection).body();
        assertTrue(page.contains("id=\"inspection-closure\"") && page.contains("Adam Administrator")
                && page.contains("Export window ends"), page);
        assertTrue(page.contains("id=\"inspection-exports\"") && page.contains("Harriet Inspector"), page);
        String exportsPage = hmic.get("/inspections/" + inspection + "/exports").body();
        assertTrue(exportsPage.contains("id=\"download-hmic\"") && exportsPage.contains("href=\"" + exportPath + "\""),
                exportsPage);
        int hmicRow = exportsPage.indexOf("id=\"export-hmic\"");
        assertTrue(hmicRow > 0 && exportsPage.indexOf("Done", hmicRow) > 0, exportsPage);
        int cqcRow = exportsPage.indexOf("id=\"export-cqc\"");
        assertTrue(cqcRow > 0 && exportsPage.substring(cqcRow, exportsPage.indexOf("</tr>", cqcRow))
                .contains("Not yet") && !exportsPage.contains("id=\"download-cqc\""), exportsPage);
        assertFalse(as("police.uploader").get("/inspections/" + inspection).body().contains("inspection-exports"),
                "the area's agencies see the inspection, not its exports");
    }

    private static String sha256(byte[] bytes) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    }
}
