package uk.gov.inspectorates.portal.storage.keys;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import uk.gov.inspectorates.portal.core.audit.AuditActions;
import uk.gov.inspectorates.portal.core.audit.AuditEvent;
import uk.gov.inspectorates.portal.core.document.KeyScope;
import uk.gov.inspectorates.portal.core.document.MasterKeyRing;
import uk.gov.inspectorates.portal.core.document.StoredContent;
import uk.gov.inspectorates.portal.core.document.WrappedKey;
import uk.gov.inspectorates.portal.security.keystore.BcfksMasterKeyRing;
import uk.gov.inspectorates.portal.storage.EncryptedDocumentStore;
import uk.gov.inspectorates.portal.storage.crypto.EnvelopeCipher;
import uk.gov.inspectorates.portal.storage.jdbc.JdbcAuditTrail;
import uk.gov.inspectorates.portal.storage.jdbc.JdbcKeyService;
import uk.gov.inspectorates.portal.storage.jdbc.MasterKeyRotation;
import uk.gov.inspectorates.portal.storage.objectstore.MinioObjectStore;
import uk.gov.inspectorates.portal.storage.objectstore.S3ProxyServer;
import uk.gov.inspectorates.portal.storage.TestDatabases;

/**
 * The key hierarchy on real components: PostgreSQL (embedded), an S3 API server (S3Proxy) and the BCFKS keystore.
 * Crypto-shredding, lazily created KEKs, and master-key rotation (complete and interrupted).
 */
class KeyHierarchyTest {

    private static final char[] PASSWORD = "keystore password for tests".toCharArray();

    @TempDir
    static Path temp;

    private static DataSource dataSource;
    private static S3ProxyServer server;
    private static MinioObjectStore objects;
    private static BcfksMasterKeyRing ring;
    private static JdbcKeyService keys;
    private static EncryptedDocumentStore documents;
    private static JdbcAuditTrail audit;

    @BeforeAll
    static void start() throws Exception {
        dataSource = TestDatabases.migrated();
        server = S3ProxyServer.start();
        objects = server.newStore("keys-" + UUID.randomUUID());
        ring = BcfksMasterKeyRing.openOrCreate(temp.resolve("keys/master.bcfks"), PASSWORD, true);
        keys = new JdbcKeyService(dataSource, ring, Clock.systemUTC());
        documents = new EncryptedDocumentStore(objects, keys, new EnvelopeCipher());
        audit = new JdbcAuditTrail(dataSource);
    }

    @AfterAll
    static void stop() throws Exception {
        objects.close();
        server.close();
    }

    @Test
    void afterTheScopeIsDestroyedABackupOfTheObjectCannotBeDecryptedWithAnythingTheSystemHolds() throws Exception {
        KeyScope scope = newScope();
        byte[] plaintext = random(300_000);
        StoredContent stored = documents.store(scope, new ByteArrayInputStream(plaintext));
        // the "backups": the ciphertext as the object store holds it, and the report row's wrapped data key
        byte[] backup;
        try (InputStream in = objects.get(stored.objectKey())) {
            backup = in.readAllBytes();
        }
        assertArrayEquals(plaintext, read(stored), "the backup is a good copy while the key exists");

        assertTrue(keys.destroyScope(scope));
        documents.delete(stored);

        assertFalse(objects.keys().contains(stored.objectKey()));
        Map<String, Object> row = kekRow(scope);
        assertNull(row.get("wrapped_kek"), "no key material is kept");
        assertNull(row.get("master_key_alias"));
        assertNotNull(row.get("destroyed_at"));
        // restore the backup into the bucket: it is there, but nothing the system holds decrypts it
        objects.put(stored.objectKey(), new ByteArrayInputStream(backup), backup.length);
        IllegalStateException failure = assertThrows(IllegalStateException.class, () -> documents.open(stored));
        assertTrue(failure.getMessage().contains("destroyed"), failure.getMessage());
        // no KEK row of any scope, under any master key in the keystore, unwraps the backup's data key
        for (Map<String, Object> kek : allLiveKeks()) {
            for (String alias : ring.aliases()) {
                byte[] wrappedKek = (byte[]) kek.get("wrapped_kek");
                assertThrows(IllegalStateException.class, () -> ring.unwrap(new WrappedKey(alias, wrappedKek),
                        aad((String) kek.get("scope_kind"), (String) kek.get("scope_id"), stored.dataKey().wrappingKeyId())));
            }
        }
        assertEquals(0, liveKekCount(scope));
        objects.delete(stored.objectKey());
    }

    @Test
    void destroyingOneScopeLeavesOthersReadable() throws Exception {
        KeyScope doomed = newScope();
        KeyScope kept = newScope();
        StoredContent gone = documents.store(doomed, new ByteArrayInputStream(random(1000)));
        byte[] keptBytes = random(2000);
        StoredContent stays = documents.store(kept, new ByteArrayInputStream(keptBytes));

        keys.destroyScope(doomed);

        assertThrows(IllegalStateException.class, () -> documents.open(gone));
        assertArrayEquals(keptBytes, read(stays));
    }

