package uk.gov.inspectorates.portal.storage.removal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.X509EncodedKeySpec;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import uk.gov.inspectorates.portal.core.document.KeyScope;
import uk.gov.inspectorates.portal.core.document.ObjectStore;
import uk.gov.inspectorates.portal.core.document.StoredContent;
import uk.gov.inspectorates.portal.core.inspection.ExportRecord;
import uk.gov.inspectorates.portal.core.organisation.Inspectorate;
import uk.gov.inspectorates.portal.core.removal.RemovalRecord;
import uk.gov.inspectorates.portal.core.removal.RemovalStep;
import uk.gov.inspectorates.portal.core.removal.RetentionRun;
import uk.gov.inspectorates.portal.core.removal.SignedCertificate;
import uk.gov.inspectorates.portal.core.retention.HoldTarget;
import uk.gov.inspectorates.portal.core.retention.RetentionCategory;
import uk.gov.inspectorates.portal.core.retention.RetentionPolicy;
import uk.gov.inspectorates.portal.core.retention.RetentionPolicy.DurationUnit;
import uk.gov.inspectorates.portal.core.retention.RetentionPolicy.EndAction;
import uk.gov.inspectorates.portal.storage.objectstore.MinioObjectStore;
import uk.gov.inspectorates.portal.storage.objectstore.S3ProxyServer;
import uk.gov.inspectorates.portal.storage.TestDatabases;

/**
 * Automatic, provable removal on real components (embedded PostgreSQL, S3Proxy, the key hierarchy, BCFKS keystores),
 * each test in a database and bucket of its own, on a clock the test moves.
 */
class RemovalStorageTest {

    private static final Instant CLOSED = Instant.parse("2027-06-01T15:00:00Z");

    @TempDir
    static Path temp;

    private static S3ProxyServer server;

    private MinioObjectStore store;
    private String databaseName;
    private final AtomicBoolean deletesFail = new AtomicBoolean();
    private RemovalFixture fixture;

    @BeforeAll
    static void start() throws Exception {
        server = S3ProxyServer.start();
    }

    @AfterAll
    static void stop() throws Exception {
        server.close();
    }

    @BeforeEach
    void freshDatabaseAndBucket() throws Exception {
        String name = TestDatabases.createMigrated();
        databaseName = name;
        DataSource dataSource = TestDatabases.dataSource(name);
        RemovalFixture.seedDirectory(dataSource);
        store = server.newStore("removal-" + name);
        fixture = new RemovalFixture(dataSource, store, new FailingDeletes(store, deletesFail), temp.resolve(name));
    }

