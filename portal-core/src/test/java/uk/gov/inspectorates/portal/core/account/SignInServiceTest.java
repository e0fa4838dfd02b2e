package uk.gov.inspectorates.portal.core.account;

import uk.gov.inspectorates.portal.core.access.Subject;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import uk.gov.inspectorates.portal.core.audit.AuditEvent;
import uk.gov.inspectorates.portal.core.organisation.AgencyType;
import uk.gov.inspectorates.portal.core.organisation.Inspectorate;
import uk.gov.inspectorates.portal.core.organisation.Organisation;
import uk.gov.inspectorates.portal.core.organisation.Role;
import uk.gov.inspectorates.portal.core.organisation.UserAccount;
import uk.gov.inspectorates.portal.core.testdata.MutableClock;
import uk.gov.inspectorates.portal.core.testdata.RecordingAuditTrail;

class SignInServiceTest {

    private static final String PASSWORD = "correct horse battery staple";
    private static final byte[] SECRET = "12345678901234567890".getBytes();
    private static final Organisation AGENCY = Organisation.agency("northdale-police", "Northdale Police",
            AgencyType.POLICE_FORCE, "Northdale");

    private final MutableClock clock = new MutableClock(Instant.parse("2030-01-10T10:00:10Z"));
    private final RecordingAuditTrail audit = new RecordingAuditTrail();
    private final AccountFakes.Directory directory = new AccountFakes.Directory();
    private final AccountFakes.Credentials credentials = new AccountFakes.Credentials();
    private final AccountFakes.Names names = new AccountFakes.Names();
    private final AccountFakes.PlainHasher hasher = new AccountFakes.PlainHasher();
    private final Totp totp = new Totp();
    private RecoveryCodes.Issued recovery;

    @BeforeEach
    void anAgencyUserAndAnInspector() {
        directory.saveOrganisation(AGENCY);
        directory.saveOrganisation(Organisation.of(Inspectorate.OFSTED));
        directory.saveUser(new UserAccount("u1", "pat@northdale.police.uk", "Pat", AGENCY.id(),
                Set.of(Role.AGENCY_UPLOADER), Set.of(), null));
        directory.saveUser(new UserAccount("u2", "ofsted.inspector", "Ivy", Inspectorate.OFSTED.organisationId(),
                Set.of(Role.INSPECTOR), Set.of(), null));
        recovery = new RecoveryCodes(hasher, new java.security.SecureRandom()).issue();
        for (String id : List.of("u1", "u2")) {
            credentials.save(new LocalCredential(id, null, hasher.hash(PASSWORD.toCharArray()), SECRET, -1,
                    recovery.hashes(), SignInThrottle.Failures.none()));
        }
    }

    private SignInService service(boolean demoMode) {
        return new SignInService(directory, credentials, names, hasher, audit, clock, demoMode);
    }

    private String code() {
        return totp.codeAt(SECRET, clock.instant());
    }

    private String lastDetail() {
        List<AuditEvent> events = audit.events();
        return events.get(events.size() - 1).detail();
    }

    @Test
    void passwordAndCurrentCodeSignIn() {
        Subject subject = service(false).signIn("pat@northdale.police.uk", PASSWORD.toCharArray(), code());

        assertEquals("u1", subject.userId());
        assertEquals(AuditEvent.Outcome.SUCCEEDED, audit.events().get(audit.events().size() - 1).outcome());
    }

