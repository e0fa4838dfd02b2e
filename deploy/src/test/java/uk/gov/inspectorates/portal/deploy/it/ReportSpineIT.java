package uk.gov.inspectorates.portal.deploy.it;

import uk.gov.inspectorates.portal.security.content.HostilePdfs;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import uk.gov.inspectorates.portal.deploy.EmbeddedClamd;
import uk.gov.inspectorates.portal.deploy.ProtectedOfficeDocuments;

/**
 * The document spine through the JSON API on a real Payara Micro, PostgreSQL and S3-compatible store: share a
 * report, open it as a reader, and everything that must be refused on the way, each refusal leaving nothing stored.
 */
class ReportSpineIT extends PortalDeployment {

    private URI portal;

    @BeforeEach
    void portal() {
        portal = URI.create(base.toString());
    }

    @Test
    void readerOfAnotherInspectorateDownloadsTheSharedReportByteForByte() throws Exception {
        byte[] pdf = TestPdf.withText("Northdale findings " + UUID.randomUUID());
        PortalApi inspector = PortalApi.signedIn(portal, "ofsted.inspector");
        HttpResponse<String> shared = inspector.shareReport(ReportMetadata.aReport().json(), "northdale.pdf", pdf);
        assertEquals(201, shared.statusCode(), shared.body());
        assertTrue(shared.body().contains("\"status\":\"UNDER_EMBARGO\""), shared.body());
        assertTrue(shared.headers().firstValue("Location").orElse("").endsWith(PortalApi.idOf(shared.body())));
        String id = PortalApi.idOf(shared.body());

        PortalApi reader = PortalApi.signedIn(portal, "cqc.reader");
        assertTrue(reader.get("/api/v1/reports").body().contains(id), "listed for a reader-list member");
        assertEquals(200, reader.get("/api/v1/reports/" + id).statusCode());
        HttpResponse<byte[]> content = reader.getBytes("/api/v1/reports/" + id + "/content");
        assertEquals(200, content.statusCode());
        assertEquals("application/pdf", content.headers().firstValue("Content-Type").orElse(""));
        assertEquals("no-store", content.headers().firstValue("Cache-Control").orElse(""));
        String downloadId = content.headers().firstValue("X-Download-Id").orElseThrow();
        StampedCopy.assertStampedCopyOf(pdf, content.body(), downloadId, "the reader's download");
        // streamed as it is written (ADR 0038): a length only if the container saw the whole copy before sending
        content.headers().firstValue("Content-Length").ifPresent(length ->
                assertEquals(Long.toString(content.body().length), length, "the stamped copy's own length"));

        assertEquals(1, auditEvents("REPORT_SHARE", id, "SUCCEEDED", null), "one audit event for the share");
        assertEquals(1, auditEvents("REPORT_DOWNLOAD", id, "SUCCEEDED", "downloadId=" + downloadId),
                "the download id is in the audit trail");
    }

    @Test
    void aHeadRequestOnAStampedCopyIsRefusedWithoutStampingOrRecordingADownload() throws Exception {
        String id = PortalApi.signedIn(portal, "ofsted.inspector").shareValidReport(TestPdf.withText("head"));
        PortalApi reader = PortalApi.signedIn(portal, "cqc.reader");
        for (String path : List.of("/api/v1/reports/" + id + "/content", "/reports/" + id + "/content",
                "/reports/" + id + "/view")) {
            HttpResponse<String> head = reader.head(path);
            assertEquals(405, head.statusCode(), path);
            assertEquals("GET", head.headers().firstValue("Allow").orElse(""), path);
        }
        assertEquals(0, TestEnvironment.count("select count(*) from audit_event where action = 'REPORT_DOWNLOAD' "
                + "and resource_id = ?", id), "a HEAD records no download");

        assertEquals(200, reader.getBytes("/api/v1/reports/" + id + "/content").statusCode(), "GET still serves it");
        assertEquals(1, auditEvents("REPORT_DOWNLOAD", id, "SUCCEEDED", null));
    }