    @Test
    void aScopeHasOneKekSharedByItsObjectsAndADestroyedScopeCannotBeUsedAgain() throws Exception {
        KeyScope scope = newScope();
        StoredContent first = documents.store(scope, new ByteArrayInputStream(random(10)));
        StoredContent second = documents.store(scope, new ByteArrayInputStream(random(10)));
        assertEquals(first.dataKey().wrappingKeyId(), second.dataKey().wrappingKeyId());
        assertTrue(first.dataKey().wrappingKeyId().matches("kek-[0-9a-f]{32}"));

        assertTrue(keys.destroyScope(scope));
        assertFalse(keys.destroyScope(scope), "destroying twice is harmless");

        assertThrows(IllegalStateException.class,
                () -> documents.store(scope, new ByteArrayInputStream(random(10))));
        KeyScope neverUsed = newScope();
        assertFalse(keys.destroyScope(neverUsed));
        assertThrows(IllegalStateException.class, () -> keys.wrap(neverUsed, new byte[32], "objects/x"),
                "a removed scope's id is never given a key afterwards");
    }

    @Test
    void aWrappedKeyMovedToAnotherScopeOrObjectDoesNotUnwrap() throws Exception {
        KeyScope scope = newScope();
        StoredContent stored = documents.store(scope, new ByteArrayInputStream(random(10)));
        KeyScope other = newScope();
        documents.store(other, new ByteArrayInputStream(random(10)));

        assertThrows(IllegalStateException.class, () -> keys.unwrap(other, stored.dataKey(), stored.objectKey()));
        assertThrows(IllegalStateException.class, () -> keys.unwrap(scope, stored.dataKey(), "objects/other"));
        // a KEK row relabelled to another scope no longer unwraps (the scope is bound into its wrapping)
        update("update key_encryption_key set scope_id = ? where scope_kind = ? and scope_id = ?",
                scope.id() + "-moved", scope.kind().name(), scope.id());
        assertThrows(IllegalStateException.class, () -> keys.unwrap(new KeyScope(scope.kind(), scope.id() + "-moved"),
                stored.dataKey(), stored.objectKey()));
    }