    @Test
    void wrongPasswordWrongCodeAndMissingCodeAreRefusedAlikeButAuditedWithTheReason() {
        SignInService service = service(false);
        SignInRefused wrongPassword = assertThrows(SignInRefused.class,
                () -> service.signIn("pat@northdale.police.uk", "not it at all".toCharArray(), code()));
        assertEquals("wrong password", lastDetail());
        SignInRefused wrongCode = assertThrows(SignInRefused.class,
                () -> service.signIn("pat@northdale.police.uk", PASSWORD.toCharArray(), "000000"));
        assertEquals("wrong security code", lastDetail());
        SignInRefused noCode = assertThrows(SignInRefused.class,
                () -> service.signIn("pat@northdale.police.uk", PASSWORD.toCharArray(), ""));
        assertEquals("no security code", lastDetail());
        SignInRefused unknown = assertThrows(SignInRefused.class,
                () -> service.signIn("nobody", PASSWORD.toCharArray(), code()));
        assertEquals("unknown username", lastDetail());

        for (SignInRefused refused : List.of(wrongPassword, wrongCode, noCode, unknown)) {
            assertEquals(SignInRefused.MESSAGE, refused.getMessage());
        }
    }

    @Test
    void aCodeWorksOnce() {
        SignInService service = service(false);
        String code = code();
        service.signIn("pat@northdale.police.uk", PASSWORD.toCharArray(), code);

        assertThrows(SignInRefused.class, () -> service.signIn("pat@northdale.police.uk", PASSWORD.toCharArray(), code));
        assertEquals("security code already used", lastDetail());
    }

    @Test
    void aRecoveryCodeStandsInForTheAuthenticatorOnce() {
        SignInService service = service(false);
        String recoveryCode = recovery.codes().get(3);

        service.signIn("pat@northdale.police.uk", PASSWORD.toCharArray(), recoveryCode);
        assertTrue(lastDetail().startsWith("password and recovery code (9 left)"), lastDetail());
        assertThrows(SignInRefused.class,
                () -> service.signIn("pat@northdale.police.uk", PASSWORD.toCharArray(), recoveryCode));
        assertEquals("wrong recovery code", lastDetail());
    }

    @Test
    void repeatedFailuresLockTheAccountEvenForTheRightAnswersUntilTheLockOutEnds() {
        SignInService service = service(false);
        for (int i = 0; i <= SignInThrottle.FREE_FAILURES; i++) {
            assertThrows(SignInRefused.class,
                    () -> service.signIn("pat@northdale.police.uk", "guess".toCharArray(), "000000"));
        }

        SignInRefused locked = assertThrows(SignInRefused.class,
                () -> service.signIn("pat@northdale.police.uk", PASSWORD.toCharArray(), code()));
        assertInstanceOf(SignInLocked.class, locked);
        assertTrue(lastDetail().startsWith("locked until"), lastDetail());

        clock.advance(SignInThrottle.FIRST_LOCKOUT.plus(Duration.ofSeconds(1)));
        assertEquals("u1", service.signIn("pat@northdale.police.uk", PASSWORD.toCharArray(), code()).userId());
        assertEquals(0, credentials.find("u1").orElseThrow().failures().count(), "success clears the count");
    }

    /** Whether a username exists is not learnt from the lockout: an unknown one locks the same way, at the same point. */
    @Test
    void anUnknownUsernameIsLockedExactlyLikeAnAccountWithTheSameAnswers() {
        SignInService service = service(false);
        List<String> known = answers(service, "pat@northdale.police.uk");
        List<String> unknown = answers(service, "nobody@northdale.police.uk");

        assertEquals(known, unknown);
        assertEquals("locked", known.get(SignInThrottle.FREE_FAILURES + 1), known.toString());
        assertTrue(lastDetail().startsWith("locked until"), lastDetail());
        assertEquals(0, names.byKey.keySet().stream().filter(key -> key.contains("nobody")).count(),
                "names are kept as hashes only");
    }

    /** The answers to {@code FREE_FAILURES + 3} wrong attempts in a row, without waiting. */
    private List<String> answers(SignInService service, String username) {
        List<String> answers = new java.util.ArrayList<>();
        for (int attempt = 0; attempt < SignInThrottle.FREE_FAILURES + 3; attempt++) {
            SignInRefused refused = assertThrows(SignInRefused.class,
                    () -> service.signIn(username, "guess".toCharArray(), "000000"));
            answers.add(refused instanceof SignInLocked locked ? "locked" + (locked.retryAfterSeconds() == 60 ? ""
                    : " " + locked.retryAfterSeconds()) : refused.getMessage());
        }
        return answers;
    }