    @Test
    void aWholeInspectionGoesAtTheEndOfItsExportWindowAndNotBefore() throws Exception {
        List<StoredContent> stored = fixture.anInspectionWithEvidence("i-whole", 3, 70_000);
        StoredContent kept = stored.get(0);
        byte[] backupOfCiphertext;
        try (InputStream in = store.get(kept.objectKey())) {
            backupOfCiphertext = in.readAllBytes();
        }
        try (InputStream in = fixture.documents.open(kept)) {
            assertEquals(70_000, in.readAllBytes().length, "readable before removal");
        }
        fixture.exports.add(new ExportRecord("export-hmic-1", "i-whole", Inspectorate.HMIC, "hmic-lead",
                CLOSED.plus(Duration.ofDays(2)), 3, 210_000, "ab".repeat(32)), "archive-identity-1");
        fixture.clock.set(CLOSED);
        fixture.close("i-whole", CLOSED);
        // an event about the inspection: the trail outlives what it is about (docs/adr/0032)
        fixture.audit.record(new uk.gov.inspectorates.portal.core.audit.AuditEvent(CLOSED, "hmic-lead", "hmic",
                "INSPECTION_VIEW", "inspection", "i-whole", uk.gov.inspectorates.portal.core.audit.AuditEvent.Outcome
                .SUCCEEDED, "seen before removal").withScope(null, "i-whole", java.util.Set.of("hmic")));

        // the default window is 20 working days: 10 calendar days on, nothing goes
        fixture.clock.set(CLOSED.plus(Duration.ofDays(10)));
        RetentionRun.Result early = fixture.run.run();
        assertEquals(0, early.removed());
        assertTrue(store.keys().containsAll(stored.stream().map(StoredContent::objectKey).toList()));
        assertEquals(1, fixture.count("select count(*) from inspection where id = 'i-whole'"));

        fixture.clock.set(CLOSED.plus(Duration.ofDays(40)));
        RetentionRun.Result due = fixture.run.run();
        assertEquals(1, due.removed());
        assertEquals(0, due.failed());

        List<String> left = store.keys();
        for (StoredContent content : stored) {
            assertFalse(left.contains(content.objectKey()), "no object of the inspection is left in the store");
        }
        assertNoRowRefersTo("i-whole");
        assertEquals(0, fixture.count("select count(*) from inspection_export where inspection_id = 'i-whole'"),
                "the export records went with the inspection; the certificate names them");
        assertEquals(1, fixture.count("select count(*) from key_encryption_key where scope_kind = 'INSPECTION' "
                + "and scope_id = 'i-whole' and destroyed_at is not null and wrapped_kek is null"), "its KEK is gone");

        // a copy of an object taken before removal (a backup) no longer decrypts with the keys that remain
        store.put(kept.objectKey(), new ByteArrayInputStream(backupOfCiphertext), backupOfCiphertext.length);
        assertThrows(IllegalStateException.class, () -> fixture.documents.open(kept).readAllBytes());

        RemovalRecord record = fixture.removals.find(RetentionCategory.JTAI_AFTER_CLOSURE, "INSPECTION", "i-whole")
                .orElseThrow();
        assertEquals(RemovalStep.CERTIFIED, record.step());
        assertEquals("COMPLETED", record.status());
        assertEquals(6, record.objects());
        assertEquals(1, fixture.count("select count(*) from audit_event where action = 'RETENTION_REMOVE' "
                + "and resource_id = 'i-whole' and outcome = 'SUCCEEDED' and detail like 'tombstone%'"));
        assertEquals(1, fixture.count("select count(*) from audit_event where inspection_id = 'i-whole' "
                + "and detail = 'seen before removal'"), "removal leaves the audit trail alone");

        SignedCertificate certificate = fixture.certificates.ofInspection("i-whole").orElseThrow();
        String json = new String(certificate.canonical(), StandardCharsets.UTF_8);
        assertTrue(json.contains("\"objects\":6"), json);
        assertTrue(json.contains("\"plaintextBytes\":420000"), json);
        assertTrue(json.contains("\"agencyName\":\"Northdale Police\",\"documents\":3"), json);
        assertTrue(json.contains("\"exportId\":\"export-hmic-1\""), "who exported what beforehand: " + json);
        assertTrue(json.contains("\"kekDestroyedAt\":\"" + CLOSED.plus(Duration.ofDays(40)) + "\""), json);
        assertTrue(json.contains("\"participants\":[\"CQC\",\"HMIC\",\"OFSTED\"]"), json);
        assertTrue(verifies(fixture.signer.verificationKeyPem(), certificate.canonical(), certificate.signature()));
        byte[] tampered = certificate.canonical().clone();
        tampered[tampered.length / 2] ^= 1;
        assertFalse(verifies(fixture.signer.verificationKeyPem(), tampered, certificate.signature()));
        opensslVerifies(certificate);

        assertEquals(0, fixture.run.run().removed(), "a removal is done once");
        assertEquals(1, fixture.certificates.all().size());
    }

    @Test
    void aLegalHoldStopsTheRemovalUntilItIsLifted() throws Exception {
        List<StoredContent> stored = fixture.anInspectionWithEvidence("i-held", 1, 1_000);
        fixture.close("i-held", CLOSED);
        fixture.hold(HoldTarget.inspection("i-held"));
        fixture.clock.set(CLOSED.plus(Duration.ofDays(60)));

        RetentionRun.Result held = fixture.run.run();
        assertEquals(0, held.removed());
        assertEquals(1, held.held());
        assertTrue(store.keys().contains(stored.get(0).objectKey()));
        assertEquals(0, fixture.count("select count(*) from key_encryption_key where scope_id = 'i-held' "
                + "and destroyed_at is not null"));

        fixture.lift(HoldTarget.inspection("i-held"));
        assertEquals(1, fixture.run.run().removed());
        assertFalse(store.keys().contains(stored.get(0).objectKey()));
    }