    @Test
    void onlyTheOriginatorsSharingStaffAndAddresseeReaderListsMayOpenAnEmbargoedReport() throws Exception {
        String id = PortalApi.signedIn(portal, "ofsted.inspector").shareValidReport(TestPdf.withText("embargoed"));

        for (String allowed : List.of("ofsted.support", "hmic.reader", "hmcpsi.reader")) {
            PortalApi api = PortalApi.signedIn(portal, allowed);
            assertEquals(200, api.getBytes("/api/v1/reports/" + id + "/content").statusCode(), allowed);
        }
        for (String refused : List.of("agency.uploader", "ofsted.analyst", "ofsted.siro", "ofsted.reader")) {
            PortalApi api = PortalApi.signedIn(portal, refused);
            assertFalse(api.get("/api/v1/reports").body().contains(id), refused + " must not see it listed");
            assertEquals(404, api.get("/api/v1/reports/" + id).statusCode(), refused);
            HttpResponse<byte[]> content = api.getBytes("/api/v1/reports/" + id + "/content");
            assertEquals(404, content.statusCode(), refused);
            assertEquals("application/problem+json", content.headers().firstValue("Content-Type").orElse(""));
        }
        assertTrue(auditEvents("REPORT_DOWNLOAD", id, "DENIED", null) >= 4, "every refusal is audited");
    }

    @Test
    void agencyStaffMayNotShareReports() throws Exception {
        StoredState before = StoredState.now();
        HttpResponse<String> response = PortalApi.signedIn(portal, "agency.uploader")
                .shareReport(ReportMetadata.aReport().json(), "report.pdf", TestPdf.withText("agency"));
        assertEquals(403, response.statusCode(), response.body());
        assertProblem(response, "forbidden");
        assertTrue(response.body().contains("report.share.inspectorate-staff-only"), "names the rule");
        assertEquals(before, StoredState.now());
    }

    @Test
    void badInputGetsAProblemAndLeavesZeroBytesInTheObjectStore() throws Exception {
        PortalApi inspector = PortalApi.signedIn(portal, "ofsted.inspector");
        byte[] pdf = TestPdf.withText("refused");
        byte[] oversized = TestPdf.withText("too large", (int) TestEnvironment.UPLOAD_MAX_BYTES);
        byte[] png = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n', 0, 0, 0, 13, 'I', 'H', 'D', 'R'};
        record Case(String name, String metadata, String fileName, byte[] file, int status, String type,
                    String field) {
        }
        List<Case> cases = List.of(
                new Case("missing title", ReportMetadata.aReport().without("title").json(), "r.pdf", pdf, 422,
                        "invalid-input", "title"),
                new Case("false attestation", ReportMetadata.aReport().attesting("contentFinal", "false").json(),
                        "r.pdf", pdf, 422, "invalid-input", "attestations.contentFinal"),
                new Case("attestation as a string", ReportMetadata.aReport()
                        .attesting("subjectHasFinalUnderEmbargo", "\"true\"").json(), "r.pdf", pdf, 422,
                        "invalid-input", "attestations.subjectHasFinalUnderEmbargo"),
                new Case("SECRET", ReportMetadata.aReport().classified("SECRET", null).json(), "r.pdf", pdf, 422,
                        "invalid-input", "classification.tier"),
                new Case("TOP SECRET", ReportMetadata.aReport().classified("TOP_SECRET", null).json(), "r.pdf", pdf,
                        422, "invalid-input", "classification.tier"),
                new Case("another inspectorate's report type", ReportMetadata.aReport().ofType("CQC_CLAS").json(),
                        "r.pdf", pdf, 422, "invalid-input", "reportType"),
                new Case("metadata not JSON", "not json", "r.pdf", pdf, 422, "invalid-input", "metadata"),
                new Case("no metadata", null, "r.pdf", pdf, 422, "invalid-input", "metadata"),
                new Case("no file", ReportMetadata.aReport().json(), null, null, 422, "invalid-input", "file"),
                new Case("empty file", ReportMetadata.aReport().json(), "r.pdf", new byte[0], 422, "invalid-input",
                        "file"),
                new Case("text named .pdf", ReportMetadata.aReport().json(), "r.pdf",
                        "just some text, not a PDF".getBytes(StandardCharsets.US_ASCII), 415,
                        "file-type-not-allowed", "file"),
                new Case("PNG named .pdf", ReportMetadata.aReport().json(), "r.pdf", png, 415,
                        "file-type-not-allowed", "file"),
                new Case("PDF named .docx", ReportMetadata.aReport().json(), "r.docx", pdf, 415,
                        "file-type-not-allowed", "file"),
                new Case("oversized", ReportMetadata.aReport().json(), "r.pdf", oversized, 413, "file-too-large",
                        "file"),
                new Case("password-protected DOCX", ReportMetadata.aReport().json(), "r.docx",
                        ProtectedOfficeDocuments.passwordProtected(ProtectedOfficeDocuments.docx("findings"), "pw"),
                        422, "encrypted-document", "file"));
        for (Case c : cases) {
            StoredState before = StoredState.now();
            HttpResponse<String> response = inspector.shareReport(c.metadata(), c.fileName(), c.file());
            assertEquals(c.status(), response.statusCode(), c.name() + ": " + response.body());
            assertProblem(response, c.type());
            assertTrue(response.body().contains("\"field\":\"" + c.field() + "\""), c.name() + ": " + response.body());
            assertFalse(response.body().contains("Exception"), c.name() + ": no stack trace");
            if (c.type().equals("encrypted-document")) {
                assertTrue(response.body().contains("The selected file is password-protected. Remove the password"
                        + " and upload it again"), c.name() + ": " + response.body());
            }
            assertEquals(before, StoredState.now(), c.name() + ": nothing may be stored");
        }
    }

