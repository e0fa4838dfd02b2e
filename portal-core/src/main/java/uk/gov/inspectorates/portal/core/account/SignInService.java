package uk.gov.inspectorates.portal.core.account;

import uk.gov.inspectorates.portal.core.access.Subject;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.Locale;
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
import uk.gov.inspectorates.portal.core.shared.UnitOfWork;

/**
 * Local sign-in: username, password and a security code from the authenticator (or a single-use recovery code).
 * Every attempt is audited with its reason; the person is only ever told that something was not correct, or that
 * the name is locked for a while ({@link SignInThrottle}): an unknown name the same way as an account, with the same
 * work done (a password hash compared, failures read and counted), so neither answer nor timing tells them apart.
 */
public final class SignInService {

    public static final String INSPECTORATE_STAFF_USE_SSO = "inspectorate staff sign in through their identity provider";

    /** Compared against when the username is unknown, so that timing does not reveal which usernames exist. */
    private final String decoyHash;
    private final OrganisationDirectory directory;
    private final LocalCredentials credentials;
    private final SignInFailures names;
    private final PasswordHasher hasher;
    private final AuditTrail audit;
    private final Clock clock;
    private final boolean inspectorateStaffMaySignInLocally;
    private final Totp totp = new Totp();
    private final SignInThrottle throttle = new SignInThrottle();
    private final RecoveryCodes recoveryCodes;
    private final UnitOfWork unitOfWork;

    /**
     * @param inspectorateStaffMaySignInLocally true only in demo mode: otherwise inspectorate staff must use SSO
     */
    public SignInService(OrganisationDirectory directory, LocalCredentials credentials, SignInFailures names,
                         PasswordHasher hasher, AuditTrail audit, Clock clock,
                         boolean inspectorateStaffMaySignInLocally) {
        this(directory, credentials, names, hasher, audit, clock, inspectorateStaffMaySignInLocally, UnitOfWork.NONE);
    }

    public SignInService(OrganisationDirectory directory, LocalCredentials credentials, SignInFailures names,
                         PasswordHasher hasher, AuditTrail audit, Clock clock,
                         boolean inspectorateStaffMaySignInLocally,
                         UnitOfWork unitOfWork) {
        this.unitOfWork = java.util.Objects.requireNonNull(unitOfWork, "unitOfWork");
        this.directory = directory;
        this.credentials = credentials;
        this.names = names;
        this.hasher = hasher;
        this.audit = audit;
        this.clock = clock;
        this.inspectorateStaffMaySignInLocally = inspectorateStaffMaySignInLocally;
        this.recoveryCodes = new RecoveryCodes(hasher, new java.security.SecureRandom());
        this.decoyHash = hasher.hash("decoy password for unknown usernames".toCharArray());
    }

    /**
     * @param securityCode the authenticator's current code, or one of the account's recovery codes
     * @throws SignInLocked  while the name is locked after repeated failures (an account's or not: alike)
     * @throws SignInRefused for anything else that is wrong
     */
    public Subject signIn(String username, char[] password, String securityCode) {
        Instant now = clock.instant();
        char[] entered = password == null ? new char[0] : password;
        String name = username == null ? "" : username.strip();
        UserAccount user = name.isEmpty() ? null : directory.findUserByUsername(name).orElse(null);
        Organisation organisation = user == null ? null : organisationOf(user);
        boolean mayUseLocal = user != null && (!organisation.isInspectorate() || inspectorateStaffMaySignInLocally);
        LocalCredential credential = mayUseLocal ? credentials.find(user.id()).orElse(null) : null;
        // the same throttle for every name, whether or not it is an account that signs in here
        SignInThrottle.Failures failures = (credential != null ? credential.failures() : names.of(keyOf(name)))
                .asOf(now);
        SignInThrottle.Verdict verdict = throttle.check(failures, now);
        if (!verdict.allowed()) {
            audit.record(event(now, user, organisation, Outcome.REFUSED, "locked until " + verdict.lockedUntil()));
            throw new SignInLocked(verdict.lockedUntil(), Duration.between(now, verdict.lockedUntil()));
        }
        if (credential == null) {
            hasher.matches(entered, decoyHash);
            names.recordFailure(keyOf(name), now, now.minus(SignInThrottle.FORGET_AFTER));
            throw refused(now, user, organisation, user == null ? "unknown username"
                    : mayUseLocal ? "no local credential" : INSPECTORATE_STAFF_USE_SSO);
        }
        if (!hasher.matches(entered, credential.passwordHash())) {
            recordFailure(credential, failures, now);
            throw refused(now, user, organisation, "wrong password");
        }
        if (!user.active()) {
            throw refused(now, user, organisation, "deactivated account");
        }
        String secondFactor = secondFactor(credential, securityCode, now);
        if (secondFactor.startsWith("!")) {
            recordFailure(credential, failures, now);
            throw refused(now, user, organisation, secondFactor.substring(1));
        }
        Subject subject = subjectOf(user, organisation);
        // only the success is one unit: a refusal's counted failure must stay written when the refusal is thrown
        unitOfWork.run(() -> {
            credentials.clearFailures(user.id());
            audit.record(event(now, user, organisation, Outcome.SUCCEEDED, "password and " + secondFactor));
        });
        return subject;
    }

    /** An account's failures start again after a day without any, as a name's do ({@link SignInFailures}). */
    private void recordFailure(LocalCredential credential, SignInThrottle.Failures current, Instant now) {
        if (current.count() == 0 && credential.failures().count() > 0) {
            credentials.clearFailures(credential.userId());
        }
        credentials.recordFailure(credential.userId(), now);
    }

    /** A name as it is counted: a hash, so that what people type as a username (a password, even) is not kept. */
    static String keyOf(String name) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(name.strip().toLowerCase(Locale.ROOT).getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is always available", e);
        }
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
