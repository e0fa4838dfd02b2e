package uk.gov.inspectorates.portal.core.account;

import uk.gov.inspectorates.portal.core.access.Subject;

import java.time.Clock;
import java.time.Instant;
import java.util.HashSet;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.Set;
import uk.gov.inspectorates.portal.core.audit.AuditActions;
import uk.gov.inspectorates.portal.core.audit.AuditEvent;
import uk.gov.inspectorates.portal.core.audit.AuditEvent.Outcome;
import uk.gov.inspectorates.portal.core.audit.AuditTrail;
import uk.gov.inspectorates.portal.core.organisation.Organisation;
import uk.gov.inspectorates.portal.core.organisation.OrganisationDirectory;
import uk.gov.inspectorates.portal.core.organisation.PasswordHasher;
import uk.gov.inspectorates.portal.core.organisation.Team;
import uk.gov.inspectorates.portal.core.organisation.UserAccount;

/**
 * Local sign-in: username, password and a security code from the authenticator (or a single-use recovery code).
 * Every attempt is audited with its reason; the person is only ever told that something was not correct, or that
 * the account is locked for a while ({@link SignInThrottle}).
 */
public final class SignInService {

    public static final String INSPECTORATE_STAFF_USE_SSO = "inspectorate staff sign in through their identity provider";

    /** Compared against when the username is unknown, so that timing does not reveal which usernames exist. */
    private final String decoyHash;
    private final OrganisationDirectory directory;
    private final LocalCredentials credentials;
    private final PasswordHasher hasher;
    private final AuditTrail audit;
    private final Clock clock;
    private final boolean inspectorateStaffMaySignInLocally;
    private final Totp totp = new Totp();
    private final SignInThrottle throttle = new SignInThrottle();
    private final RecoveryCodes recoveryCodes;

    /**
     * @param inspectorateStaffMaySignInLocally true only in demo mode: otherwise inspectorate staff must use SSO
     */
    public SignInService(OrganisationDirectory directory, LocalCredentials credentials, PasswordHasher hasher,
                         AuditTrail audit, Clock clock, boolean inspectorateStaffMaySignInLocally) {
        this.directory = directory;
        this.credentials = credentials;
        this.hasher = hasher;
        this.audit = audit;
        this.clock = clock;
        this.inspectorateStaffMaySignInLocally = inspectorateStaffMaySignInLocally;
        this.recoveryCodes = new RecoveryCodes(hasher, new java.security.SecureRandom());
        this.decoyHash = hasher.hash("decoy password for unknown usernames".toCharArray());
    }

    /**
     * @param securityCode the authenticator's current code, or one of the account's recovery codes
     * @throws SignInLocked  while the account is locked after repeated failures
     * @throws SignInRefused for anything else that is wrong
     */
    public Subject signIn(String username, char[] password, String securityCode) {
        Instant now = clock.instant();
        char[] entered = password == null ? new char[0] : password;
        Optional<UserAccount> account = username == null || username.isBlank() ? Optional.empty()
                : directory.findUserByUsername(username.strip());
        if (account.isEmpty()) {
            hasher.matches(entered, decoyHash);
            throw refused(now, null, null, "unknown username");
        }
        UserAccount user = account.get();
        Organisation organisation = organisationOf(user);
        if (organisation.isInspectorate() && !inspectorateStaffMaySignInLocally) {
            hasher.matches(entered, decoyHash);
            throw refused(now, user, organisation, INSPECTORATE_STAFF_USE_SSO);
        }
        Optional<LocalCredential> found = credentials.find(user.id());
        if (found.isEmpty()) {
            hasher.matches(entered, decoyHash);
            throw refused(now, user, organisation, "no local credential");
        }
        LocalCredential credential = found.get();
        SignInThrottle.Verdict verdict = throttle.check(credential.failures(), now);
        if (!verdict.allowed()) {
            audit.record(event(now, user, organisation, Outcome.REFUSED, "locked until " + verdict.lockedUntil()));
            throw new SignInLocked(verdict.lockedUntil());
        }
        if (!hasher.matches(entered, credential.passwordHash())) {
            credentials.recordFailure(user.id(), now);
            throw refused(now, user, organisation, "wrong password");
        }
        if (!user.active()) {
            throw refused(now, user, organisation, "deactivated account");
        }
        String secondFactor = secondFactor(credential, securityCode, now);
        if (secondFactor.startsWith("!")) {
            credentials.recordFailure(user.id(), now);
            throw refused(now, user, organisation, secondFactor.substring(1));
        }
        credentials.clearFailures(user.id());
        Subject subject = subjectOf(user, organisation);
        audit.record(event(now, user, organisation, Outcome.SUCCEEDED, "password and " + secondFactor));
        return subject;
    }

