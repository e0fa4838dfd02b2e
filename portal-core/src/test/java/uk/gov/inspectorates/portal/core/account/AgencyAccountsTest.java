package uk.gov.inspectorates.portal.core.account;

import uk.gov.inspectorates.portal.core.access.AccessPolicy;
import uk.gov.inspectorates.portal.core.access.PolicyGate;
import uk.gov.inspectorates.portal.core.access.Subject;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static uk.gov.inspectorates.portal.core.testdata.SubjectBuilder.aSubject;

import uk.gov.inspectorates.portal.core.notification.NoticeKind;
import uk.gov.inspectorates.portal.core.notification.Recipients;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import uk.gov.inspectorates.portal.core.audit.AuditActions;
import uk.gov.inspectorates.portal.core.audit.AuditEvent;
import uk.gov.inspectorates.portal.core.organisation.AgencyType;
import uk.gov.inspectorates.portal.core.organisation.Inspectorate;
import uk.gov.inspectorates.portal.core.organisation.Organisation;
import uk.gov.inspectorates.portal.core.organisation.Role;
import uk.gov.inspectorates.portal.core.shared.AccessDenied;
import uk.gov.inspectorates.portal.core.shared.InvalidInput;
import uk.gov.inspectorates.portal.core.shared.NotFound;
import uk.gov.inspectorates.portal.core.testdata.MutableClock;
import uk.gov.inspectorates.portal.core.testdata.RecordingAuditTrail;

class AgencyAccountsTest {

    private static final Organisation NORTHDALE = Organisation.agency("northdale-childrens-services",
            "Northdale Council Children's Services", AgencyType.LOCAL_AUTHORITY_CHILDRENS_SERVICES, "Northdale");
    private static final String GOOD_PASSWORD = "lantern orchard kettle violin";
    private static final String LINKS = "/invitations/";

    private final MutableClock clock = new MutableClock(Instant.parse("2030-01-10T10:00:10Z"));
    private final RecordingAuditTrail audit = new RecordingAuditTrail();
    private final AccountFakes.Directory directory = new AccountFakes.Directory();
    private final AccountFakes.Credentials credentials = new AccountFakes.Credentials();
    private final AccountFakes.InvitationBook invitations = new AccountFakes.InvitationBook();
    private final AccountFakes.Resets resets = new AccountFakes.Resets();
    private final AccountFakes.Outbox outbox = new AccountFakes.Outbox();
    private final AccountFakes.Sessions sessionRegistry = new AccountFakes.Sessions();
    private final AccountFakes.PlainHasher hasher = new AccountFakes.PlainHasher();
    private final PortalSessions sessions = new PortalSessions(sessionRegistry, audit, clock,
            new PortalSessions.Timeouts(Duration.ofMinutes(30), Duration.ofHours(12)));
    private final SignInService signIn = new SignInService(directory, credentials, hasher, audit, clock, false);
    private final AgencyAccounts accounts = new AgencyAccounts(directory, credentials, invitations, resets, outbox,
            hasher, PasswordPolicy.withCommonPasswords(), new PolicyGate(new AccessPolicy(), audit, clock),
            sessions, signIn, new AgencyAccounts.Settings(Duration.ofHours(72), Duration.ofHours(1)));
    private final Subject inspectorateAdmin = aSubject().withId("admin-1").of(Inspectorate.OFSTED)
            .withRoles(Role.ADMINISTRATOR).build();

    @BeforeEach
    void anAgency() {
        directory.saveOrganisation(NORTHDALE);
        directory.saveOrganisation(Organisation.of(Inspectorate.OFSTED));
    }

    private String invitePat() {
        accounts.invite(inspectorateAdmin, new AgencyAccounts.InvitationRequest("Pat Smith", "Pat@Northdale.gov.uk",
                NORTHDALE.id(), Set.of(Role.AGENCY_UPLOADER)), LINKS);
        return outbox.lastToken();
    }

    private AgencyAccounts.Accepted accept(String token) {
        String hash = accounts.newPasswordHash(token, GOOD_PASSWORD);
        AgencyAccounts.Enrolment enrolment = accounts.newEnrolment("pat@northdale.gov.uk");
        return accounts.accept(token, hash, enrolment.secret(), new Totp().codeAt(enrolment.secret(), clock.instant()));
    }

    @Test
    void theLinkGoesToTheInviteeAndOnlyItsHashIsKept() {
        String token = invitePat();

        assertEquals(List.of(Recipients.address("Pat@Northdale.gov.uk")), outbox.sent.get(0).recipients());
        assertEquals(NoticeKind.ACCOUNT_INVITATION, outbox.sent.get(0).kind());
        assertEquals(LINKS + token, outbox.sent.get(0).link());
        Invitation stored = invitations.byId.values().iterator().next();
        assertFalse(stored.tokenHash().contains(token));
        assertEquals(PortalSessions.hash(token), stored.tokenHash());
        assertEquals(clock.instant().plus(Duration.ofHours(72)), stored.expiresAt());
    }