    @Test
    void aFailingObjectStoreMakesTheRemovalFailedAndTheNextRunCompletesIt() throws Exception {
        List<StoredContent> stored = fixture.anInspectionWithEvidence("i-fail", 2, 1_000);
        fixture.close("i-fail", CLOSED);
        fixture.clock.set(CLOSED.plus(Duration.ofDays(60)));
        deletesFail.set(true);

        RetentionRun.Result failed = fixture.run.run();
        assertEquals(0, failed.removed());
        assertEquals(1, failed.failed());
        RemovalRecord record = fixture.removals.find(RetentionCategory.JTAI_AFTER_CLOSURE, "INSPECTION", "i-fail")
                .orElseThrow();
        assertEquals("FAILED", record.status());
        assertEquals(RemovalStep.KEK_DESTROYED, record.failedStep());
        assertEquals("IOException", record.failureClass());
        assertTrue(fixture.certificates.ofInspection("i-fail").isEmpty(), "no certificate for a removal not done");
        assertEquals(1, fixture.count("select count(*) from audit_event where action = 'RETENTION_REMOVE' "
                + "and resource_id = 'i-fail' and outcome = 'REFUSED' and detail like '%step=KEK_DESTROYED%'"));
        assertEquals(1, fixture.count("select count(*) from inspection where id = 'i-fail'"), "rows stay until "
                + "every object is gone");

        deletesFail.set(false);
        RetentionRun.Result next = fixture.run.run();
        assertEquals(1, next.removed());
        RemovalRecord done = fixture.removals.find(RetentionCategory.JTAI_AFTER_CLOSURE, "INSPECTION", "i-fail")
                .orElseThrow();
        assertEquals("COMPLETED", done.status());
        assertEquals(2, done.attempts());
        for (StoredContent content : stored) {
            assertFalse(store.keys().contains(content.objectKey()));
        }
        assertNoRowRefersTo("i-fail");
        assertTrue(fixture.certificates.ofInspection("i-fail").isPresent());
    }

    @Test
    void aTableHoldingObjectsWithoutNamingTheirScopeStopsTheRemovalBeforeTheKeyIsDestroyed() throws Exception {
        List<StoredContent> stored = fixture.anInspectionWithEvidence("i-stray", 1, 1_000);
        fixture.close("i-stray", CLOSED);
        fixture.clock.set(CLOSED.plus(Duration.ofDays(60)));
        fixture.execute("create table later_feature_objects (id text primary key, object_key text not null)");

        assertEquals(1, fixture.run.run().failed());
        RemovalRecord record = fixture.removals.find(RetentionCategory.JTAI_AFTER_CLOSURE, "INSPECTION", "i-stray")
                .orElseThrow();
        assertEquals("FAILED", record.status());
        assertEquals(RemovalStep.STARTED, record.failedStep());
        assertEquals("IllegalStateException", record.failureClass());
        assertEquals(0, fixture.count("select count(*) from key_encryption_key where scope_id = 'i-stray' "
                + "and destroyed_at is not null"), "the key is kept while the removal cannot see every object");
        try (InputStream in = fixture.documents.open(stored.get(0))) {
            assertEquals(1_000, in.readAllBytes().length);
        }

        fixture.execute("alter table later_feature_objects add column key_scope_kind text, "
                + "add column key_scope_id text");
        assertEquals(1, fixture.run.run().removed());
        assertFalse(store.keys().contains(stored.get(0).objectKey()));
    }

    @Test
    void aPublishedReportsCopyGoesItsPolicyPeriodAfterPublicationAndItsRowStaysToRedirect() throws Exception {
        Instant published = Instant.parse("2027-05-01T09:00:00Z");
        StoredContent report = aReport("r-pub", published, null);
        StoredContent letter = aLetter("l-cov", "r-pub", KeyScope.report("r-pub"), published);

        fixture.clock.set(published.plus(Duration.ofDays(29)));
        fixture.run.run();
        assertTrue(store.keys().contains(report.objectKey()), "not before its 30 days");
        assertEquals(1, fixture.count("select count(*) from report_letter where id = 'l-cov'"));

        fixture.clock.set(published.plus(Duration.ofDays(31)));
        fixture.run.run();
        assertFalse(store.keys().contains(report.objectKey()));
        assertFalse(store.keys().contains(letter.objectKey()));
        assertEquals(1, fixture.count("select count(*) from key_encryption_key where scope_id = 'r-pub' "
                + "and destroyed_at is not null"));
        assertEquals(0, fixture.count("select count(*) from report_letter where id = 'l-cov'"));
        assertEquals(1, fixture.count("select count(*) from report where id = 'r-pub' and published_url is not null"),
                "the row stays as the redirect to the published report (ADR 0030)");
        assertEquals("COMPLETED", fixture.removals.find(RetentionCategory.PUBLISHED_REPORT_COPIES, "REPORT_COPY",
                "r-pub").orElseThrow().status());
        assertEquals(0, fixture.run.run().removed(), "removed once");
    }

