package uk.gov.inspectorates.portal.deploy;

import uk.gov.inspectorates.portal.storage.removal.DebianPostgres;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Random;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import uk.gov.inspectorates.portal.core.audit.AuditActions;
import uk.gov.inspectorates.portal.core.document.KeyScope;
import uk.gov.inspectorates.portal.core.document.LedgeredKeyService;
import uk.gov.inspectorates.portal.core.document.StoredContent;
import uk.gov.inspectorates.portal.security.keystore.BcfksMasterKeyRing;
import uk.gov.inspectorates.portal.storage.EncryptedDocumentStore;
import uk.gov.inspectorates.portal.storage.crypto.EnvelopeCipher;
import uk.gov.inspectorates.portal.storage.jdbc.JdbcAuditTrail;
import uk.gov.inspectorates.portal.storage.jdbc.JdbcKeyService;
import uk.gov.inspectorates.portal.storage.keys.MigrationScripts;
import uk.gov.inspectorates.portal.storage.objectstore.MinioDestroyedScopeLedger;
import uk.gov.inspectorates.portal.storage.objectstore.MinioObjectStore;

/**
 * The operators' commands themselves ({@code scripts/backup}, {@code scripts/restore}: {@link BackupPortal}) with the
 * portal's settings, on a real PostgreSQL from the machine's packages, an S3 server and a BCFKS keystore: a restore
 * refuses to start without the ledger or with a ledger that does not hold the backup's mark (and leaves the database
 * untouched), and one with it brings back what was kept
 * and shreds again what was removed after the backup (docs/adr/0046).
 */
class BackupPortalTest {

    private static final String PASSWORD = "backup test keystore password";

    @TempDir
    static Path temp;

    private static DebianPostgres postgres;
    private static EmbeddedObjectStoreServer s3;

    @BeforeAll
    static void start() throws Exception {
        postgres = DebianPostgres.start();
        s3 = EmbeddedObjectStoreServer.start(temp.resolve("s3"), 0, "portal-documents",
                "portal-documents-audit-checkpoints");
    }

    @AfterAll
    static void stop() throws Exception {
        for (String name : List.of("portal.db.url", "portal.db.user", "portal.db.password", "portal.s3.endpoint",
                "portal.s3.access-key", "portal.s3.secret-key", "portal.s3.bucket", "portal.s3.region",
                "portal.audit.checkpoints.bucket", "portal.keystore.path", "portal.keystore.password")) {
            System.clearProperty(name);
        }
        if (s3 != null) {
            s3.close();
        }
        if (postgres != null) {
            postgres.close();
        }
    }

