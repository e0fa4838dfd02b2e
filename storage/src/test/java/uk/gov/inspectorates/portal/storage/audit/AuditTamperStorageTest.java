package uk.gov.inspectorates.portal.storage.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import uk.gov.inspectorates.portal.auditverifier.AuditChain;
import uk.gov.inspectorates.portal.auditverifier.SigningKeys;
import uk.gov.inspectorates.portal.core.audit.AuditCheckpoint;
import uk.gov.inspectorates.portal.core.audit.AuditCheckpointing;
import uk.gov.inspectorates.portal.core.audit.AuditEvent;
import uk.gov.inspectorates.portal.core.audit.AuditEvent.Outcome;
import uk.gov.inspectorates.portal.core.audit.AuditEventFields;
import uk.gov.inspectorates.portal.core.audit.AuditVerification;
import uk.gov.inspectorates.portal.core.audit.ChainVerification;
import uk.gov.inspectorates.portal.security.signing.Ed25519CheckpointSigner;
import uk.gov.inspectorates.portal.storage.jdbc.JdbcAuditChainReader;
import uk.gov.inspectorates.portal.storage.jdbc.JdbcAuditCheckpoints;
import uk.gov.inspectorates.portal.storage.jdbc.JdbcAuditTrail;
import uk.gov.inspectorates.portal.storage.jdbc.JdbcUnitOfWork;
import uk.gov.inspectorates.portal.storage.objectstore.MinioCheckpointArchive;
import uk.gov.inspectorates.portal.storage.objectstore.MinioObjectStore;
import uk.gov.inspectorates.portal.storage.objectstore.S3ProxyServer;
import uk.gov.inspectorates.portal.storage.TestDatabases;

/**
 * The portal's verifier on real PostgreSQL and a real S3 server, tampered with through the superuser's connection
 * (triggers switched off, as an operator could): seeded random trails and every kind of tamper the issue lists, each
 * detected in every trial; the untouched trail verifies intact up to its last checkpoint.
 */
class AuditTamperStorageTest {

    private static final long SEED = 18_0025L;
    private static final int TRIALS_PER_KIND = 6;
    private static final String[] COLUMNS = {"at", "actor_id", "actor_organisation_id", "actor_roles", "action",
        "resource_type", "resource_id", "report_id", "inspection_id", "information_owners", "outcome", "detail",
        "download_id", "client_address", "user_agent"};

    enum Tamper {
        EDIT_FIELD, EDIT_FIELD_AND_RECHAIN, DELETE_EVENT, INSERT_EVENT, REORDER_EVENTS, TRUNCATE_TAIL_PAST_CHECKPOINT,
        REPLACE_CHECKPOINT_IN_DATABASE, REPLACE_CHECKPOINT_IN_BOTH, RESIGN_CHECKPOINT_WITH_OTHER_KEY,
        DELETE_DATABASE_CHECKPOINT
    }

    private static DataSource dataSource;
    private static S3ProxyServer s3;
    private static Ed25519CheckpointSigner signer;
    private static KeyPair otherKey;
    private static MinioCheckpointArchive archive;
    /** The same bucket through the document store's adapter, to empty it and to forge copies (no object lock). */
    private static MinioObjectStore bucket;

    private AuditCheckpointing checkpointing;
    private ChainVerification verification;

    @BeforeAll
    static void start() throws Exception {
        dataSource = TestDatabases.migrated();
        s3 = S3ProxyServer.start();
        Path keys = Files.createTempDirectory("audit-signing");
        signer = Ed25519CheckpointSigner.openOrCreate(keys.resolve("audit-signing.bcfks"),
                "test-password".toCharArray(), true);
        otherKey = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
        archive = new MinioCheckpointArchive(s3.endpoint(), S3ProxyServer.ACCESS_KEY, S3ProxyServer.SECRET_KEY,
                "audit-checkpoints", S3ProxyServer.REGION, Duration.ofDays(1)).prepare();
        bucket = s3.newStore("audit-checkpoints");
    }

    @AfterAll
    static void stop() throws Exception {
        s3.close();
    }

