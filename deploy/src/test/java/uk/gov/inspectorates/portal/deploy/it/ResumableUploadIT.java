package uk.gov.inspectorates.portal.deploy.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import uk.gov.inspectorates.portal.deploy.EmbeddedClamd;

/**
 * Resumable uploads through the JSON API on the real portal (docs/adr/0009), with the tests' 1 MiB parts and 2 MiB
 * scan windows: a file in three parts, sent out of order and partly twice, shared and downloaded byte for byte;
 * what must be refused, leaving nothing stored; and windowed scanning finding a signature that straddles the end of
 * the first window.
 */
class ResumableUploadIT extends PortalDeployment {

    private static final int PART = TestEnvironment.UPLOAD_PART_BYTES;
    private static final Pattern ID = Pattern.compile("\"id\"\\s*:\\s*\"([0-9a-f]{32})\"");

    private URI portal;

    @BeforeEach
    void portal() {
        portal = URI.create(base.toString());
    }

    @Test
    void aFileSentInPartsOutOfOrderAndPartlyTwiceIsSharedAndDownloadsByteForByte() throws Exception {
        byte[] pdf = TestPdf.withText("Northdale findings in parts " + UUID.randomUUID(), 2 * PART + PART / 2);
        PortalApi inspector = PortalApi.signedIn(portal, "ofsted.inspector");

        HttpResponse<String> started = start(inspector, "northdale.pdf", pdf.length);
        assertEquals(201, started.statusCode(), started.body());
        assertTrue(started.body().contains("\"partCount\":3"), started.body());
        assertTrue(started.body().contains("\"partSize\":" + PART), started.body());
        String id = idOf(started.body());
        String upload = "/api/v1/uploads/" + id;

        assertEquals(200, inspector.putBytes(upload + "/parts/3", part(pdf, 3)).statusCode());
        assertEquals(200, inspector.putBytes(upload + "/parts/1", part(pdf, 1)).statusCode());
        HttpResponse<String> early = inspector.postJson(upload + "/completion", "{}");
        assertEquals(409, early.statusCode(), "part 2 is missing: " + early.body());
        assertTrue(inspector.get(upload).body().contains("\"receivedParts\":[1,3]"));

        byte[] wrongSize = Arrays.copyOf(part(pdf, 2), PART - 1);
        assertEquals(422, inspector.putBytes(upload + "/parts/2", wrongSize).statusCode(), "a cut part is refused");
        assertTrue(inspector.get(upload).body().contains("\"receivedParts\":[1,3]"), "and not recorded");
        assertEquals(200, inspector.putBytes(upload + "/parts/2", part(pdf, 2)).statusCode());
        assertEquals(200, inspector.putBytes(upload + "/parts/2", part(pdf, 2)).statusCode(), "sent again");

        HttpResponse<String> completed = inspector.postJson(upload + "/completion", "{}");
        assertEquals(200, completed.statusCode(), completed.body());
        assertTrue(completed.body().contains("\"status\":\"READY\""), completed.body());
        assertTrue(completed.body().contains("\"sha256\":\"" + sha256(pdf) + "\""), completed.body());
        assertEquals(200, inspector.postJson(upload + "/completion", "{}").statusCode(), "completing is idempotent");

        HttpResponse<String> shared = inspector.shareUploadedReport(ReportMetadata.aReport().json(), id);
        assertEquals(201, shared.statusCode(), shared.body());
        String reportId = PortalApi.idOf(shared.body());
        HttpResponse<byte[]> content = PortalApi.signedIn(portal, "cqc.reader")
                .getBytes("/api/v1/reports/" + reportId + "/content");
        assertEquals(200, content.statusCode());
        StampedCopy.assertStampedCopyOf(pdf, content.body(), "the download is a stamped copy of the upload");

        assertEquals(404, inspector.get(upload).statusCode(), "a shared upload is used up");
        assertEquals(404, inspector.shareUploadedReport(ReportMetadata.aReport().json(), id).statusCode(),
                "and cannot be shared twice");
        assertEquals(0, TestEnvironment.count("select count(*) from resumable_upload"), "no upload record is left behind");
    }

