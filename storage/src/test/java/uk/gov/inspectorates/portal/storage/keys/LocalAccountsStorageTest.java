package uk.gov.inspectorates.portal.storage.keys;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import uk.gov.inspectorates.portal.core.account.Invitation;
import uk.gov.inspectorates.portal.core.account.LocalCredential;
import uk.gov.inspectorates.portal.core.account.PasswordResets;
import uk.gov.inspectorates.portal.core.account.SessionRegistry;
import uk.gov.inspectorates.portal.core.account.SignInThrottle;
import uk.gov.inspectorates.portal.core.organisation.AgencyType;
import uk.gov.inspectorates.portal.core.organisation.LocalAuthorityArea;
import uk.gov.inspectorates.portal.core.organisation.Organisation;
import uk.gov.inspectorates.portal.core.organisation.Role;
import uk.gov.inspectorates.portal.core.organisation.UserAccount;
import uk.gov.inspectorates.portal.security.keystore.BcfksMasterKeyRing;
import uk.gov.inspectorates.portal.storage.jdbc.JdbcAuditTrail;
import uk.gov.inspectorates.portal.storage.jdbc.JdbcInvitations;
import uk.gov.inspectorates.portal.storage.jdbc.JdbcLocalCredentials;
import uk.gov.inspectorates.portal.storage.jdbc.JdbcOrganisationDirectory;
import uk.gov.inspectorates.portal.storage.jdbc.JdbcPasswordResets;
import uk.gov.inspectorates.portal.storage.jdbc.JdbcSessionRegistry;
import uk.gov.inspectorates.portal.storage.jdbc.JdbcSignInFailures;
import uk.gov.inspectorates.portal.storage.jdbc.MasterKeyRotation;
import uk.gov.inspectorates.portal.storage.TestDatabases;

/** Local accounts on real PostgreSQL (V5) and the real keystore: secrets sealed at rest, atomic single-use steps. */
class LocalAccountsStorageTest {

    private static final byte[] SECRET = "twenty bytes secret!".getBytes();
    private static final Instant NOW = Instant.parse("2030-01-10T10:00:00Z");

    @TempDir
    static Path temp;

    private static DataSource dataSource;
    private static BcfksMasterKeyRing ring;
    private static JdbcLocalCredentials credentials;
    private static JdbcOrganisationDirectory directory;

    @BeforeAll
    static void start() throws Exception {
        dataSource = TestDatabases.migrated();
        ring = BcfksMasterKeyRing.openOrCreate(temp.resolve("keys/master.bcfks"),
                "keystore password for tests".toCharArray(), true);
        credentials = new JdbcLocalCredentials(dataSource, ring);
        directory = new JdbcOrganisationDirectory(dataSource);
        directory.saveLocalAuthorityArea(new LocalAuthorityArea("Northdale", "Northdale"));
        directory.saveOrganisation(Organisation.agency("northdale-police", "Northdale Police", AgencyType.POLICE_FORCE,
                "Northdale"));
    }

    private static String aUserWithCredential(String id) {
        directory.saveUser(new UserAccount(id, id + "@northdale.police.uk", "Someone", "northdale-police",
                Set.of(Role.AGENCY_UPLOADER), Set.of(), null));
        credentials.save(new LocalCredential(id, id + "@northdale.police.uk", "hash-of-" + id, SECRET, -1,
                List.of("r1", "r2"), SignInThrottle.Failures.none()));
        return id;
    }

    private static byte[] storedSecret(String userId) throws Exception {
        try (Connection c = dataSource.getConnection();
             PreparedStatement s = c.prepareStatement("select totp_secret_encrypted from local_credential where user_id = ?")) {
            s.setString(1, userId);
            try (ResultSet row = s.executeQuery()) {
                row.next();
                return row.getBytes(1);
            }
        }
    }

    @Test
    void theTotpSecretIsEncryptedAtRestAndBoundToItsAccount() throws Exception {
        String alice = aUserWithCredential("alice");
        String bob = aUserWithCredential("bob");

        byte[] stored = storedSecret(alice);
        assertFalse(new String(stored, java.nio.charset.StandardCharsets.ISO_8859_1).contains("twenty bytes"));
        assertArrayEquals(SECRET, credentials.find(alice).orElseThrow().totpSecret());

        try (Connection c = dataSource.getConnection();
             PreparedStatement s = c.prepareStatement("update local_credential set totp_secret_encrypted = ? where user_id = ?")) {
            s.setBytes(1, stored);
            s.setString(2, bob);
            s.executeUpdate();
        }
        assertThrows(IllegalStateException.class, () -> credentials.find(bob), "a secret copied to another row");
        aUserWithCredential("bob"); // sealed properly again, for the rotation test
    }

    @Test
    void aTotpStepIsAcceptedOnlyIfLaterThanTheLastOne() {
        String id = aUserWithCredential("carol");

        assertTrue(credentials.useTotpStep(id, 100));
        assertFalse(credentials.useTotpStep(id, 100));
        assertFalse(credentials.useTotpStep(id, 99));
        assertTrue(credentials.useTotpStep(id, 101));
        assertEquals(101, credentials.find(id).orElseThrow().lastTotpStep());
    }

    @Test
    void aRecoveryCodeIsUsedOnce() {
        String id = aUserWithCredential("dave");

        assertTrue(credentials.useRecoveryCode(id, "r2"));
        assertFalse(credentials.useRecoveryCode(id, "r2"));
        assertEquals(List.of("r1"), credentials.find(id).orElseThrow().recoveryCodeHashes());
    }

