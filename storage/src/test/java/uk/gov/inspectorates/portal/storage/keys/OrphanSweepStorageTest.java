package uk.gov.inspectorates.portal.storage.keys;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.util.Set;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import uk.gov.inspectorates.portal.core.document.KeyScope;
import uk.gov.inspectorates.portal.core.document.StoredContent;
import uk.gov.inspectorates.portal.core.retention.OrphanSweep;
import uk.gov.inspectorates.portal.security.keystore.BcfksMasterKeyRing;
import uk.gov.inspectorates.portal.storage.EncryptedDocumentStore;
import uk.gov.inspectorates.portal.storage.crypto.EnvelopeCipher;
import uk.gov.inspectorates.portal.storage.jdbc.JdbcAuditTrail;
import uk.gov.inspectorates.portal.storage.jdbc.JdbcKeyService;
import uk.gov.inspectorates.portal.storage.jdbc.JdbcSweepRecords;
import uk.gov.inspectorates.portal.storage.objectstore.MinioObjectStore;
import uk.gov.inspectorates.portal.storage.objectstore.S3ProxyServer;
import uk.gov.inspectorates.portal.storage.TestDatabases;

/**
 * The orphan sweep on real components (embedded PostgreSQL, S3Proxy): what a crash between the object's put and the
 * report row's insert leaves (an object and a live KEK, no row) is kept within the grace period and removed after.
 */
class OrphanSweepStorageTest {

    @TempDir
    static Path temp;

    private static DataSource dataSource;
    private static S3ProxyServer server;
    private static MinioObjectStore objects;
    private static JdbcKeyService keys;
    private static EncryptedDocumentStore documents;
    private static JdbcAuditTrail audit;

    @BeforeAll
    static void start() throws Exception {
        dataSource = TestDatabases.migrated();
        server = S3ProxyServer.start();
        objects = server.newStore("sweep-" + UUID.randomUUID());
        keys = new JdbcKeyService(dataSource, BcfksMasterKeyRing.openOrCreate(temp.resolve("master.bcfks"),
                "sweep test password".toCharArray(), true), Clock.systemUTC());
        documents = new EncryptedDocumentStore(objects, keys, new EnvelopeCipher());
        audit = new JdbcAuditTrail(dataSource);
    }

    @AfterAll
    static void stop() throws Exception {
        objects.close();
        server.close();
    }

    @Test
    void anUnreferencedObjectAndKekAreKeptWithinTheGraceAndRemovedAfter() throws Exception {
        KeyScope scope = KeyScope.report(UUID.randomUUID().toString().replace("-", ""));
        StoredContent orphan = documents.store(scope, new ByteArrayInputStream(new byte[50_000]));
        assertNotNull(objects.list().stream().filter(o -> o.key().equals(orphan.objectKey())).findFirst()
                .orElseThrow().lastModified());

        OrphanSweep.Result withinGrace = new OrphanSweep(objects, new JdbcSweepRecords(dataSource), keys, audit,
                Clock.systemUTC(), Duration.ofHours(1)).sweep();
        assertFalse(withinGrace.removedAnything());
        assertTrue(objects.keys().contains(orphan.objectKey()));
        assertEquals(1, count("select count(*) from key_encryption_key where destroyed_at is null"));

        Thread.sleep(1100); // the store's last-modified times have one-second resolution
        OrphanSweep.Result after = new OrphanSweep(objects, new JdbcSweepRecords(dataSource), keys, audit,
                Clock.systemUTC(), Duration.ZERO).sweep();
        assertEquals(1, after.objectsDeleted());
        assertEquals(1, after.keksDestroyed());
        assertFalse(objects.keys().contains(orphan.objectKey()));
        assertEquals(0, count("select count(*) from key_encryption_key where destroyed_at is null"));
        assertThrows(IllegalStateException.class, () -> keys.wrap(scope, new byte[32], "x"),
                "a swept scope can never be given a key again");
        assertEquals(1, count("select count(*) from audit_event where action = 'ORPHAN_SWEEP'"));
    }

    /**
     * The objects of every table that holds them are kept, those of tables added after the sweep was written (the
     * findings letter's documents, issue 17) included: the sweep finds them by their object_key column.
     */
    @Test
    void everyTableWithObjectKeysKeepsItsObjectsFromTheSweepEvenOneAddedLater() throws Exception {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            statement.execute("create table a_later_feature (object_key text, key_scope_kind text, key_scope_id text)");
            statement.execute("insert into a_later_feature values ('objects/later-feature-object', 'INSPECTION', 'x')");
        }
        try {
            Set<String> referenced = new JdbcSweepRecords(dataSource).referencedObjectKeys();
            assertTrue(referenced.contains("objects/later-feature-object"), "a new table's object is referenced");
        } finally {
            try (Connection connection = dataSource.getConnection();
                 Statement statement = connection.createStatement()) {
                statement.execute("drop table a_later_feature");
            }
        }
    }

    private static long count(String sql) throws Exception {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery(sql)) {
            rows.next();
            return rows.getLong(1);
        }
    }
}