    /** An empty trail, checkpoint table and archive bucket for each trial. */
    private void fresh() throws Exception {
        asOwner("truncate audit_event, audit_checkpoint");
        for (String key : bucket.keys()) {
            bucket.delete(key);
        }
        JdbcAuditChainReader reader = new JdbcAuditChainReader(dataSource);
        JdbcAuditCheckpoints checkpoints = new JdbcAuditCheckpoints(dataSource);
        checkpointing = new AuditCheckpointing(reader, checkpoints, archive, signer, new JdbcUnitOfWork(dataSource),
                Clock.systemUTC(), new AuditCheckpointing.Cadence(Duration.ofMinutes(1), 0));
        verification = new ChainVerification(reader, checkpoints, archive, signer, new JdbcUnitOfWork(dataSource));
    }

    /** Runs SQL as the database's superuser with triggers off: what an operator with the owner's password can do. */
    private static void asOwner(String sql, Object... parameters) throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            try (Statement statement = connection.createStatement()) {
                statement.execute("set session_replication_role = replica");
            }
            try (PreparedStatement statement = connection.prepareStatement(sql)) {
                for (int i = 0; i < parameters.length; i++) {
                    statement.setObject(i + 1, parameters[i]);
                }
                statement.execute();
            }
        }
    }

    // ---- a v2 trail written as the trail writes it (chain version 2, the odd seq skipped as a rollback would)

    private static AuditEvent randomEvent(Random random) {
        String[] organisations = {"ofsted", "cqc", "hmic", "northdale-council", null};
        return new AuditEvent(Instant.parse("2026-12-06T08:00:00Z").plusMillis(random.nextInt(10_000_000))
                .plusNanos(random.nextInt(1000) * 1000L), "u-" + random.nextInt(50),
                organisations[random.nextInt(organisations.length)], "INSPECTOR", "REPORT_VIEW", "REPORT",
                "r-" + random.nextInt(100), random.nextBoolean() ? "r-" + random.nextInt(100) : null, null,
                random.nextBoolean() ? Set.of("ofsted") : Set.of("ofsted", "cqc"),
                Outcome.values()[random.nextInt(3)], random.nextInt(4) == 0 ? "=cmd|' /C calc'!A0" : "detail",
                random.nextBoolean() ? "d-" + random.nextInt(1000) : null, "203.0.113." + random.nextInt(255),
                "Mozilla/5.0 \"quoted\", comma");
    }

    private static long append(AuditEvent event, boolean skipOne) throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            long seq = nextSeq(connection);
            if (skipOne) {
                seq = nextSeq(connection);
            }
            byte[] previous = null;
            try (Statement statement = connection.createStatement();
                 ResultSet row = statement.executeQuery("select hash from audit_event order by seq desc limit 1")) {
                if (row.next()) {
                    previous = row.getBytes(1);
                }
            }
            byte[] digest = AuditEventFields.contentDigest(seq, event);
            insert(connection, seq, event, previous, digest, AuditChain.link(previous, digest));
            return seq;
        }
    }

    private static long nextSeq(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement();
             ResultSet row = statement.executeQuery("select nextval(pg_get_serial_sequence('audit_event', 'seq'))")) {
            row.next();
            return row.getLong(1);
        }
    }

    private static void insert(Connection connection, long seq, AuditEvent event, byte[] previous, byte[] digest,
                               byte[] hash) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement("insert into audit_event (seq, at, actor_id, "
                + "actor_organisation_id, action, resource_type, resource_id, outcome, detail, previous_hash, hash, "
                + "actor_roles, report_id, inspection_id, information_owners, download_id, client_address, "
                + "user_agent, chain_version, content_digest) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, "
                + "?, ?, 2, ?)")) {
            insert.setLong(1, seq);
            insert.setTimestamp(2, Timestamp.from(event.at()));
            insert.setString(3, event.actorId());
            insert.setString(4, event.actorOrganisationId());
            insert.setString(5, event.action());
            insert.setString(6, event.resourceType());
            insert.setString(7, event.resourceId());
            insert.setString(8, event.outcome().name());
            insert.setString(9, event.detail());
            insert.setBytes(10, previous);
            insert.setBytes(11, hash);
            insert.setString(12, event.actorRoles());
            insert.setString(13, event.reportId());
            insert.setString(14, event.inspectionId());
            insert.setArray(15, connection.createArrayOf("text", event.informationOwners().toArray()));
            insert.setString(16, event.downloadId());
            insert.setString(17, event.clientAddress());
            insert.setString(18, event.userAgent());
            insert.setBytes(19, digest);
            insert.executeUpdate();
        }
    }

    /** A trail of events with checkpoints along it, one on its last event or a few events before the end. */
    private record Trail(List<Long> seqs, List<Long> checkpoints) {
        long lastCheckpoint() {
            return checkpoints.get(checkpoints.size() - 1);
        }

        long last() {
            return seqs.get(seqs.size() - 1);
        }
    }

    private Trail trail(Random random) throws Exception {
        fresh();
        List<Long> seqs = new ArrayList<>();
        List<Long> checkpoints = new ArrayList<>();
        int events = 10 + random.nextInt(20);
        int uncovered = random.nextInt(3);
        for (int i = 0; i < events; i++) {
            seqs.add(append(randomEvent(random), i == 1 || random.nextInt(6) == 0));
            if (random.nextInt(5) == 0 || i == events - 1 - uncovered) {
                checkpoints.add(checkpointing.atHead().orElseThrow().seq());
            }
        }
        return new Trail(seqs, checkpoints);
    }

    @Test
    void anUntouchedTrailIsIntactUpToItsLastCheckpoint() throws Exception {
        Random random = new Random(SEED);
        for (int trial = 0; trial < 5; trial++) {
            Trail trail = trail(random);
            ChainVerification.Report report = verification.report();
            AuditVerification result = report.verification();
            assertTrue(result.intact(), "trial " + trial + ": " + result);
            assertEquals(trail.seqs().size(), result.eventsChecked());
            assertEquals(trail.lastCheckpoint(), result.checkpointSeq());
            assertNull(result.firstBrokenSeq());
            assertEquals(trail.seqs().stream().filter(seq -> seq > trail.lastCheckpoint()).count(),
                    report.eventsNotCovered());
        }
    }

    @Test
    void everyKindOfTamperIsDetectedInEveryTrial() throws Exception {
        Random random = new Random(SEED);
        Map<Tamper, Integer> detected = new EnumMap<>(Tamper.class);
        for (Tamper tamper : Tamper.values()) {
            for (int trial = 0; trial < TRIALS_PER_KIND; trial++) {
                Trail trail = trail(random);
                assertTrue(verification.verify().intact(), tamper + " trial " + trial + " before tampering");
                long at = tamper(tamper, trail, random);
                AuditVerification result = verification.verify();
                assertFalse(result.intact(), "seed " + SEED + ": " + tamper + " at seq " + at + " in trial " + trial
                        + " went unnoticed: " + result);
                assertNotNull(result.firstBrokenSeq());
                assertNotNull(result.problem());
                detected.merge(tamper, 1, Integer::sum);
            }
        }
        for (Tamper tamper : Tamper.values()) {
            assertEquals(TRIALS_PER_KIND, detected.get(tamper), tamper.name());
        }
    }

    /** Tampers as an operator would; returns the seq tampered with. */
    private long tamper(Tamper tamper, Trail trail, Random random) throws Exception {
        List<Long> covered = trail.seqs().stream().filter(seq -> seq <= trail.lastCheckpoint()).toList();
        long seq = trail.seqs().get(random.nextInt(trail.seqs().size()));
        switch (tamper) {
            case EDIT_FIELD -> editField(seq, random);
            case EDIT_FIELD_AND_RECHAIN -> {
                seq = covered.get(random.nextInt(covered.size()));
                editField(seq, random);
                rechainFrom(seq);
            }
            case DELETE_EVENT -> {
                // the newest event, when no checkpoint covers it yet, is as deniable as a forged new one (ADR 0031)
                List<Long> deletable = trail.last() > trail.lastCheckpoint()
                        ? trail.seqs().subList(0, trail.seqs().size() - 1) : trail.seqs();
                seq = deletable.get(random.nextInt(deletable.size()));
                asOwner("delete from audit_event where seq = ?", seq);
            }
            case INSERT_EVENT -> {
                // into a gap the trail left (a rolled-back append), chained to the event before it
                List<Long> gaps = new ArrayList<>();
                for (int i = 1; i < trail.seqs().size(); i++) {
                    if (trail.seqs().get(i) - trail.seqs().get(i - 1) > 1) {
                        gaps.add(trail.seqs().get(i) - 1);
                    }
                }
                seq = gaps.get(random.nextInt(gaps.size()));
                byte[] previous = hashOf(seq - 1);
                AuditEvent forged = randomEvent(random);
                byte[] digest = AuditEventFields.contentDigest(seq, forged);
                try (Connection connection = dataSource.getConnection()) {
                    insert(connection, seq, forged, previous, digest, AuditChain.link(previous, digest));
                }
            }
            case REORDER_EVENTS -> {
                long other = seq;
                while (other == seq) {
                    other = trail.seqs().get(random.nextInt(trail.seqs().size()));
                }
                String columns = String.join(", ", COLUMNS);
                String fromOther = String.join(", ", java.util.Arrays.stream(COLUMNS).map(c -> "o." + c).toList());
                asOwner("update audit_event e set (" + columns + ") = (select " + fromOther + " from audit_event o "
                        + "where o.seq = case when e.seq = ? then ?::bigint else ?::bigint end) where e.seq in (?, ?)",
                        seq, other, seq, seq, other);
            }
            case TRUNCATE_TAIL_PAST_CHECKPOINT -> {
                seq = covered.get(random.nextInt(covered.size()));
                asOwner("delete from audit_event where seq >= ?", seq);
            }
            case REPLACE_CHECKPOINT_IN_DATABASE, REPLACE_CHECKPOINT_IN_BOTH -> {
                seq = trail.checkpoints().get(random.nextInt(trail.checkpoints().size()));
                AuditCheckpoint forged = signedByOtherKey(seq, hashOf(covered.get(random.nextInt(covered.size()))),
                        random.nextBoolean() ? signer.keyId() : SigningKeys.keyId(otherKey.getPublic()));
                replaceCheckpoint(forged, tamper == Tamper.REPLACE_CHECKPOINT_IN_BOTH);
            }
            case RESIGN_CHECKPOINT_WITH_OTHER_KEY -> {
                seq = trail.checkpoints().get(random.nextInt(trail.checkpoints().size()));
                replaceCheckpoint(signedByOtherKey(seq, hashOf(seq), signer.keyId()), true);
            }
            case DELETE_DATABASE_CHECKPOINT -> {
                seq = trail.checkpoints().get(random.nextInt(trail.checkpoints().size()));
                asOwner("delete from audit_checkpoint where seq = ?", seq);
            }
        }
        return seq;
    }

    private static void editField(long seq, Random random) throws SQLException {
        String column = COLUMNS[random.nextInt(COLUMNS.length)];
        switch (column) {
            case "at" -> asOwner("update audit_event set at = at + interval '1 microsecond' where seq = ?", seq);
            case "information_owners" -> asOwner("update audit_event set information_owners = "
                    + "array_append(information_owners, 'hmic') where seq = ?", seq);
            case "outcome" -> asOwner("update audit_event set outcome = case outcome when 'SUCCEEDED' then 'DENIED' "
                    + "else 'SUCCEEDED' end where seq = ?", seq);
            case "action" -> asOwner("update audit_event set action = action || 'X' where seq = ?", seq);
            default -> asOwner("update audit_event set " + column + " = case when " + column + " is null then '' "
                    + "else null end where seq = ?", seq);
        }
    }

    /** A careful forger recomputes the edited event's digest and every hash after it (a signature still stops them). */
    private static void rechainFrom(long seq) throws SQLException {
        JdbcAuditChainReader reader = new JdbcAuditChainReader(dataSource);
        List<long[]> order = new ArrayList<>();
        List<byte[]> hashes = new ArrayList<>();
        byte[][] previous = {hashOf(seq - 1)};
        reader.inOrder(seq, Long.MAX_VALUE, stored -> {
            byte[] digest = AuditEventFields.contentDigest(stored.seq(), stored.event());
            byte[] hash = AuditChain.link(previous[0], digest);
            order.add(new long[] {stored.seq()});
            hashes.add(previous[0]);
            hashes.add(hash);
            hashes.add(digest);
            previous[0] = hash;
        });
        for (int i = 0; i < order.size(); i++) {
            asOwner("update audit_event set previous_hash = ?, hash = ?, content_digest = ? where seq = ?",
                    hashes.get(3 * i), hashes.get(3 * i + 1), hashes.get(3 * i + 2), order.get(i)[0]);
        }
    }

    private static byte[] hashOf(long seq) throws SQLException {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement statement = connection.prepareStatement(
                     "select hash from audit_event where seq <= ? order by seq desc limit 1")) {
            statement.setLong(1, seq);
            try (ResultSet row = statement.executeQuery()) {
                return row.next() ? row.getBytes(1) : null;
            }
        }
    }

    private AuditCheckpoint signedByOtherKey(long seq, byte[] head, String keyId) throws Exception {
        Instant at = Instant.now().truncatedTo(java.time.temporal.ChronoUnit.MICROS);
        Signature signature = Signature.getInstance("Ed25519");
        signature.initSign(otherKey.getPrivate());
        signature.update(AuditChain.checkpointPayload(seq, head, at, keyId).getBytes(StandardCharsets.UTF_8));
        return new AuditCheckpoint(seq, head == null ? new byte[32] : head, at, keyId, signature.sign());
    }

    /** Replaces the database's row, and (S3Proxy has no object lock) the archive's copy too when asked. */
    private void replaceCheckpoint(AuditCheckpoint forged, boolean inTheArchiveToo) throws Exception {
        asOwner("update audit_checkpoint set head_hash = ?, at = ?, key_id = ?, signature = ? where seq = ?",
                forged.headHash(), Timestamp.from(forged.at()), forged.keyId(), forged.signature(), forged.seq());
        if (inTheArchiveToo) {
            bucket.delete(String.format("audit-checkpoints/%020d.json", forged.seq()));
            archive.keep(forged);
        }
    }

    @Test
    void theCheckpointTableRefusesChangesAndTheArchiveNeverReplacesACopy() throws Exception {
        Trail trail = trail(new Random(SEED + 1));
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            SQLException update = assertThrows(SQLException.class,
                    () -> statement.executeUpdate("update audit_checkpoint set key_id = 'x'"));
            assertTrue(update.getMessage().contains("append-only"), update.getMessage());
            assertThrows(SQLException.class, () -> statement.executeUpdate("delete from audit_checkpoint"));
            assertThrows(SQLException.class, () -> statement.executeUpdate("truncate audit_checkpoint"));
        }
        AuditCheckpoint kept = archive.find(trail.lastCheckpoint()).orElseThrow();
        assertThrows(IllegalStateException.class, () -> archive.keep(kept));
        // S3Proxy does not keep object-lock retention: the archive says it holds plain objects
        assertTrue(archive.protection().startsWith("plain objects"), archive.protection());
    }

    @Test
    void aCheckpointIsTakenOnlyWhenTheHeadHasMovedAndOneAtATime() throws Exception {
        fresh();
        assertTrue(checkpointing.takeIfDue().isEmpty(), "an empty trail has nothing to sign");
        append(randomEvent(new Random(1)), false);
        AuditCheckpoint first = checkpointing.takeIfDue().orElseThrow();
        assertTrue(checkpointing.takeIfDue().isEmpty(), "the head has not moved");
        assertEquals(first.seq(), checkpointing.atHead().orElseThrow().seq(), "the export reuses it");
        long seq = append(randomEvent(new Random(2)), false);
        assertTrue(checkpointing.takeIfDue().isEmpty(), "moved, but the interval has not passed");
        assertEquals(seq, checkpointing.atHead().orElseThrow().seq(), "an export always gets one at the head");
        assertThrows(IllegalStateException.class, () -> new JdbcAuditCheckpoints(dataSource).lockForWriting());
    }
}