    @Test
    void everyApiCallNeedsASessionAndEveryChangeItsCsrfToken() throws Exception {
        PortalApi nobody = PortalApi.anonymous(portal);
        HttpResponse<String> unsigned = nobody.get("/api/v1/reports");
        assertEquals(401, unsigned.statusCode());
        assertProblem(unsigned, "not-signed-in");
        assertEquals(401, nobody.signIn("ofsted.inspector", "not the password").statusCode());

        StoredState before = StoredState.now();
        HttpResponse<String> noToken = PortalApi.signedIn(portal, "ofsted.inspector")
                .shareReport(ReportMetadata.aReport().json(), "r.pdf", TestPdf.withText("csrf"), false);
        assertEquals(403, noToken.statusCode());
        assertProblem(noToken, "csrf-token-invalid");
        assertEquals(before, StoredState.now());

        HttpResponse<String> signIn = PortalApi.anonymous(portal).signIn("hmic.reader", TestEnvironment.demoPassword());
        String cookie = signIn.headers().firstValue("Set-Cookie").orElse("");
        assertTrue(cookie.startsWith("portal_session=") && cookie.contains("HttpOnly")
                && cookie.toLowerCase(java.util.Locale.ROOT).contains("samesite=strict"), cookie);
        HttpResponse<String> me = PortalApi.signedIn(portal, "hmic.reader").get("/api/v1/me");
        assertEquals(200, me.statusCode());
        assertTrue(me.body().contains("\"onReaderList\":true"), me.body());
    }

    @Test
    void noPlaintextOfAnUploadIsAtRestAnywhere() throws Exception {
        String marker = "PLAINTEXT-MARKER-" + UUID.randomUUID();
        byte[] pdf = TestPdf.withText(marker, 512 * 1024);
        assertTrue(PlaintextSearch.indexOf(pdf, pdf.length, marker.getBytes(StandardCharsets.US_ASCII)) >= 0,
                "the uploaded bytes themselves hold the marker");
        String id = PortalApi.signedIn(portal, "ofsted.inspector").shareValidReport(pdf);
        StampedCopy.assertStampedCopyOf(pdf, PortalApi.signedIn(portal, "cqc.reader")
                .getBytes("/api/v1/reports/" + id + "/content").body(), "the reader's copy");
        try (Connection connection = TestEnvironment.openSuperuserConnection();
             Statement statement = connection.createStatement()) {
            statement.execute("checkpoint");
        }

        List<Path> roots = List.of(TestEnvironment.objectStoreDirectory(), TestEnvironment.postgresDirectory(),
                TestEnvironment.dataDirectory(), Path.of(System.getProperty("java.io.tmpdir")));
        List<Path> searched = new ArrayList<>();
        List<Path> found = PlaintextSearch.filesContaining(marker, roots, searched);
        assertEquals(List.of(), found, "files holding the upload's plaintext");
        assertTrue(searched.stream().anyMatch(path -> path.startsWith(TestEnvironment.bucketDirectory())),
                "the object store's files were searched");
        assertTrue(searched.stream().anyMatch(path -> path.startsWith(TestEnvironment.postgresDirectory())),
                "the database's files were searched");
        assertTrue(PlaintextSearch.contains(writeProbe(marker), marker.getBytes(StandardCharsets.US_ASCII)),
                "the search finds the marker where it is");
    }

