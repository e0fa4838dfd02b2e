package uk.gov.inspectorates.portal.storage.removal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import uk.gov.inspectorates.portal.core.audit.AuditActions;
import uk.gov.inspectorates.portal.core.document.KeyScope;
import uk.gov.inspectorates.portal.core.document.LedgerReplay;
import uk.gov.inspectorates.portal.core.document.LedgeredKeyService;
import uk.gov.inspectorates.portal.core.document.StoredContent;
import uk.gov.inspectorates.portal.core.document.WrappedKey;
import uk.gov.inspectorates.portal.core.removal.RetentionRun;
import uk.gov.inspectorates.portal.security.keystore.BcfksMasterKeyRing;
import uk.gov.inspectorates.portal.storage.EncryptedDocumentStore;
import uk.gov.inspectorates.portal.storage.backup.BucketBackup;
import uk.gov.inspectorates.portal.storage.backup.PostgresDump;
import uk.gov.inspectorates.portal.storage.crypto.EnvelopeCipher;
import uk.gov.inspectorates.portal.storage.jdbc.JdbcAuditTrail;
import uk.gov.inspectorates.portal.storage.jdbc.JdbcKeyService;
import uk.gov.inspectorates.portal.storage.jdbc.JdbcUnitOfWork;
import uk.gov.inspectorates.portal.storage.keys.MigrationScripts;
import uk.gov.inspectorates.portal.storage.objectstore.MinioDestroyedScopeLedger;
import uk.gov.inspectorates.portal.storage.objectstore.MinioObjectStore;
import uk.gov.inspectorates.portal.storage.objectstore.S3ProxyServer;

/**
 * Backup and restore on real components (docs/adr/0046): PostgreSQL with its own pg_dump and pg_restore, an S3 server
 * (S3Proxy) copied through the S3 API, the key hierarchy and the BCFKS keystore. A backup is taken, then an
 * inspection is removed (crypto-shredding), then everything is lost and restored from the backup taken before the
 * removal: every acknowledged document comes back byte for byte, and the removed inspection's content, back in the
 * database and the bucket with its wrapped KEK, is shredded again from the ledger kept outside the restored set.
 */
class BackupRestoreStorageTest {

    private static final Instant CLOSED = Instant.parse("2027-06-01T15:00:00Z");

    @TempDir
    static Path temp;

    private static DebianPostgres postgres;
    private static S3ProxyServer s3;

    @BeforeAll
    static void start() throws Exception {
        postgres = DebianPostgres.start();
        s3 = S3ProxyServer.start();
    }

    @AfterAll
    static void stop() throws Exception {
        if (s3 != null) {
            s3.close();
        }
        if (postgres != null) {
            postgres.close();
        }
    }