    /** What was used as second factor, or "!" and why it was refused. */
    private String secondFactor(LocalCredential credential, String code, Instant now) {
        byte[] secret = credential.totpSecret();
        if (code == null || code.isBlank()) {
            return "!no security code";
        }
        String compact = code.replaceAll("\\s", "");
        if (compact.chars().allMatch(Character::isDigit)) {
            if (secret == null) {
                return "!no authenticator set up";
            }
            OptionalLong step = totp.verify(secret, compact, now, credential.lastTotpStep());
            if (step.isEmpty()) {
                return totp.verify(secret, compact, now).isPresent() ? "!security code already used"
                        : "!wrong security code";
            }
            return credentials.useTotpStep(credential.userId(), step.getAsLong()) ? "security code"
                    : "!security code already used";
        }
        OptionalInt index = recoveryCodes.match(code, credential.recoveryCodeHashes());
        if (index.isEmpty()) {
            return "!wrong recovery code";
        }
        return credentials.useRecoveryCode(credential.userId(), credential.recoveryCodeHashes().get(index.getAsInt()))
                ? "recovery code (" + (credential.recoveryCodeHashes().size() - 1) + " left)"
                : "!recovery code already used";
    }

    /** A person signs themself out: no resource is touched, so no policy decision (ids, not a subject, say so). */
    public void signOut(String userId, String organisationId) {
        audit.record(new AuditEvent(clock.instant(), userId, organisationId,
                AuditActions.SIGN_OUT, "USER", userId, Outcome.SUCCEEDED, null));
    }

    /**
     * The subject as of now: re-read so that role and team changes apply to existing sessions, and empty for a
     * deactivated person, so that their sessions end at their next request.
     */
    public Optional<Subject> current(String userId) {
        return directory.findUser(userId).filter(UserAccount::active)
                .map(user -> subjectOf(user, organisationOf(user)));
    }

    private SignInRefused refused(Instant now, UserAccount user, Organisation organisation, String reason) {
        audit.record(event(now, user, organisation, Outcome.REFUSED, reason));
        return new SignInRefused();
    }

    private static AuditEvent event(Instant now, UserAccount user, Organisation organisation, Outcome outcome,
                                    String detail) {
        String userId = user == null ? null : user.id();
        return new AuditEvent(now, userId, organisation == null ? null : organisation.id(), AuditActions.SIGN_IN,
                "USER", userId, outcome, detail);
    }

    private Organisation organisationOf(UserAccount account) {
        return directory.findOrganisation(account.organisationId())
                .orElseThrow(() -> new IllegalStateException("user without organisation: " + account.id()));
    }

    private Subject subjectOf(UserAccount account, Organisation organisation) {
        Set<Team> teams = new HashSet<>();
        for (Team team : directory.teamsOf(organisation.id())) {
            if (account.teamIds().contains(team.id())) {
                teams.add(team);
            }
        }
        return new Subject(account.id(), account.username(), account.displayName(), organisation, account.roles(),
                teams);
    }
}