    @Test
    void everyResponseCarriesTheSecurityHeaders() throws Exception {
        PortalApi reader = PortalApi.signedIn(portal, "cqc.reader");
        String id = PortalApi.signedIn(portal, "ofsted.inspector").shareValidReport(TestPdf.withText("headers"));
        List<HttpResponse<?>> responses = List.of(get("/sign-in"), reader.get("/api/v1/reports"),
                reader.getBytes("/api/v1/reports/" + id + "/content"), PortalApi.anonymous(portal).get("/api/v1/me"));
        for (HttpResponse<?> response : responses) {
            String where = response.uri().getPath();
            String csp = response.headers().firstValue("Content-Security-Policy").orElse("");
            assertTrue(csp.contains("script-src 'self'") && !csp.contains("unsafe-inline"), where + ": " + csp);
            assertTrue(csp.contains("frame-ancestors 'none'"), where + ": " + csp);
            assertEquals("DENY", response.headers().firstValue("X-Frame-Options").orElse(""), where);
            assertEquals("nosniff", response.headers().firstValue("X-Content-Type-Options").orElse(""), where);
            assertEquals("no-store", response.headers().firstValue("Cache-Control").orElse(""), where);
        }
    }

    @Test
    void healthMetricsAndOpenApiAnswer() throws Exception {
        HttpResponse<String> ready = get("/health/ready");
        assertEquals(200, ready.statusCode(), ready.body());
        String checks = ready.body().replace(" ", "");
        assertTrue(checks.contains("{\"name\":\"database\",\"status\":\"UP\""), checks);
        assertTrue(checks.contains("{\"name\":\"object-store\",\"status\":\"UP\""), checks);
        assertTrue(checks.contains("{\"name\":\"scanner\",\"status\":\"UP\""), checks);
        assertEquals(404, get("/metrics").statusCode(), "the metrics answer only the operator's scraper");
        HttpResponse<String> metrics = httpClient().send(HttpRequest.newBuilder(uri("/metrics"))
                .header("Authorization", "Bearer " + TestEnvironment.METRICS_TOKEN).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, metrics.statusCode());
        assertTrue(metrics.body().contains("base_memory_usedHeap_bytes"), "the JVM's heap");
        assertTrue(metrics.body().contains("# TYPE"), "Prometheus text");
        // the document is built on the first request: that took over 30 s on a busy 2-core machine
        HttpResponse<String> openapi = get("/openapi", Duration.ofSeconds(120));
        assertEquals(200, openapi.statusCode());
        assertTrue(openapi.body().contains("/reports/{id}/content"), openapi.body());
        assertTrue(openapi.body().contains("/uploads/{id}/parts/{number}"), "resumable uploads are described");
        assertNotEquals(-1, openapi.body().indexOf("/session"));
    }

    @Test
    void aPdfCarryingEicarIsRefusedAsMalwareLeavingNothingStoredWithTheSignatureAudited() throws Exception {
        byte[] infected = TestPdf.withComment("looks like a report", EmbeddedClamd.EICAR);
        long refusedBefore = refusedShares("MALWARE signature=" + EmbeddedClamd.EICAR_SIGNATURE + ".UNOFFICIAL");
        StoredState before = StoredState.now();

        HttpResponse<String> response = PortalApi.signedIn(portal, "ofsted.inspector")
                .shareReport(ReportMetadata.aReport().json(), "report.pdf", infected);

        assertEquals(422, response.statusCode(), response.body());
        assertProblem(response, "malware-detected");
        assertTrue(response.body().contains("\"field\":\"file\""), response.body());
        assertFalse(response.body().contains(EmbeddedClamd.EICAR_SIGNATURE), "the sender is not told the signature");
        assertEquals(before, StoredState.now(), "nothing of an infected file may stay stored");
        assertEquals(refusedBefore + 1,
                refusedShares("MALWARE signature=" + EmbeddedClamd.EICAR_SIGNATURE + ".UNOFFICIAL"),
                "one REFUSED audit event naming the signature");
    }

    @Test
    void aFileKnownToTheSignatureDatabaseByItsHashIsRefused() throws Exception {
        StoredState before = StoredState.now();

        HttpResponse<String> response = PortalApi.signedIn(portal, "ofsted.inspector")
                .shareReport(ReportMetadata.aReport().json(), "report.pdf", TestClamd.hashSignedPdf());

        assertEquals(422, response.statusCode(), response.body());
        assertProblem(response, "malware-detected");
        assertEquals(before, StoredState.now());
        assertEquals(1, refusedShares("MALWARE signature=" + TestClamd.HASH_SIGNATURE + ".UNOFFICIAL"));
    }