    @Test
    void acceptingCreatesTheAccountWithAuthenticatorAndRecoveryCodesAndTheLinkWorksOnce() {
        String token = invitePat();

        AgencyAccounts.Accepted accepted = accept(token);

        assertEquals("pat@northdale.gov.uk", accepted.subject().username());
        assertEquals(Set.of(Role.AGENCY_UPLOADER), accepted.subject().roles());
        assertEquals(RecoveryCodes.COUNT, accepted.recoveryCodes().size());
        LocalCredential credential = credentials.find(accepted.subject().userId()).orElseThrow();
        assertEquals(RecoveryCodes.COUNT, credential.recoveryCodeHashes().size());
        assertTrue(accounts.openInvitation(token).isEmpty());
        assertThrows(NotFound.class, () -> accounts.newPasswordHash(token, GOOD_PASSWORD));
    }

    @Test
    void aCommonPasswordIsRefusedWithTheReason() {
        String token = invitePat();

        InvalidInput refused = assertThrows(InvalidInput.class, () -> accounts.newPasswordHash(token, "password1234"));
        assertEquals("Your password is too common. Choose another", refused.errors().get(0).message());
    }

    @Test
    void aWrongConfirmationCodeCreatesNothing() {
        String token = invitePat();
        String hash = accounts.newPasswordHash(token, GOOD_PASSWORD);
        AgencyAccounts.Enrolment enrolment = accounts.newEnrolment("pat@northdale.gov.uk");

        assertThrows(InvalidInput.class, () -> accounts.accept(token, hash, enrolment.secret(), "000000"));
        assertTrue(directory.users.isEmpty());
        assertTrue(accounts.openInvitation(token).isPresent());
    }

    @Test
    void anExpiredInvitationDoesNotOpen() {
        String token = invitePat();
        clock.advance(Duration.ofHours(72));

        assertTrue(accounts.openInvitation(token).isEmpty());
    }

    @Test
    void onlyAdministratorsAllowedByThePolicyMayInviteAndRefusalsAreAudited() {
        Subject inspector = aSubject().of(Inspectorate.OFSTED).withRoles(Role.INSPECTOR).build();

        assertThrows(AccessDenied.class, () -> accounts.invite(inspector, new AgencyAccounts.InvitationRequest(
                "Pat", "pat@northdale.gov.uk", NORTHDALE.id(), Set.of(Role.AGENCY_UPLOADER)), LINKS));
        AuditEvent last = audit.events().get(audit.events().size() - 1);
        assertEquals(AuditActions.ACCOUNT_INVITE, last.action());
        assertEquals(AuditEvent.Outcome.DENIED, last.outcome());
        assertTrue(outbox.sent.isEmpty());
    }

    @Test
    void inspectorateRolesCannotBeGivenToAgencyStaff() {
        InvalidInput refused = assertThrows(InvalidInput.class, () -> accounts.invite(inspectorateAdmin,
                new AgencyAccounts.InvitationRequest("Pat", "pat@northdale.gov.uk", NORTHDALE.id(),
                        Set.of(Role.INSPECTOR)), LINKS));
        assertEquals("roles", refused.errors().get(0).field());
    }

    @Test
    void aResetLinkSetsANewPasswordOnceAndEndsEverySession() {
        AgencyAccounts.Accepted accepted = accept(invitePat());
        String session = sessions.start(accepted.subject().userId());

        accounts.requestPasswordReset("pat@northdale.gov.uk", "/password-reset/");
        String token = outbox.lastToken();
        accounts.resetPassword(token, "another quite long passphrase");

        assertEquals(hasher.hash("another quite long passphrase".toCharArray()),
                credentials.find(accepted.subject().userId()).orElseThrow().passwordHash());
        assertTrue(sessions.check(session).isEmpty());
        assertThrows(NotFound.class, () -> accounts.resetPassword(token, "yet another long passphrase"));
    }

    @Test
    void aResetForAnUnknownUsernameSendsNothingButIsAudited() {
        accounts.requestPasswordReset("nobody@nowhere.example", "/password-reset/");

        assertTrue(outbox.sent.isEmpty());
        assertEquals("unknown username", audit.events().get(audit.events().size() - 1).detail());
    }

    @Test
    void anExpiredResetLinkDoesNotWork() {
        accept(invitePat());
        accounts.requestPasswordReset("pat@northdale.gov.uk", "/password-reset/");
        String token = outbox.lastToken();
        clock.advance(Duration.ofHours(1));

        assertFalse(accounts.resetOpen(token));
        assertThrows(NotFound.class, () -> accounts.resetPassword(token, "another quite long passphrase"));
    }
}