    @Test
    void aLockedAnswerSaysWhenToTryAgain() {
        SignInService service = service(false);
        for (int i = 0; i <= SignInThrottle.FREE_FAILURES; i++) {
            assertThrows(SignInRefused.class, () -> service.signIn("nobody", "guess".toCharArray(), "000000"));
        }
        clock.advance(Duration.ofSeconds(20));

        SignInLocked locked = assertThrows(SignInLocked.class,
                () -> service.signIn("nobody", "guess".toCharArray(), "000000"));

        assertEquals(40, locked.retryAfterSeconds());
        assertEquals(clock.instant().plusSeconds(40), locked.until());
        assertTrue(locked.getMessage().endsWith("Try again in 1 minute."), locked.getMessage());
    }

    @Test
    void inspectorateStaffOutsideDemoModeAreThrottledLikeAnyName() {
        SignInService service = service(false);
        for (int i = 0; i <= SignInThrottle.FREE_FAILURES; i++) {
            assertThrows(SignInRefused.class, () -> service.signIn("ofsted.inspector", "guess".toCharArray(), ""));
        }

        assertThrows(SignInLocked.class, () -> service.signIn("ofsted.inspector", PASSWORD.toCharArray(), code()));
    }

    @Test
    void failuresAreForgottenAfterADayWithoutAnyForAccountsAndNamesAlike() {
        SignInService service = service(false);
        for (String username : List.of("pat@northdale.police.uk", "nobody")) {
            for (int i = 0; i < SignInThrottle.FREE_FAILURES; i++) {
                assertThrows(SignInRefused.class, () -> service.signIn(username, "guess".toCharArray(), "000000"));
            }
        }
        clock.advance(SignInThrottle.FORGET_AFTER.plusSeconds(1));

        for (String username : List.of("pat@northdale.police.uk", "nobody")) {
            for (int i = 0; i < SignInThrottle.FREE_FAILURES; i++) {
                SignInRefused refused = assertThrows(SignInRefused.class,
                        () -> service.signIn(username, "guess".toCharArray(), "000000"));
                assertFalse(refused instanceof SignInLocked, username + " attempt " + i + " after a day");
            }
        }
        assertEquals(1, names.byKey.size(), "the store keeps only names whose failures still count");
    }

    @Test
    void outsideDemoModeInspectorateStaffMustUseTheirIdentityProvider() {
        assertThrows(SignInRefused.class,
                () -> service(false).signIn("ofsted.inspector", PASSWORD.toCharArray(), code()));
        assertEquals(SignInService.INSPECTORATE_STAFF_USE_SSO, lastDetail());
    }

    @Test
    void inDemoModeInspectorateStaffMaySignInWithPasswordAndCode() {
        assertEquals("u2", service(true).signIn("ofsted.inspector", PASSWORD.toCharArray(), code()).userId());
    }

    @Test
    void aDeactivatedPersonIsRefusedWithTheSameMessageAndTheReasonIsAudited() {
        directory.saveUser(directory.findUser("u1").orElseThrow().withActive(false));

        SignInRefused refused = assertThrows(SignInRefused.class,
                () -> service(false).signIn("pat@northdale.police.uk", PASSWORD.toCharArray(), code()));

        assertEquals(new SignInRefused().getMessage(), refused.getMessage());
        assertEquals(AuditEvent.Outcome.REFUSED, audit.events().get(audit.events().size() - 1).outcome());
        assertEquals("deactivated account", lastDetail());
    }

    @Test
    void aDeactivatedPersonsOpenSessionEndsAtTheNextRequest() {
        SignInService service = service(false);
        service.signIn("pat@northdale.police.uk", PASSWORD.toCharArray(), code());
        assertTrue(service.current("u1").isPresent());

        directory.saveUser(directory.findUser("u1").orElseThrow().withActive(false));

        assertTrue(service.current("u1").isEmpty());
    }
}