    @Test
    void aPasswordProtectedPdfIsRefusedAsEncryptedNotAsMalwareLeavingNothingStored() throws Exception {
        byte[] protectedPdf = TestPdf.passwordProtected("Northdale findings, protected", "open-sesame");
        String audited = "ENCRYPTED signature=Heuristics.Encrypted.PDF";
        long refusedBefore = refusedShares(audited);
        StoredState before = StoredState.now();

        HttpResponse<String> response = PortalApi.signedIn(portal, "ofsted.inspector")
                .shareReport(ReportMetadata.aReport().json(), "report.pdf", protectedPdf);

        assertEquals(422, response.statusCode(), response.body());
        assertProblem(response, "encrypted-document");
        assertTrue(response.body().contains("\"field\":\"file\""), response.body());
        assertTrue(response.body().contains("password-protected"), response.body());
        assertFalse(response.body().contains("Heuristics"), "the sender is not told the signature");
        assertEquals(before, StoredState.now(), "nothing of a file that could not be checked may stay stored");
        assertEquals(refusedBefore + 1, refusedShares(audited), "one REFUSED audit event naming the signature");
    }

    @Test
    void withClamdStoppedUploadsAreRefusedWith503AndNothingIsStored() throws Exception {
        PortalApi inspector = PortalApi.signedIn(portal, "ofsted.inspector");
        long refusedBefore = refusedShares("scanning unavailable");
        StoredState before = StoredState.now();
        TestEnvironment.stopClamd();
        try {
            HttpResponse<String> response = inspector.shareReport(ReportMetadata.aReport().json(), "report.pdf",
                    TestPdf.withText("clean, but nobody can check"));

            assertEquals(503, response.statusCode(), response.body());
            assertProblem(response, "scanning-unavailable");
            assertEquals(before, StoredState.now(), "never accepted unscanned");
            assertEquals(refusedBefore + 1, refusedShares("scanning unavailable"));
            HttpResponse<String> ready = get("/health/ready");
            assertEquals(503, ready.statusCode(), ready.body());
            assertTrue(ready.body().replace(" ", "").contains("{\"name\":\"scanner\",\"status\":\"DOWN\""),
                    ready.body());
        } finally {
            TestEnvironment.startClamd();
        }
        inspector.shareValidReport(TestPdf.withText("accepted again once clamd is back"));
    }

    /**
     * The portal connects as its own role, which may insert and read audit events but neither change nor remove them
     * (docs/adr/0032): the owner role's migrations (V24 among them, a Java migration found in the WAR) granted it no
     * more; and every event the running portal wrote is chained as version 2.
     */
    @Test
    void thePortalsOwnDatabaseRoleCannotChangeOrRemoveAuditEvents() throws Exception {
        PortalApi.signedIn(portal, "ofsted.inspector").shareValidReport(TestPdf.withText("audited"));
        assertTrue(TestEnvironment.count("select count(*) from pg_stat_activity where datname = 'portal' and "
                + "usename = ?", TestEnvironment.dbUser()) > 0, "the portal's pool connects as its own role");
        assertEquals(1, TestEnvironment.count("select count(*) from flyway_schema_history where version = '24' "
                + "and type = 'JDBC' and success"), "V24 ran as a Java migration");
        try (Connection connection = TestEnvironment.openConnection();
             Statement statement = connection.createStatement()) {
            assertEquals(TestEnvironment.dbUser(), single(statement, "select current_user"));
            assertTrue(Long.parseLong(single(statement, "select count(*) from audit_event")) > 0, "it reads them");
            for (String change : List.of("update audit_event set detail = 'rewritten'", "delete from audit_event",
                    "truncate audit_event")) {
                java.sql.SQLException refused = assertThrows(java.sql.SQLException.class,
                        () -> statement.execute(change), change);
                assertEquals("42501", refused.getSQLState(), change + ": " + refused.getMessage());
                assertTrue(refused.getMessage().contains("permission denied"), refused.getMessage());
            }
        }
        assertWholeTrailChainedAsVersion2();
    }

    private static String single(Statement statement, String sql) throws Exception {
        try (ResultSet rows = statement.executeQuery(sql)) {
            rows.next();
            return rows.getString(1);
        }
    }

    /** Recomputes every link of the trail with audit-verifier's AuditChain. */
    private static void assertWholeTrailChainedAsVersion2() throws Exception {
        byte[] previous = null;
        try (Connection connection = TestEnvironment.openSuperuserConnection();
             Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("select * from audit_event order by seq")) {
            while (rows.next()) {
                long seq = rows.getLong("seq");
                assertEquals(2, rows.getInt("chain_version"), "seq " + seq);
                assertArrayEquals(previous, rows.getBytes("previous_hash"), "seq " + seq);
                byte[] digest = uk.gov.inspectorates.portal.core.audit.AuditEventFields.contentDigest(seq,
                        uk.gov.inspectorates.portal.storage.jdbc.JdbcAuditTrail.event(rows));
                assertArrayEquals(uk.gov.inspectorates.portal.auditverifier.AuditChain.link(previous, digest),
                        rows.getBytes("hash"), "seq " + seq);
                previous = rows.getBytes("hash");
            }
        }
        assertTrue(previous != null, "the trail holds events");
    }