    @Test
    void failuresFromManyNodesAtOnceAreAllCounted() throws Exception {
        String id = aUserWithCredential("erin");
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<?>> attempts = new java.util.ArrayList<>();
            for (int i = 0; i < 40; i++) {
                attempts.add(pool.submit(() -> credentials.recordFailure(id, NOW)));
            }
            for (Future<?> attempt : attempts) {
                attempt.get();
            }
        } finally {
            pool.shutdown();
        }
        assertEquals(new SignInThrottle.Failures(40, NOW), credentials.find(id).orElseThrow().failures());

        credentials.clearFailures(id);
        assertEquals(SignInThrottle.Failures.none(), credentials.find(id).orElseThrow().failures());
    }

    @Test
    void failuresOfANameThatIsNoAccountAreCountedConcurrentlyStartAgainAfterForgettingAndArePurged() throws Exception {
        JdbcSignInFailures names = new JdbcSignInFailures(dataSource);
        Instant forgetBefore = NOW.minusSeconds(86_400);
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<?>> attempts = new java.util.ArrayList<>();
            for (int i = 0; i < 40; i++) {
                attempts.add(pool.submit(() -> names.recordFailure("key-of-nobody", NOW, forgetBefore)));
            }
            for (Future<?> attempt : attempts) {
                attempt.get();
            }
        } finally {
            pool.shutdown();
        }
        assertEquals(new SignInThrottle.Failures(40, NOW), names.of("key-of-nobody"));
        assertEquals(SignInThrottle.Failures.none(), names.of("key-never-tried"));

        Instant dayLater = NOW.plusSeconds(86_401);
        names.recordFailure("key-of-someone-else", dayLater, dayLater.minusSeconds(86_400));
        assertEquals(SignInThrottle.Failures.none(), names.of("key-of-nobody"), "purged a day after its last failure");
        names.recordFailure("key-of-someone-else", dayLater.plusSeconds(86_401), dayLater.plusSeconds(1));
        assertEquals(new SignInThrottle.Failures(1, dayLater.plusSeconds(86_401)), names.of("key-of-someone-else"),
                "counting starts again once the last failure is forgotten");
    }

    @Test
    void sessionsAreFoundByHashTouchedAndEndedEverywhere() {
        String id = aUserWithCredential("fred");
        JdbcSessionRegistry sessions = new JdbcSessionRegistry(dataSource);
        sessions.open(new SessionRegistry.Entry("h1", id, NOW, NOW));
        sessions.open(new SessionRegistry.Entry("h2", id, NOW, NOW));

        sessions.touch("h1", NOW.plusSeconds(60));
        assertEquals(NOW.plusSeconds(60), sessions.find("h1").orElseThrow().lastSeenAt());
        assertEquals(2, sessions.closeAll(id));
        assertTrue(sessions.find("h2").isEmpty());
    }

    @Test
    void anInvitationIsAcceptedOnceAndOnlyWhileUnexpired() {
        JdbcInvitations invitations = new JdbcInvitations(dataSource);
        invitations.save(new Invitation("i1", "th1", "Gina", "gina@x.example", "northdale-police",
                Set.of(Role.AGENCY_UPLOADER, Role.ADMINISTRATOR), "admin", NOW, NOW.plusSeconds(3600), null));
        invitations.save(new Invitation("i2", "th2", "Hal", "hal@x.example", "northdale-police",
                Set.of(Role.AGENCY_UPLOADER), "admin", NOW, NOW.plusSeconds(60), null));

        assertEquals(Set.of(Role.AGENCY_UPLOADER, Role.ADMINISTRATOR),
                invitations.findByTokenHash("th1").orElseThrow().roles());
        assertEquals(2, invitations.pending("northdale-police", NOW).size());
        assertEquals(1, invitations.pending(null, NOW.plusSeconds(120)).size());
        assertFalse(invitations.accept("i2", NOW.plusSeconds(120)), "expired");
        assertTrue(invitations.accept("i1", NOW.plusSeconds(10)));
        assertFalse(invitations.accept("i1", NOW.plusSeconds(11)), "single use");
    }

    @Test
    void aResetLinkIsUsedOnce() {
        String id = aUserWithCredential("ivy");
        JdbcPasswordResets resets = new JdbcPasswordResets(dataSource);
        resets.save(new PasswordResets.Reset("rh1", id, NOW, NOW.plusSeconds(3600), null));

        assertTrue(resets.use("rh1", NOW.plusSeconds(5)));
        assertFalse(resets.use("rh1", NOW.plusSeconds(6)));
    }

    @Test
    void masterKeyRotationResealsTheSecretsAndCountsThemAsUseOfTheOldKey() throws Exception {
        String id = aUserWithCredential("jo");
        String before = ring.currentAlias();
        MasterKeyRotation rotation = new MasterKeyRotation(dataSource, ring, new JdbcAuditTrail(dataSource),
                Clock.systemUTC());
        ring.addMasterKey();
        assertTrue(rotation.usage().get(before) > 0, "retire must keep a key that seals TOTP secrets");
        assertTrue(rotation.unfinished());

        rotation.run("test");

        assertEquals(0L, rotation.usage().get(before));
        assertEquals(0, credentials.sealedUnder(ring.currentAlias()));
        assertArrayEquals(SECRET, credentials.find(id).orElseThrow().totpSecret());
    }
}