    @Test
    void aWithdrawnReportGoesOnlyWhenItsPolicySaysRemoveAndItsPeriodHasRun() throws Exception {
        Instant withdrawn = Instant.parse("2027-05-01T09:00:00Z");
        StoredContent report = aReport("r-wd", null, withdrawn);
        fixture.clock.set(withdrawn.plus(Duration.ofDays(200)));
        fixture.run.run();
        assertTrue(store.keys().contains(report.objectKey()), "the default policy says REVIEW: nothing goes");

        fixture.setPolicy(new RetentionPolicy(RetentionCategory.WITHDRAWN_REPORTS, 250, DurationUnit.CALENDAR_DAYS,
                EndAction.REMOVE, "SIRO"));
        fixture.run.run();
        assertTrue(store.keys().contains(report.objectKey()), "not before its 250 days");

        fixture.clock.set(withdrawn.plus(Duration.ofDays(251)));
        fixture.run.run();
        assertFalse(store.keys().contains(report.objectKey()));
        assertEquals(0, fixture.count("select count(*) from report where id = 'r-wd'"));
    }

    @Test
    void anAdvanceLetterWhoseReportNeverCameGoesWhenItsPolicySays() throws Exception {
        Instant sent = Instant.parse("2027-05-01T09:00:00Z");
        StoredContent letter = aLetter("l-ahead", null, KeyScope.report("ahead-scope-1"), sent);
        fixture.setPolicy(new RetentionPolicy(RetentionCategory.LETTERS, 90, DurationUnit.CALENDAR_DAYS,
                EndAction.REMOVE, "SIRO"));
        fixture.clock.set(sent.plus(Duration.ofDays(89)));
        fixture.run.run();
        assertTrue(store.keys().contains(letter.objectKey()));

        fixture.clock.set(sent.plus(Duration.ofDays(91)));
        fixture.run.run();
        assertFalse(store.keys().contains(letter.objectKey()));
        assertEquals(0, fixture.count("select count(*) from report_letter where id = 'l-ahead'"));
        assertEquals(1, fixture.count("select count(*) from key_encryption_key where scope_id = 'ahead-scope-1' "
                + "and destroyed_at is not null"));
    }