    private static long refusedShares(String detail) throws Exception {
        try (Connection connection = TestEnvironment.openSuperuserConnection();
             PreparedStatement query = connection.prepareStatement("select count(*) from audit_event where "
                     + "action = 'REPORT_SHARE' and outcome = 'REFUSED' and detail = ?")) {
            query.setString(1, detail);
            try (ResultSet rows = query.executeQuery()) {
                rows.next();
                return rows.getLong(1);
            }
        }
    }

    private static Path writeProbe(String marker) throws Exception {
        Path probe = TestEnvironment.workDirectory().resolve("search-probe.bin");
        java.nio.file.Files.write(probe, ("xx" + marker + "yy").getBytes(StandardCharsets.US_ASCII));
        return probe;
    }

    @Test
    void aRemovedReportIsGoneAndABackupOfItsObjectCanNoLongerBeDecrypted() throws Exception {
        byte[] pdf = TestPdf.withText("to be removed " + UUID.randomUUID());
        String id = PortalApi.signedIn(portal, "ofsted.inspector").shareValidReport(pdf);
        PortalApi reader = PortalApi.signedIn(portal, "cqc.reader");
        assertEquals(200, reader.getBytes("/api/v1/reports/" + id + "/content").statusCode());
        // the "backups": the report's row as a database backup holds it, and the ciphertext file of its object
        String objectKey;
        String kekId;
        byte[] wrappedDataKey;
        try (Connection connection = TestEnvironment.openSuperuserConnection();
             PreparedStatement query = connection.prepareStatement(
                     "select object_key, wrapping_key_id, wrapped_data_key from report where id = ?")) {
            query.setString(1, id);
            try (ResultSet rows = query.executeQuery()) {
                assertTrue(rows.next());
                objectKey = rows.getString(1);
                kekId = rows.getString(2);
                wrappedDataKey = rows.getBytes(3);
            }
        }
        Path objectFile = TestEnvironment.storedFiles().stream()
                .filter(file -> file.getFileName().toString().equals(objectKey.substring(objectKey.indexOf('/') + 1)))
                .findFirst().orElseThrow();
        byte[] backup = java.nio.file.Files.readAllBytes(objectFile);
        uk.gov.inspectorates.portal.core.document.KeyScope scope =
                uk.gov.inspectorates.portal.core.document.KeyScope.report(id);
        uk.gov.inspectorates.portal.core.document.WrappedKey dataKey =
                new uk.gov.inspectorates.portal.core.document.WrappedKey(kekId, wrappedDataKey);
        assertArrayEquals(pdf, decryptWithWhatTheSystemHolds(scope, dataKey, objectKey, backup),
                "while the report exists, the keystore and database decrypt the backup");

        assertEquals(403, PortalApi.signedIn(portal, "ofsted.inspector").delete("/api/v1/reports/" + id).statusCode(),
                "sharing staff may not remove");
        assertEquals(404, PortalApi.signedIn(portal, "cqc.inspector").delete("/api/v1/reports/" + id).statusCode());
        HttpResponse<String> removed = PortalApi.signedIn(portal, "ofsted.admin").delete("/api/v1/reports/" + id);
        assertEquals(204, removed.statusCode(), removed.body());

        assertEquals(404, reader.get("/api/v1/reports/" + id).statusCode());
        assertEquals(404, reader.getBytes("/api/v1/reports/" + id + "/content").statusCode());
        assertFalse(reader.get("/api/v1/reports").body().contains(id));
        assertFalse(java.nio.file.Files.exists(objectFile), "the object is deleted");
        assertFalse(TestEnvironment.minioClient().listObjects(io.minio.ListObjectsArgs.builder()
                .bucket(TestEnvironment.s3Bucket()).prefix(objectKey).build()).iterator().hasNext());
        try (Connection connection = TestEnvironment.openSuperuserConnection();
             PreparedStatement query = connection.prepareStatement("select wrapped_kek, master_key_alias, "
                     + "destroyed_at from key_encryption_key where scope_kind = 'REPORT' and scope_id = ?")) {
            query.setString(1, id);
            try (ResultSet rows = query.executeQuery()) {
                assertTrue(rows.next(), "the KEK row stays as a tombstone");
                assertEquals(null, rows.getBytes(1), "no key material left");
                assertEquals(null, rows.getString(2));
                assertTrue(rows.getTimestamp(3) != null);
            }
        }
        assertEquals(1, auditEvents("SCOPE_REMOVE", id, "SUCCEEDED", "tombstone kek=destroyed objects=1 "
                + "plaintextBytes=" + pdf.length + " storedBytes=" + backup.length + " by=user:"
                + userId("ofsted.admin") + " reason=removed through the API"));
        org.junit.jupiter.api.Assertions.assertThrows(IllegalStateException.class,
                () -> decryptWithWhatTheSystemHolds(scope, dataKey, objectKey, backup),
                "the backup cannot be decrypted with the keystore and database as they are now");
    }