    @Test
    void aRestoreBringsBackEveryDocumentAndNeverARemovedInspectionsContent() throws Exception {
        // the live portal: a database, the document bucket, the ledger in the audit bucket (not backed up)
        postgres.execute("create database live");
        DataSource live = postgres.dataSource("live");
        MigrationScripts.apply(live);
        RemovalFixture.seedDirectory(live);
        MinioObjectStore bucket = s3.newStore("backup-live");
        MinioDestroyedScopeLedger ledger = new MinioDestroyedScopeLedger(s3.endpoint(), S3ProxyServer.ACCESS_KEY,
                S3ProxyServer.SECRET_KEY, "backup-live-audit", S3ProxyServer.REGION, Duration.ofDays(1),
                Clock.systemUTC()).prepare();
        Path keystores = Files.createDirectories(temp.resolve("keys"));
        RemovalFixture fixture = new RemovalFixture(live, bucket, bucket, keystores, ledger);

        Map<StoredContent, byte[]> kept = new LinkedHashMap<>();
        for (StoredContent document : fixture.anInspectionWithEvidence("i-kept", 2, 50_000)) {
            kept.put(document, read(fixture.documents, document));
        }
        byte[] reportBytes = new byte[120_000];
        new Random(7).nextBytes(reportBytes);
        kept.put(fixture.documents.store(KeyScope.report("r-kept"), new ByteArrayInputStream(reportBytes)),
                reportBytes);
        Map<StoredContent, byte[]> removed = new LinkedHashMap<>();
        for (StoredContent document : fixture.anInspectionWithEvidence("i-removed", 2, 40_000)) {
            removed.put(document, read(fixture.documents, document));
        }

        // the backup: the database with pg_dump, then the bucket through the S3 API
        Path backup = Files.createDirectories(temp.resolve("backup"));
        new PostgresDump(postgres.jdbcUrl("live"), "postgres", null, Optional.empty())
                .dump(backup.resolve("database.dump"));
        assertEquals(kept.size() + removed.size(), BucketBackup.backup(bucket, backup));

        // after the backup, one inspection is removed at the end of its export window
        fixture.clock.set(CLOSED);
        fixture.close("i-removed", CLOSED);
        fixture.clock.set(CLOSED.plus(Duration.ofDays(40)));
        RetentionRun.Result run = fixture.run.run();
        assertEquals(1, run.removed());
        assertEquals(0, run.failed());
        assertTrue(ledger.scopes().contains(KeyScope.inspection("i-removed")), "the ledger has the removed scope");

        // everything is lost: the database and the document bucket (the keystore and the ledger survive)
        postgres.execute("drop database live with (force)");
        for (String key : bucket.keys()) {
            bucket.delete(key);
        }

        // restore into a new database and a new bucket
        postgres.execute("create database restored");
        new PostgresDump(postgres.jdbcUrl("restored"), "postgres", null, Optional.empty())
                .restore(backup.resolve("database.dump"));
        DataSource restored = postgres.dataSource("restored");
        MinioObjectStore restoredBucket = s3.newStore("backup-restored");
        assertEquals(kept.size() + removed.size(), BucketBackup.restore(backup, restoredBucket));
        JdbcKeyService restoredKeys = new JdbcKeyService(restored, BcfksMasterKeyRing.openOrCreate(
                keystores.resolve("test-master.bcfks"), "test keystore password".toCharArray(), false),
                Clock.systemUTC());
        EncryptedDocumentStore documents = new EncryptedDocumentStore(restoredBucket, restoredKeys,
                new EnvelopeCipher());

        // the backup predates the removal: as restored, it would decrypt the removed inspection again
        StoredContent someRemoved = removed.keySet().iterator().next();
        assertArrayEquals(removed.get(someRemoved), read(documents, someRemoved),
                "without the ledger's replay the restored backup gives the removed content back");

        // the replay that the restore tool and every portal start run before anything is served
        JdbcAuditTrail restoredTrail = new JdbcAuditTrail(restored);
        LedgerReplay replay = new LedgeredKeyService(restoredKeys, ledger)
                .ledgerReplay(restoredTrail, new JdbcUnitOfWork(restored), Clock.systemUTC());
        assertEquals(1, replay.run(), "the removed inspection's KEK is destroyed again");
        assertEquals(0, replay.run(), "a second replay finds nothing live");
        assertEquals(1, restoredTrail.recent(20).stream()
                .filter(event -> AuditActions.KEY_SCOPE_DESTROYED_AGAIN.equals(event.action())).count(),
                "the restored database's trail records the scope destroyed again");

        // (a) every acknowledged document comes back byte for byte, with its rows
        for (Map.Entry<StoredContent, byte[]> document : kept.entrySet()) {
            assertArrayEquals(document.getValue(), read(documents, document.getKey()));
        }
        assertEquals(4, count(restored, "select count(*) from evidence_document where inspection_id = ?", "i-kept"));

        // (b) the removed inspection's content is back in the bucket, and nothing the system holds decrypts it
        for (StoredContent document : removed.keySet()) {
            assertTrue(restoredBucket.keys().contains(document.objectKey()), "its ciphertext was restored");
            IllegalStateException refused = assertThrows(IllegalStateException.class,
                    () -> read(documents, document));
            assertTrue(refused.getMessage().contains("destroyed"), refused.getMessage());
        }
        assertEquals(1, count(restored, "select count(*) from key_encryption_key where scope_kind = 'INSPECTION' "
                + "and scope_id = ? and wrapped_kek is null and master_key_alias is null and destroyed_at is not null",
                "i-removed"), "the restored KEK row holds no key material");
        BcfksMasterKeyRing ring = BcfksMasterKeyRing.openOrCreate(keystores.resolve("test-master.bcfks"),
                "test keystore password".toCharArray(), false);
        String kekId = someRemoved.dataKey().wrappingKeyId();
        for (Map<String, Object> kek : liveKeks(restored)) {
            for (String alias : ring.aliases()) {
                byte[] wrapped = (byte[]) kek.get("wrapped_kek");
                assertThrows(IllegalStateException.class, () -> ring.unwrap(new WrappedKey(alias, wrapped),
                        aad((String) kek.get("scope_kind"), (String) kek.get("scope_id"), kekId)),
                        "no live KEK unwraps as the removed scope's KEK");
            }
        }
    }

    private static byte[] read(EncryptedDocumentStore documents, StoredContent content) throws Exception {
        try (InputStream in = documents.open(content)) {
            return in.readAllBytes();
        }
    }

    private static long count(DataSource dataSource, String sql, String parameter) throws Exception {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setString(1, parameter);
            try (ResultSet rows = statement.executeQuery()) {
                rows.next();
                return rows.getLong(1);
            }
        }
    }

    private static List<Map<String, Object>> liveKeks(DataSource dataSource) throws Exception {
        List<Map<String, Object>> keks = new java.util.ArrayList<>();
        try (Connection connection = dataSource.getConnection();
             PreparedStatement statement = connection.prepareStatement("select scope_kind, scope_id, wrapped_kek "
                     + "from key_encryption_key where wrapped_kek is not null");
             ResultSet rows = statement.executeQuery()) {
            while (rows.next()) {
                keks.add(Map.of("scope_kind", rows.getString(1), "scope_id", rows.getString(2),
                        "wrapped_kek", rows.getBytes(3)));
            }
        }
        return keks;
    }

    private static byte[] aad(String kind, String scopeId, String kekId) {
        return ("iep-kek-v1\0" + kind + "\0" + scopeId + "\0" + kekId).getBytes(java.nio.charset.StandardCharsets.UTF_8);
    }
}