    @Test
    void theCommandsBackUpAndRestoreAndTheRestoreShredsWhatWasRemovedSince() throws Exception {
        postgres.execute("create database portal");
        DataSource database = postgres.dataSource("portal");
        // the whole schema (the restore records the keys it destroys again in the audit trail); Flyway itself cannot
        // load next to S3Proxy's Jackson on this class path, so the scripts run through plain JDBC
        MigrationScripts.apply(database);
        Map<String, String> settings = Map.of("portal.db.url", postgres.jdbcUrl("portal"), "portal.db.user", "postgres",
                "portal.db.password", "trust-auth-ignores-it", "portal.s3.endpoint", s3.endpoint(), "portal.s3.access-key", s3.accessKey(),
                "portal.s3.secret-key", s3.secretKey(), "portal.s3.bucket", "portal-documents", "portal.s3.region",
                "eu-west-2", "portal.keystore.path", temp.resolve("master.bcfks").toString(), "portal.keystore.password",
                PASSWORD);
        settings.forEach(System::setProperty);

        BcfksMasterKeyRing ring = BcfksMasterKeyRing.openOrCreate(temp.resolve("master.bcfks"),
                PASSWORD.toCharArray(), true);
        MinioDestroyedScopeLedger ledger = new MinioDestroyedScopeLedger(s3.endpoint(), s3.accessKey(),
                s3.secretKey(), "portal-documents-audit-checkpoints", "eu-west-2", Duration.ofDays(1),
                Clock.systemUTC()).prepare();
        LedgeredKeyService keys = new LedgeredKeyService(new JdbcKeyService(database, ring, Clock.systemUTC()), ledger);
        byte[] keptBytes = random(1, 200_000);
        byte[] removedBytes = random(2, 90_000);
        StoredContent kept;
        StoredContent removed;
        try (MinioObjectStore bucket = new MinioObjectStore(s3.endpoint(), s3.accessKey(), s3.secretKey(),
                "portal-documents", "eu-west-2")) {
            EncryptedDocumentStore documents = new EncryptedDocumentStore(bucket, keys, new EnvelopeCipher());
            kept = documents.store(KeyScope.report("r-kept"), new ByteArrayInputStream(keptBytes));
            removed = documents.store(KeyScope.report("r-removed"), new ByteArrayInputStream(removedBytes));

            Path backup = temp.resolve("backup-1");
            BackupPortal.backup(backup);
            assertTrue(Files.size(backup.resolve("database.dump")) > 0);
            assertThrows(IllegalArgumentException.class, () -> BackupPortal.backup(backup),
                    "a backup never writes into a folder that has one");
            assertTrue(ledger.holdsBackupMark(Files.readString(backup.resolve(BackupPortal.LEDGER_MARK)).strip()),
                    "the backup's mark is in the ledger");

            // after the backup, one report is removed (as DELETE /api/v1/reports/{id} does: key first)
            keys.destroyScope(removed.scope());
            documents.delete(removed);

            // the disaster: the database and the document bucket are lost
            postgres.execute("drop database portal with (force)");
            postgres.execute("create database portal");
            for (String key : bucket.keys()) {
                bucket.delete(key);
            }

            // without the ledger there is no restore, and the database is left as it was
            System.setProperty("portal.audit.checkpoints.bucket", "no-such-audit-bucket");
            assertThrows(Exception.class, () -> BackupPortal.restore(backup));
            assertEquals(0, count(database, "select count(*) from information_schema.tables where table_schema = "
                    + "'public'"), "nothing was restored");
            // nor with an audit bucket that exists but is not the one that recorded the removal (lost and
            // re-created empty, as every portal start re-creates a missing one): its ledger is empty, so a restore
            // would revive the removed report
            new MinioDestroyedScopeLedger(s3.endpoint(), s3.accessKey(), s3.secretKey(), "recreated-audit-bucket",
                    "eu-west-2", Duration.ofDays(1), Clock.systemUTC()).prepare();
            System.setProperty("portal.audit.checkpoints.bucket", "recreated-audit-bucket");
            IllegalStateException notThisLedger = assertThrows(IllegalStateException.class,
                    () -> BackupPortal.restore(backup));
            assertTrue(notThisLedger.getMessage().contains("does not hold this backup's mark"),
                    notThisLedger.getMessage());
            assertEquals(0, count(database, "select count(*) from information_schema.tables where table_schema = "
                    + "'public'"), "nothing was restored");
            System.clearProperty("portal.audit.checkpoints.bucket");

            BackupPortal.restore(backup);

            EncryptedDocumentStore restored = new EncryptedDocumentStore(bucket,
                    new JdbcKeyService(database, ring, Clock.systemUTC()), new EnvelopeCipher());
            assertArrayEquals(keptBytes, read(restored, kept), "the kept report comes back byte for byte");
            assertTrue(bucket.keys().contains(removed.objectKey()), "the removed report's ciphertext was in the backup");
            IllegalStateException refused = assertThrows(IllegalStateException.class, () -> read(restored, removed));
            assertTrue(refused.getMessage().contains("destroyed"), refused.getMessage());
            assertEquals(1, count(database, "select count(*) from key_encryption_key where scope_kind = 'REPORT' and "
                    + "scope_id = 'r-removed' and wrapped_kek is null and destroyed_at is not null"));
            assertEquals(List.of("REPORT r-removed"), new JdbcAuditTrail(database).recent(50).stream()
                    .filter(event -> AuditActions.KEY_SCOPE_DESTROYED_AGAIN.equals(event.action()))
                    .map(event -> event.resourceType() + " " + event.resourceId()).toList(),
                    "the restored database's audit trail records the key destroyed again");
        }
    }

    private static byte[] read(EncryptedDocumentStore documents, StoredContent content) throws Exception {
        try (InputStream in = documents.open(content)) {
            return in.readAllBytes();
        }
    }

    private static byte[] random(long seed, int size) {
        byte[] bytes = new byte[size];
        new Random(seed).nextBytes(bytes);
        return bytes;
    }

    private static long count(DataSource dataSource, String sql) throws Exception {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery(sql)) {
            rows.next();
            return rows.getLong(1);
        }
    }
}