    @Test
    void aRemovalKilledPartWayIsCompletedOnceByTheNextRunAndNoOtherRunnerTouchesItMeanwhile() throws Exception {
        List<StoredContent> stored = fixture.anInspectionWithEvidence("i-kill", 20, 2_000);
        fixture.close("i-kill", CLOSED);
        Instant due = CLOSED.plus(Duration.ofDays(60));
        fixture.clock.set(due);

        Process child = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), RemovalChild.class.getName(),
                TestDatabases.jdbcUrl(databaseName), server.endpoint(), "removal-" + databaseName,
                temp.resolve(databaseName).toString(), due.toString(), "5")
                .redirectErrorStream(true).redirectOutput(temp.resolve(databaseName + "-child.log").toFile()).start();
        try {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
            while (!(fixture.count("select count(*) from removal where target_id = 'i-kill' and step = 'KEK_DESTROYED' "
                    + "and objects is not null") == 1 && remaining(stored) == 35)) {
                assertTrue(child.isAlive(), () -> "the child runner ended early: " + childLog());
                assertTrue(System.nanoTime() < deadline, "the child runner did not reach the objects step");
                Thread.sleep(50);
            }
            RetentionRun.Result meanwhile = fixture.run.run();
            assertEquals(0, meanwhile.removed());
            assertTrue(meanwhile.busy() >= 1, "the target is locked by the runner at work on it");
            assertEquals(35, remaining(stored), "a second runner touches nothing while the first holds the lock");
        } finally {
            child.destroyForcibly();
            assertTrue(child.waitFor(30, TimeUnit.SECONDS));
        }

        RemovalRecord interrupted = fixture.removals.find(RetentionCategory.JTAI_AFTER_CLOSURE, "INSPECTION", "i-kill")
                .orElseThrow();
        assertEquals("RUNNING", interrupted.status());
        assertEquals(RemovalStep.KEK_DESTROYED, interrupted.step());
        assertEquals(1, fixture.count("select count(*) from inspection where id = 'i-kill'"));

        RetentionRun.Result rerun = fixture.run.run();
        assertEquals(1, rerun.removed(), "the lock died with the killed runner");
        assertEquals(0, remaining(stored));
        assertNoRowRefersTo("i-kill");
        RemovalRecord done = fixture.removals.find(RetentionCategory.JTAI_AFTER_CLOSURE, "INSPECTION", "i-kill")
                .orElseThrow();
        assertEquals("COMPLETED", done.status());
        assertEquals(40, done.objects(), "the counts taken before the kill stand");
        assertEquals(1, fixture.count("select count(*) from removal_certificate"), "one certificate");
        assertEquals(0, fixture.run.run().removed());
        assertEquals(1, fixture.count("select count(*) from removal_certificate"));
    }

    private long remaining(List<StoredContent> stored) throws IOException {
        List<String> keys = store.keys();
        return stored.stream().filter(content -> keys.contains(content.objectKey())).count();
    }

    private String childLog() {
        try {
            return Files.readString(temp.resolve(databaseName + "-child.log"));
        } catch (IOException e) {
            return e.toString();
        }
    }

    /**
     * No row of any table with an inspection_id column, nor any row holding an object of its scope, is left; the
     * append-only audit trail aside, which outlives what it is about (docs/adr/0032).
     */
    private void assertNoRowRefersTo(String inspectionId) throws Exception {
        assertEquals(0, fixture.count("select count(*) from inspection where id = ?", inspectionId));
        List<String> tables = new ArrayList<>();
        try (Connection connection = fixture.dataSource.getConnection(); Statement statement =
                connection.createStatement(); var rows = statement.executeQuery("select table_name, column_name from "
                + "information_schema.columns where table_schema = current_schema() and column_name in "
                + "('inspection_id', 'key_scope_id') and table_name not like 'removal%'")) {
            while (rows.next()) {
                if (!uk.gov.inspectorates.portal.storage.jdbc.ApplicationRole.APPEND_ONLY_TABLES.contains(
                        rows.getString(1))) {
                    tables.add(rows.getString(1) + "." + rows.getString(2));
                }
            }
        }
        assertTrue(tables.contains("evidence_document.inspection_id"), "the check sees the inspection's tables");
        for (String table : tables) {
            String[] parts = table.split("\\.");
            assertEquals(0, fixture.count("select count(*) from " + parts[0] + " where " + parts[1] + " = ?",
                    inspectionId), "a row of " + table + " still refers to the inspection");
        }
    }

    private StoredContent aReport(String id, Instant publishedAt, Instant withdrawnAt) throws Exception {
        StoredContent content = fixture.documents.store(KeyScope.report(id), new ByteArrayInputStream(new byte[5_000]));
        try (Connection connection = fixture.dataSource.getConnection();
             var statement = connection.prepareStatement("insert into report (id, title, report_type, subject, "
                     + "classification_tier, handling_instructions, subject_had_chance_to_comment, content_final, "
                     + "subject_has_final_under_embargo, originator, addressees, shared_by, shared_at, file_name, "
                     + "media_type, object_key, wrapping_key_id, wrapped_data_key, plaintext_bytes, stored_bytes, "
                     + "plaintext_sha256, key_scope_kind, key_scope_id, published_url, published_at, "
                     + "publication_recorded_by, publication_recorded_at, withdrawal_reason, withdrawn_by, withdrawn_at) "
                     + "values (?, 'A report', 'T', 'S', 'OFFICIAL', 'none', true, true, true, 'OFSTED', '{CQC}', "
                     + "'ofsted-lead', ?, 'r.pdf', 'application/pdf', ?, ?, ?, ?, ?, ?, 'REPORT', ?, ?, ?, ?, ?, ?, ?, ?)")) {
            statement.setString(1, id);
            statement.setTimestamp(2, java.sql.Timestamp.from(RemovalFixture.OPENED));
            statement.setString(3, content.objectKey());
            statement.setString(4, content.dataKey().wrappingKeyId());
            statement.setBytes(5, content.dataKey().ciphertext());
            statement.setLong(6, content.plaintextBytes());
            statement.setLong(7, content.storedBytes());
            statement.setString(8, content.plaintextSha256());
            statement.setString(9, id);
            statement.setString(10, publishedAt == null ? null : "https://www.gov.uk/reports/" + id);
            statement.setTimestamp(11, publishedAt == null ? null : java.sql.Timestamp.from(publishedAt));
            statement.setString(12, publishedAt == null ? null : "ofsted-lead");
            statement.setTimestamp(13, publishedAt == null ? null : java.sql.Timestamp.from(publishedAt));
            statement.setString(14, withdrawnAt == null ? null : "withdrawn");
            statement.setString(15, withdrawnAt == null ? null : "ofsted-lead");
            statement.setTimestamp(16, withdrawnAt == null ? null : java.sql.Timestamp.from(withdrawnAt));
            statement.executeUpdate();
        }
        return content;
    }

    private StoredContent aLetter(String id, String reportId, KeyScope scope, Instant at) throws Exception {
        StoredContent content = fixture.documents.store(scope, new ByteArrayInputStream(new byte[2_000]));
        try (Connection connection = fixture.dataSource.getConnection();
             var statement = connection.prepareStatement("insert into report_letter (id, report_id, originator, kind, "
                     + "addressed_to, classification_tier, handling_instructions, service_provider_notified_first, "
                     + "risk_summary, added_by, added_at, file_name, media_type, object_key, wrapping_key_id, "
                     + "wrapped_data_key, plaintext_bytes, stored_bytes, plaintext_sha256, key_scope_kind, key_scope_id) "
                     + "values (?, ?, 'OFSTED', 'ADVANCE_RISK_OF_HARM', '{CQC}', 'OFFICIAL', 'none', true, 'risk', "
                     + "'ofsted-lead', ?, 'l.pdf', 'application/pdf', ?, ?, ?, ?, ?, ?, 'REPORT', ?)")) {
            statement.setString(1, id);
            statement.setString(2, reportId);
            statement.setTimestamp(3, java.sql.Timestamp.from(at));
            statement.setString(4, content.objectKey());
            statement.setString(5, content.dataKey().wrappingKeyId());
            statement.setBytes(6, content.dataKey().ciphertext());
            statement.setLong(7, content.plaintextBytes());
            statement.setLong(8, content.storedBytes());
            statement.setString(9, content.plaintextSha256());
            statement.setString(10, scope.id());
            statement.executeUpdate();
        }
        return content;
    }

    static boolean verifies(String pem, byte[] data, byte[] signature) throws Exception {
        String base64 = pem.replace("-----BEGIN PUBLIC KEY-----", "").replace("-----END PUBLIC KEY-----", "")
                .replaceAll("\\s", "");
        PublicKey key = KeyFactory.getInstance("Ed25519").generatePublic(new X509EncodedKeySpec(
                Base64.getDecoder().decode(base64)));
        Signature verifier = Signature.getInstance("Ed25519");
        verifier.initVerify(key);
        verifier.update(data);
        return verifier.verify(signature);
    }

    /** The README's command, when openssl is installed (else the JDK check above stands alone). */
    private void opensslVerifies(SignedCertificate certificate) throws Exception {
        Path directory = Files.createTempDirectory(temp, "verify");
        Files.writeString(directory.resolve("key.pem"), fixture.signer.verificationKeyPem());
        Files.write(directory.resolve("certificate.json"), certificate.canonical());
        Files.write(directory.resolve("certificate.sig"), certificate.signature());
        Process process;
        try {
            process = new ProcessBuilder("openssl", "pkeyutl", "-verify", "-pubin", "-inkey", "key.pem", "-rawin",
                    "-in", "certificate.json", "-sigfile", "certificate.sig").directory(directory.toFile())
                    .redirectErrorStream(true).start();
        } catch (IOException notInstalled) {
            return;
        }
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(process.waitFor(30, TimeUnit.SECONDS));
        assertEquals(0, process.exitValue(), output);
        assertTrue(output.contains("Signature Verified Successfully"), output);
    }

    /** The real store, whose deletes fail while the flag is set (an object store that is down). */
    static final class FailingDeletes implements ObjectStore {
        private final ObjectStore real;
        private final AtomicBoolean failing;

        FailingDeletes(ObjectStore real, AtomicBoolean failing) {
            this.real = real;
            this.failing = failing;
        }

        @Override
        public void put(String key, InputStream content, long length) throws IOException {
            real.put(key, content, length);
        }

        @Override
        public InputStream get(String key) throws IOException {
            return real.get(key);
        }

        @Override
        public void delete(String key) throws IOException {
            if (failing.get()) {
                throw new IOException("the object store does not answer");
            }
            real.delete(key);
        }

        @Override
        public List<String> keys() throws IOException {
            return real.keys();
        }

        @Override
        public List<Listed> list() throws IOException {
            return real.list();
        }

        @Override
        public void checkReachable() throws IOException {
            real.checkReachable();
        }
    }
}
