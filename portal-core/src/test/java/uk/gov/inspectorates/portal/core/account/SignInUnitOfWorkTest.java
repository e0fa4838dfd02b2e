package uk.gov.inspectorates.portal.core.account;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import uk.gov.inspectorates.portal.core.audit.AuditEvent.Outcome;
import uk.gov.inspectorates.portal.core.audit.AuditTrail;
import uk.gov.inspectorates.portal.core.organisation.AgencyType;
import uk.gov.inspectorates.portal.core.organisation.Organisation;
import uk.gov.inspectorates.portal.core.organisation.Role;
import uk.gov.inspectorates.portal.core.organisation.UserAccount;
import uk.gov.inspectorates.portal.core.testdata.Journal;
import uk.gov.inspectorates.portal.core.testdata.MutableClock;
import uk.gov.inspectorates.portal.core.testdata.RecordingAuditTrail;
import uk.gov.inspectorates.portal.core.testdata.UnitOfWorkProbe;

/**
 * A sign-in's success (failures cleared, SIGN_IN SUCCEEDED) is one unit of work; a refusal's counted failure is not
 * in any unit, so that throwing the refusal cannot roll back the count the lockout depends on.
 */
class SignInUnitOfWorkTest {

    private static final String PASSWORD = "correct horse battery staple";
    private static final byte[] SECRET = "12345678901234567890".getBytes();

    private final MutableClock clock = new MutableClock(Instant.parse("2030-01-10T10:00:10Z"));
    private final Journal journal = new Journal();
    private final AccountFakes.PlainHasher hasher = new AccountFakes.PlainHasher();
    private final AccountFakes.Directory directory = new AccountFakes.Directory();
    private final LocalCredentials credentials = journal.port(LocalCredentials.class, new AccountFakes.Credentials());
    private final SignInService service;

    SignInUnitOfWorkTest() {
        Organisation agency = Organisation.agency("northdale-police", "Northdale Police", AgencyType.POLICE_FORCE,
                "Northdale");
        directory.saveOrganisation(agency);
        directory.saveUser(new UserAccount("u1", "pat@northdale.police.uk", "Pat", agency.id(),
                Set.of(Role.AGENCY_UPLOADER), Set.of(), null));
        RecoveryCodes.Issued recovery = new RecoveryCodes(hasher, new java.security.SecureRandom()).issue();
        credentials.save(new LocalCredential("u1", null, hasher.hash(PASSWORD.toCharArray()), SECRET, -1,
                recovery.hashes(), SignInThrottle.Failures.none()));
        service = new SignInService(directory, credentials, new AccountFakes.Names(), hasher,
                journal.port(AuditTrail.class, new RecordingAuditTrail()), clock, false, new UnitOfWorkProbe());
    }

    @Test
    void aWrongPasswordIsCountedOutsideAnyUnitAndASuccessClearsTheCountInsideOne() {
        assertThrows(SignInRefused.class, () -> service.signIn("pat@northdale.police.uk",
                "wrong".toCharArray(), new Totp().codeAt(SECRET, clock.instant())));

        List<Journal.Call> counted = journal.calls(LocalCredentials.class, "recordFailure");
        assertEquals(1, counted.size());
        assertFalse(counted.get(0).insideUnit(), "the failure must outlive the refusal's exception");
        assertTrue(journal.recorded(Outcome.REFUSED).stream().noneMatch(Journal.Call::insideUnit));

        clock.advance(java.time.Duration.ofSeconds(30));
        service.signIn("pat@northdale.police.uk", PASSWORD.toCharArray(), new Totp().codeAt(SECRET, clock.instant()));

        List<Journal.Call> cleared = journal.calls(LocalCredentials.class, "clearFailures");
        assertFalse(cleared.isEmpty());
        assertTrue(cleared.get(cleared.size() - 1).insideUnit(), "cleared with the success it follows from");
        List<Journal.Call> succeeded = journal.recorded(Outcome.SUCCEEDED);
        assertEquals(1, succeeded.size());
        assertTrue(succeeded.get(0).insideUnit());
    }
}