    @Test
    void anUploadIsOnlyItsOwners() throws Exception {
        byte[] pdf = TestPdf.withText("Owner only " + UUID.randomUUID());
        PortalApi inspector = PortalApi.signedIn(portal, "ofsted.inspector");
        StoredState before = StoredState.now();
        String id = idOf(start(inspector, "owner.pdf", pdf.length).body());
        String upload = "/api/v1/uploads/" + id;
        assertEquals(200, inspector.putBytes(upload + "/parts/1", pdf).statusCode());

        PortalApi other = PortalApi.signedIn(portal, "ofsted.analyst");
        assertEquals(404, other.get(upload).statusCode());
        assertEquals(404, other.putBytes(upload + "/parts/1", pdf).statusCode());
        assertEquals(404, other.postJson(upload + "/completion", "{}").statusCode());
        assertEquals(404, other.delete(upload).statusCode());
        assertTrue(TestEnvironment.count("select count(*) from audit_event where action = 'UPLOAD_ACCESS' and outcome = 'DENIED' "
                + "and resource_id = '" + id + "'") >= 4, "each attempt is audited");

        PortalApi agency = PortalApi.signedIn(portal, "agency.uploader");
        assertEquals(404, agency.get(upload).statusCode());
        HttpResponse<String> agencyStart = start(agency, "report.pdf", pdf.length);
        assertEquals(403, agencyStart.statusCode(), "agency staff may not upload reports: " + agencyStart.body());

        assertEquals(204, inspector.delete(upload).statusCode(), "the owner abandons it");
        assertEquals(404, inspector.get(upload).statusCode());
        assertEquals(0, TestEnvironment.count("select count(*) from resumable_upload where id = '" + id + "'"));
        assertEquals(before, StoredState.now(), "its parts are gone from the object store");
    }

    @Test
    void whatMustBeRefusedIsRefusedAtTheStartOrAtPartOneLeavingNothingStored() throws Exception {
        PortalApi inspector = PortalApi.signedIn(portal, "ofsted.inspector");
        StoredState before = StoredState.now();

        assertEquals(413, start(inspector, "big.pdf", TestEnvironment.UPLOAD_MAX_BYTES + 1).statusCode());
        assertEquals(422, start(inspector, "empty.pdf", 0).statusCode());
        assertEquals(415, start(inspector, "notes.txt", 100).statusCode());
        assertEquals(before, StoredState.now(), "refused before any byte");

        byte[] text = "just some text, not a PDF at all".repeat(100).getBytes(StandardCharsets.US_ASCII);
        String id = idOf(start(inspector, "fake.pdf", text.length).body());
        HttpResponse<String> part = inspector.putBytes("/api/v1/uploads/" + id + "/parts/1", text);
        assertEquals(415, part.statusCode(), part.body());
        assertTrue(part.body().contains("file-type-not-allowed"), part.body());
        assertEquals(404, inspector.get("/api/v1/uploads/" + id).statusCode(), "the upload was discarded");
        assertEquals(before, StoredState.now(), "nothing of it is left");
    }

    /**
     * EICAR straddles the end of the first 2 MiB scan window: neither half is a signature, so only the overlap
     * between the windows finds it. The same file is refused as a one-request upload and as a resumable one.
     */
    @Test
    void aSignatureAcrossTheFirstScanWindowsEndIsFoundWhicheverWayTheFileComes() throws Exception {
        byte[] pdf = TestPdf.withText("Windowed " + UUID.randomUUID(), 2 * PART + PART / 2);
        byte[] eicar = EmbeddedClamd.EICAR.getBytes(StandardCharsets.US_ASCII);
        int at = (int) TestEnvironment.SCAN_WINDOW_BYTES - eicar.length / 2;
        System.arraycopy(eicar, 0, pdf, at, eicar.length);
        PortalApi inspector = PortalApi.signedIn(portal, "ofsted.inspector");
        StoredState before = StoredState.now();

        HttpResponse<String> oneRequest = inspector.shareReport(ReportMetadata.aReport().json(), "w.pdf", pdf);
        assertEquals(422, oneRequest.statusCode(), oneRequest.body());
        assertTrue(oneRequest.body().contains("malware-detected"), oneRequest.body());

        String id = idOf(start(inspector, "w.pdf", pdf.length).body());
        for (int n = 1; n <= 3; n++) {
            assertEquals(200, inspector.putBytes("/api/v1/uploads/" + id + "/parts/" + n, part(pdf, n)).statusCode());
        }
        HttpResponse<String> completed = inspector.postJson("/api/v1/uploads/" + id + "/completion", "{}");
        assertEquals(422, completed.statusCode(), completed.body());
        assertTrue(completed.body().contains("malware-detected"), completed.body());
        assertEquals(404, inspector.get("/api/v1/uploads/" + id).statusCode(), "the infected upload was discarded");
        assertEquals(before, StoredState.now(), "nothing of an infected file may stay stored");
    }

    private static HttpResponse<String> start(PortalApi api, String name, long length) throws Exception {
        return api.postJson("/api/v1/uploads",
                "{\"purpose\":\"REPORT\",\"fileName\":\"" + name + "\",\"length\":" + length + "}");
    }

    private static byte[] part(byte[] file, int number) {
        int from = (number - 1) * PART;
        return Arrays.copyOfRange(file, from, Math.min(file.length, from + PART));
    }

    private static String idOf(String json) {
        Matcher m = ID.matcher(json);
        if (!m.find()) {
            throw new AssertionError("no id in " + json);
        }
        return m.group(1);
    }

    private static String sha256(byte[] bytes) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    }
}