    @Test
    void concurrentFirstUsesOfAScopeCreateExactlyOneKek() throws Exception {
        KeyScope scope = newScope();
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<WrappedKey>> results = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                String objectId = "objects/" + i;
                results.add(pool.submit((Callable<WrappedKey>) () -> keys.wrap(scope, new byte[32], objectId)));
            }
            for (int i = 0; i < 8; i++) {
                WrappedKey wrapped = results.get(i).get();
                assertArrayEquals(new byte[32], keys.unwrap(scope, wrapped, "objects/" + i));
            }
        } finally {
            pool.shutdownNow();
        }
        assertEquals(1, count("select count(*) from key_encryption_key where scope_kind = ? and scope_id = ?",
                scope.kind().name(), scope.id()));
    }

    @Test
    void rotationRewrapsEveryLiveKekWithoutTouchingObjectsAndResumesWhenInterrupted() throws Exception {
        Map<StoredContent, byte[]> stored = new HashMap<>();
        for (int i = 0; i < 6; i++) {
            byte[] plaintext = random(5000 + i);
            stored.put(documents.store(newScope(), new ByteArrayInputStream(plaintext)), plaintext);
        }
        KeyScope destroyed = newScope();
        documents.store(destroyed, new ByteArrayInputStream(random(10)));
        keys.destroyScope(destroyed);
        String oldAlias = ring.currentAlias();
        Map<String, byte[]> objectsBefore = snapshotObjects();
        long live = count("select count(*) from key_encryption_key where destroyed_at is null");

        String newAlias = ring.addMasterKey();
        MasterKeyRotation interrupted = new MasterKeyRotation(dataSource, failingAfter(ring, 3), audit,
                Clock.systemUTC());
        assertThrows(IllegalStateException.class, () -> interrupted.run("test"));

        assertEquals(3, count("select count(*) from key_encryption_key where master_key_alias = ?", newAlias));
        assertEquals(live - 3, count("select count(*) from key_encryption_key where master_key_alias = ?", oldAlias));
        assertTrue(interrupted.unfinished());
        AuditEvent failedRun = audit.recent(1).get(0);
        assertEquals(AuditActions.MASTER_KEY_ROTATION, failedRun.action());
        assertEquals(AuditEvent.Outcome.REFUSED, failedRun.outcome());
        assertTrue(failedRun.detail().contains("rewrapped=3 remaining=" + (live - 3)), failedRun.detail());
        for (Map.Entry<StoredContent, byte[]> entry : stored.entrySet()) {
            assertArrayEquals(entry.getValue(), read(entry.getKey()), "readable mid-rotation");
        }

        MasterKeyRotation resumed = new MasterKeyRotation(dataSource, ring, audit, Clock.systemUTC());
        MasterKeyRotation.Result result = resumed.run("test");

        assertEquals(newAlias, result.targetAlias());
        assertEquals(live - 3, result.rewrapped());
        assertEquals(0L, result.usageAfter().get(oldAlias));
        assertEquals(live, result.usageAfter().get(newAlias));
        assertFalse(resumed.unfinished());
        AuditEvent run = audit.recent(1).get(0);
        assertEquals(AuditEvent.Outcome.SUCCEEDED, run.outcome());
        assertTrue(run.detail().contains("rewrapped=" + (live - 3)), run.detail());
        assertEquals(0, count("select count(*) from key_encryption_key where destroyed_at is not null "
                + "and (wrapped_kek is not null or master_key_alias is not null)"), "tombstones stay empty");
        assertEquals(objectsBefore, snapshotObjects(), "rotation does not touch objects");

        ring.removeMasterKey(oldAlias);
        assertEquals(Set.of(newAlias), ring.aliases());
        for (Map.Entry<StoredContent, byte[]> entry : stored.entrySet()) {
            assertArrayEquals(entry.getValue(), read(entry.getKey()), "readable after the old key is gone");
        }
        StoredContent fresh = documents.store(newScope(), new ByteArrayInputStream(random(10)));
        assertEquals(newAlias, kekRow(fresh.scope()).get("master_key_alias"));
    }

    private static MasterKeyRing failingAfter(MasterKeyRing delegate, int wraps) {
        AtomicInteger count = new AtomicInteger();
        return new MasterKeyRing() {
            @Override
            public String currentAlias() {
                return delegate.currentAlias();
            }

            @Override
            public Set<String> aliases() {
                return delegate.aliases();
            }

            @Override
            public WrappedKey wrap(byte[] key, byte[] associatedData) {
                if (count.incrementAndGet() > wraps) {
                    throw new IllegalStateException("simulated failure after " + wraps + " re-wrapped keys");
                }
                return delegate.wrap(key, associatedData);
            }

            @Override
            public byte[] unwrap(WrappedKey wrapped, byte[] associatedData) {
                return delegate.unwrap(wrapped, associatedData);
            }
        };
    }

    private static byte[] read(StoredContent stored) throws IOException {
        try (InputStream in = documents.open(stored)) {
            return in.readAllBytes();
        }
    }

    private static Map<String, byte[]> snapshotObjects() throws IOException {
        Map<String, byte[]> snapshot = new HashMap<>();
        for (Path file : server.filesWithContent()) {
            snapshot.put(file.toString(), Files.readAllBytes(file));
        }
        return new java.util.TreeMap<>(snapshot) {
            @Override
            public boolean equals(Object other) {
                if (!(other instanceof Map<?, ?> that) || !keySet().equals(that.keySet())) {
                    return false;
                }
                return entrySet().stream().allMatch(e -> java.util.Arrays.equals(e.getValue(),
                        (byte[]) that.get(e.getKey())));
            }
        };
    }

    private static byte[] aad(String kind, String scopeId, String kekId) {
        return ("iep-kek-v1\0" + kind + "\0" + scopeId + "\0" + kekId).getBytes(java.nio.charset.StandardCharsets.UTF_8);
    }

    private static KeyScope newScope() {
        return KeyScope.report(UUID.randomUUID().toString().replace("-", ""));
    }

    private static Map<String, Object> kekRow(KeyScope scope) throws SQLException {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement statement = connection.prepareStatement(
                     "select * from key_encryption_key where scope_kind = ? and scope_id = ?")) {
            statement.setString(1, scope.kind().name());
            statement.setString(2, scope.id());
            try (ResultSet rows = statement.executeQuery()) {
                assertTrue(rows.next(), "no KEK row for " + scope);
                Map<String, Object> row = new HashMap<>();
                for (int i = 1; i <= rows.getMetaData().getColumnCount(); i++) {
                    row.put(rows.getMetaData().getColumnName(i), rows.getObject(i));
                }
                return row;
            }
        }
    }

    private static List<Map<String, Object>> allLiveKeks() throws SQLException {
        List<Map<String, Object>> result = new ArrayList<>();
        try (Connection connection = dataSource.getConnection();
             PreparedStatement statement = connection.prepareStatement(
                     "select scope_kind, scope_id, wrapped_kek from key_encryption_key where wrapped_kek is not null");
             ResultSet rows = statement.executeQuery()) {
            while (rows.next()) {
                result.add(Map.of("scope_kind", rows.getString(1), "scope_id", rows.getString(2),
                        "wrapped_kek", rows.getBytes(3)));
            }
        }
        return result;
    }

    private static long liveKekCount(KeyScope scope) throws SQLException {
        return count("select count(*) from key_encryption_key where scope_kind = ? and scope_id = ? "
                + "and wrapped_kek is not null", scope.kind().name(), scope.id());
    }

    private static long count(String sql, Object... parameters) throws SQLException {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                statement.setObject(i + 1, parameters[i]);
            }
            try (ResultSet rows = statement.executeQuery()) {
                rows.next();
                return rows.getLong(1);
            }
        }
    }

    private static void update(String sql, Object... parameters) throws SQLException {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                statement.setObject(i + 1, parameters[i]);
            }
            statement.executeUpdate();
        }
    }

    private static byte[] random(int size) {
        byte[] bytes = new byte[size];
        new Random(size).nextBytes(bytes);
        return bytes;
    }
}