    /** Unwraps with the portal's keystore (read only) and database as they are now, then decrypts the ciphertext. */
    private static byte[] decryptWithWhatTheSystemHolds(uk.gov.inspectorates.portal.core.document.KeyScope scope,
            uk.gov.inspectorates.portal.core.document.WrappedKey dataKey, String objectKey, byte[] ciphertext)
            throws Exception {
        byte[] key = new uk.gov.inspectorates.portal.storage.jdbc.JdbcKeyService(TestEnvironment.portalDataSource(),
                TestEnvironment.portalMasterKeys(),
                java.time.Clock.systemUTC()).unwrap(scope, dataKey, objectKey);
        try (java.io.InputStream plaintext = new uk.gov.inspectorates.portal.storage.crypto.EnvelopeCipher()
                .decrypt(new java.io.ByteArrayInputStream(ciphertext), key, objectKey)) {
            return plaintext.readAllBytes();
        }
    }

    private static String userId(String username) throws Exception {
        try (Connection connection = TestEnvironment.openSuperuserConnection();
             PreparedStatement query = connection.prepareStatement("select id from user_account where username = ?")) {
            query.setString(1, username);
            try (ResultSet rows = query.executeQuery()) {
                assertTrue(rows.next(), username);
                return rows.getString(1);
            }
        }
    }

    /** The defect: names were stored and returned as sent, and one control character gave a 503. */
    @Test
    void fileNamesAreNormalisedOnceAtIntakeOnEveryUploadPath() throws Exception {
        PortalApi inspector = PortalApi.signedIn(portal, "ofsted.inspector");
        String hostile = "..\\secret/dir/evil\u0000\u0001\u001b[31m\u007f report.pdf";

        HttpResponse<String> shared = inspector.shareReport(ReportMetadata.aReport().addressedTo("CQC").json(),
                hostile, TestPdf.withText("named badly " + UUID.randomUUID()));
        assertEquals(201, shared.statusCode(), shared.body());
        assertTrue(shared.body().contains("\"name\":\"evil[31m report.pdf\""), shared.body());
        String reportId = PortalApi.idOf(shared.body());
        HttpResponse<byte[]> content = inspector.getBytes("/api/v1/reports/" + reportId + "/content");
        assertEquals(200, content.statusCode());
        String disposition = content.headers().firstValue("Content-Disposition").orElse("");
        assertTrue(disposition.contains("filename*=UTF-8''evil%5B31m%20report.pdf"), disposition);

        HttpResponse<String> letter = inspector.postMultipart("/api/v1/reports/" + reportId + "/letters",
                List.<String[]>of(new String[] {"metadata", COVERING_TO_CQC}), "C:\\Users\\x\\cover\u0007.pdf",
                TestPdf.withText("covering"), true);
        assertEquals(201, letter.statusCode(), letter.body());
        assertTrue(letter.body().contains("\"name\":\"cover.pdf\""), letter.body());

        HttpResponse<String> started = inspector.postJson("/api/v1/uploads", "{\"purpose\":\"REPORT\","
                + "\"fileName\":\"a/b\\\\\\u202Eevil\\u0000\\u2066.pdf\",\"length\":1000}");
        assertEquals(201, started.statusCode(), started.body());
        assertTrue(started.body().contains("\"fileName\":\"evil.pdf\""), started.body());
        inspector.delete("/api/v1/uploads/" + PortalApi.idOf(started.body()));

        HttpResponse<String> longName = inspector.shareReport(ReportMetadata.aReport().json(),
                "a".repeat(400) + ".pdf", TestPdf.withText("long name"));
        assertEquals(201, longName.statusCode(), longName.body());
        assertTrue(longName.body().contains("\"name\":\"" + "a".repeat(251) + ".pdf\""), longName.body());
    }

    @Test
    void aNameWithNothingUsableLeftIsA422NamingTheProblemOnEveryPathAndNothingIsStored() throws Exception {
        PortalApi inspector = PortalApi.signedIn(portal, "ofsted.inspector");
        String reportId = inspector.shareValidReport(TestPdf.withText("for letters " + UUID.randomUUID()));
        StoredState before = StoredState.now();

        HttpResponse<String> report = inspector.shareReport(ReportMetadata.aReport().json(), "dir/\u0001\u0000",
                TestPdf.withText("nameless"));
        HttpResponse<String> letter = inspector.postMultipart("/api/v1/reports/" + reportId + "/letters",
                List.<String[]>of(new String[] {"metadata", COVERING_TO_CQC}), "folder/",
                TestPdf.withText("covering"), true);
        HttpResponse<String> upload = inspector.postJson("/api/v1/uploads",
                "{\"purpose\":\"REPORT\",\"fileName\":\"\\u0000\",\"length\":1000}");

        for (HttpResponse<String> response : List.of(report, letter, upload)) {
            assertEquals(422, response.statusCode(), response.body());
            assertProblem(response, "file-name-not-usable");
            assertTrue(response.body().contains("file name"), response.body());
        }
        assertEquals(before, StoredState.now(), "nothing of a refused upload is stored");
    }

    /** ADR 0018: active content is refused at upload on every path, so no served byte can carry it. */
    @Test
    void pdfsCarryingActiveContentAreRefusedOnEveryUploadPathLeavingNothingStored() throws Exception {
        PortalApi inspector = PortalApi.signedIn(portal, "ofsted.inspector");
        String reportId = inspector.shareReport(ReportMetadata.aReport().addressedTo("CQC").json(), "r.pdf",
                TestPdf.withText("letters go here " + UUID.randomUUID())).body();
        reportId = PortalApi.idOf(reportId);
        for (var hostile : HostilePdfs.all().entrySet()) {
            String kind = hostile.getKey();
            byte[] pdf = hostile.getValue();
            StoredState before = StoredState.now();

            HttpResponse<String> report = inspector.shareReport(ReportMetadata.aReport().json(), "hostile.pdf", pdf);
            HttpResponse<String> letter = inspector.postMultipart("/api/v1/reports/" + reportId + "/letters",
                    List.<String[]>of(new String[] {"metadata", COVERING_TO_CQC}), "hostile.pdf", pdf, true);
            HttpResponse<String> started = inspector.postJson("/api/v1/uploads",
                    "{\"purpose\":\"REPORT\",\"fileName\":\"hostile.pdf\",\"length\":" + pdf.length + "}");
            assertEquals(201, started.statusCode(), started.body());
            String upload = "/api/v1/uploads/" + PortalApi.idOf(started.body());
            assertEquals(200, inspector.putBytes(upload + "/parts/1", pdf).statusCode(), kind);
            HttpResponse<String> completed = inspector.postJson(upload + "/completion", "{}");

            // clamd's own heuristic (Heuristics.PDF.ObfuscatedNameObject) refuses #-escaped names before the check
            String expected = kind.equals("escaped-names") ? "malware-detected" : "active-content";
            for (HttpResponse<String> response : List.of(report, letter, completed)) {
                assertEquals(422, response.statusCode(), kind + ": " + response.body());
                assertProblem(response, expected);
            }
            assertEquals(404, inspector.get(upload).statusCode(), kind + ": the refused upload is discarded");
            assertEquals(before, StoredState.now(), kind + ": nothing of it may stay stored");
        }
        assertTrue(TestEnvironment.count("select count(*) from audit_event where action = 'REPORT_SHARE'"
                + " and outcome = 'REFUSED' and detail like 'ACTIVE_CONTENT pdf: %'") >= HostilePdfs.all().size() - 1,
                "each refusal is audited with what was found");
    }

    private static final String COVERING_TO_CQC = "{\"kind\":\"COVERING\",\"serviceProviderNotifiedFirst\":true,"
            + "\"addressedTo\":[\"CQC\"],"
            + "\"classification\":{\"tier\":\"OFFICIAL\"}}";

    private static void assertProblem(HttpResponse<String> response, String type) {
        assertEquals("application/problem+json", response.headers().firstValue("Content-Type").orElse(""),
                response.body());
        assertTrue(response.body().contains("\"type\":\"urn:inspectorates-portal:problem:" + type + "\""),
                response.body());
    }

    private static long auditEvents(String action, String resourceId, String outcome, String detail)
            throws Exception {
        return TestEnvironment.count("select count(*) from audit_event where action = ? and resource_id = ? "
                + "and outcome = ? and (?::text is null or detail = ?)", action, resourceId, outcome, detail, detail);
    }
}
