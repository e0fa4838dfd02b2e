package uk.gov.inspectorates.portal.core.account;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import uk.gov.inspectorates.portal.core.access.Action;
import uk.gov.inspectorates.portal.core.access.Decision;
import uk.gov.inspectorates.portal.core.access.PolicyGate;
import uk.gov.inspectorates.portal.core.access.PolicyGate.Act;
import uk.gov.inspectorates.portal.core.access.Resource;
import uk.gov.inspectorates.portal.core.access.Subject;
import uk.gov.inspectorates.portal.core.audit.AuditActions;
import uk.gov.inspectorates.portal.core.audit.AuditEvent.Outcome;
import uk.gov.inspectorates.portal.core.notification.Notice;
import uk.gov.inspectorates.portal.core.notification.NoticeKind;
import uk.gov.inspectorates.portal.core.notification.NoticeOutbox;
import uk.gov.inspectorates.portal.core.notification.Recipients;
import uk.gov.inspectorates.portal.core.organisation.Organisation;
import uk.gov.inspectorates.portal.core.organisation.OrganisationDirectory;
import uk.gov.inspectorates.portal.core.organisation.PasswordHasher;
import uk.gov.inspectorates.portal.core.organisation.Role;
import uk.gov.inspectorates.portal.core.organisation.UserAccount;
import uk.gov.inspectorates.portal.core.shared.FieldError;
import uk.gov.inspectorates.portal.core.shared.Ids;
import uk.gov.inspectorates.portal.core.shared.InvalidInput;
import uk.gov.inspectorates.portal.core.shared.NotFound;
import uk.gov.inspectorates.portal.core.shared.UnitOfWork;

/**
 * Local accounts of agency staff: invitation by a one-time link, acceptance (password, authenticator, recovery
 * codes), and password reset by link. Links carry a random token that is kept only as a hash and works once.
 */
public final class AgencyAccounts {

    public record Settings(Duration invitationExpiry, Duration resetExpiry) {
        public static final Duration DEFAULT_INVITATION_EXPIRY = Duration.ofHours(72);
        public static final Duration DEFAULT_RESET_EXPIRY = Duration.ofHours(1);
    }

    public record InvitationRequest(String displayName, String email, String organisationId, Set<Role> roles) {
    }

    /** A new authenticator secret for the person to add to their app, before it is confirmed with a code. */
    public record Enrolment(byte[] secret, String groupedSecret, String provisioningUri) {
    }

    public record Accepted(Subject subject, List<String> recoveryCodes) {
    }

    private static final SecureRandom RANDOM = new SecureRandom();

    private final OrganisationDirectory directory;
    private final LocalCredentials credentials;
    private final Invitations invitations;
    private final PasswordResets resets;
    private final NoticeOutbox notices;
    private final PasswordHasher hasher;
    private final PasswordPolicy passwords;
    private final PolicyGate gate;
    private final PortalSessions sessions;
    private final SignInService signIn;
    private final Clock clock;
    private final Settings settings;
    private final Totp totp = new Totp();
    private final RecoveryCodes recoveryCodes;
    private final UnitOfWork unitOfWork;

    public AgencyAccounts(OrganisationDirectory directory, LocalCredentials credentials, Invitations invitations,
                          PasswordResets resets, NoticeOutbox notices, PasswordHasher hasher, PasswordPolicy passwords,
                          PolicyGate gate, PortalSessions sessions, SignInService signIn, Settings settings) {
        this(directory, credentials, invitations, resets, notices, hasher, passwords, gate, sessions, signIn,
             settings, UnitOfWork.NONE);
    }

    public AgencyAccounts(OrganisationDirectory directory, LocalCredentials credentials, Invitations invitations,
                          PasswordResets resets, NoticeOutbox notices, PasswordHasher hasher, PasswordPolicy passwords,
                          PolicyGate gate, PortalSessions sessions, SignInService signIn, Settings settings,
                          UnitOfWork unitOfWork) {
        this.unitOfWork = java.util.Objects.requireNonNull(unitOfWork, "unitOfWork");
        this.directory = directory;
        this.credentials = credentials;
        this.invitations = invitations;
        this.resets = resets;
        this.notices = notices;
        this.hasher = hasher;
        this.passwords = passwords;
        this.gate = gate;
        this.sessions = sessions;
        this.signIn = signIn;
        this.clock = gate.clock();
        this.settings = settings;
        this.recoveryCodes = new RecoveryCodes(hasher, RANDOM);
    }

    /** The agencies whose accounts the administrator may manage. */
    public List<Organisation> agenciesManagedBy(Subject administrator) {
        return managedBy(administrator);
    }

    private List<Organisation> managedBy(Subject administrator) {
        return gate.visible(administrator, directory.organisations().stream().filter(o -> !o.isInspectorate())
                .toList(), Resource::agencyAccounts);
    }

    public List<Invitation> pendingInvitations(Subject administrator) {
        Set<String> agencies = new java.util.HashSet<>();
        managedBy(administrator).forEach(o -> agencies.add(o.id()));
        return invitations.pending(null, clock.instant()).stream()
                .filter(i -> agencies.contains(i.organisationId())).toList();
    }

    /**
     * Invites a person; the link (the portal path {@code linkPath} followed by a one-time token) goes to them through
     * the outbox. Returns the invitation's id.
     */
    public String invite(Subject administrator, InvitationRequest request, String linkPath) {
        return unitOfWork.inOne(() -> inviteInUnit(administrator, request, linkPath));
    }

    private String inviteInUnit(Subject administrator, InvitationRequest request, String linkPath) {
        Instant now = clock.instant();
        Organisation agency = request.organisationId() == null ? null
                : directory.findOrganisation(request.organisationId()).filter(o -> !o.isInspectorate()).orElse(null);
        if (agency == null) {
            throw InvalidInput.of("organisation", "Select the agency the person works for");
        }
        Decision decision = gate.require(administrator, Action.CHANGE, Resource.agencyAccounts(agency),
                Act.of(AuditActions.ACCOUNT_INVITE, "ORGANISATION", agency.id()));
        List<FieldError> errors = new ArrayList<>();
        String name = request.displayName() == null ? "" : request.displayName().strip();
        String email = request.email() == null ? "" : request.email().strip();
        if (name.isEmpty()) {
            errors.add(new FieldError("displayName", "Enter the person's full name"));
        }
        if (!email.matches("[^@\\s]+@[^@\\s]+\\.[^@\\s]+")) {
            errors.add(new FieldError("email", "Enter an email address in the correct format, like name@example.com"));
        } else if (directory.findUserByUsername(email.toLowerCase(Locale.ROOT)).isPresent()) {
            errors.add(new FieldError("email", "There is already an account with this email address"));
        }
        Set<Role> roles = request.roles() == null ? Set.of() : request.roles();
        if (roles.isEmpty() || !roles.stream().allMatch(Role::heldByAgencyStaff)) {
            errors.add(new FieldError("roles", "Select at least one role that agency staff may hold"));
        }
        if (!errors.isEmpty()) {
            throw new InvalidInput(errors);
        }
        String token = newToken();
        Invitation invitation = new Invitation(Ids.newId(), PortalSessions.hash(token), name, email, agency.id(),
                roles, administrator.userId(), now, now.plus(settings.invitationExpiry()), null);
        invitations.save(invitation);
        notices.enqueue(Notice.of(NoticeKind.ACCOUNT_INVITATION, agency.name(), linkPath + token,
                Recipients.address(email)));
        gate.record(administrator, Act.of(AuditActions.ACCOUNT_INVITE, "INVITATION", invitation.id()),
                Outcome.SUCCEEDED, decision.rule() + "; agency " + agency.id() + "; roles " + roles);
        return invitation.id();
    }

    /** The invitation behind a link, while it is unused and unexpired. */
    public Optional<Invitation> openInvitation(String token) {
        if (token == null || token.isBlank()) {
            return Optional.empty();
        }
        Instant now = clock.instant();
        return invitations.findByTokenHash(PortalSessions.hash(token)).filter(i -> i.open(now));
    }

    /** Checks the new password against the policy and returns its hash to keep until the account is created. */
    public String newPasswordHash(String token, String password) {
        Invitation invitation = openInvitation(token).orElseThrow(() -> new NotFound("invitation"));
        List<FieldError> errors = passwords.check(password, invitation.username());
        if (!errors.isEmpty()) {
            throw new InvalidInput(errors);
        }
        return hasher.hash(password.toCharArray());
    }

    public Enrolment newEnrolment(String username) {
        return enrolment(username, Totp.newSecret(RANDOM));
    }

    /** The enrolment of a secret already chosen (the second step of accepting an invitation, on any instance). */
    public Enrolment enrolment(String username, byte[] secret) {
        String plain = Base32.encode(secret);
        StringBuilder grouped = new StringBuilder();
        for (int i = 0; i < plain.length(); i += 4) {
            grouped.append(i == 0 ? "" : " ").append(plain, i, Math.min(plain.length(), i + 4));
        }
        return new Enrolment(secret, grouped.toString(), totp.provisioningUri(username, secret));
    }

    /**
     * Creates the account once the person has shown, with a code, that their authenticator works; the invitation
     * is used up. Returns the signed-in subject and the recovery codes (shown once, kept only as hashes).
     */
    public Accepted accept(String token, String passwordHash, byte[] secret, String code) {
        return unitOfWork.inOne(() -> acceptInUnit(token, passwordHash, secret, code));
    }

    private Accepted acceptInUnit(String token, String passwordHash, byte[] secret, String code) {
        Instant now = clock.instant();
        Invitation invitation = openInvitation(token).orElseThrow(() -> new NotFound("invitation"));
        if (passwordHash == null || secret == null) {
            throw new NotFound("invitation");
        }
        OptionalLong step = totp.verify(secret, code == null ? null : code.replaceAll("\\s", ""), now);
        if (step.isEmpty()) {
            throw InvalidInput.of("code", "Enter the 6-digit code your authenticator app shows now");
        }
        if (directory.findUserByUsername(invitation.username()).isPresent() || !invitations.accept(invitation.id(), now)) {
            gate.record(null, invitation.organisationId(), Act.of(AuditActions.ACCOUNT_CREATE, "INVITATION",
                    invitation.id()), Outcome.REFUSED, "invitation already used or username taken");
            throw new NotFound("invitation");
        }
        UserAccount user = new UserAccount(Ids.newId(), invitation.username(), invitation.displayName(),
                invitation.organisationId(), invitation.roles(), Set.of(), null);
        directory.saveUser(user);
        RecoveryCodes.Issued issued = recoveryCodes.issue();
        credentials.save(new LocalCredential(user.id(), invitation.email(), passwordHash, secret, step.getAsLong(),
                issued.hashes(), SignInThrottle.Failures.none()));
        gate.record(user.id(), user.organisationId(), Act.of(AuditActions.ACCOUNT_CREATE, "USER", user.id()),
                Outcome.SUCCEEDED, "invitation " + invitation.id() + " accepted; authenticator and "
                        + RecoveryCodes.COUNT + " recovery codes set; signed in");
        Subject subject = signIn.current(user.id()).orElseThrow(() -> new IllegalStateException("user just saved"));
        return new Accepted(subject, issued.codes());
    }

    /** Sends a reset link if there is such an account; the caller answers the same either way. */
    public void requestPasswordReset(String username, String linkPath) {
        unitOfWork.run(() -> requestPasswordResetInUnit(username, linkPath));
    }

    private void requestPasswordResetInUnit(String username, String linkPath) {
        Instant now = clock.instant();
        Optional<UserAccount> user = username == null || username.isBlank() ? Optional.empty()
                : directory.findUserByUsername(username.strip().toLowerCase(Locale.ROOT))
                .or(() -> directory.findUserByUsername(username.strip()));
        Optional<LocalCredential> credential = user.flatMap(u -> credentials.find(u.id()));
        if (credential.isEmpty()) {
            String userId = user.map(UserAccount::id).orElse(null);
            gate.record(userId, null, Act.of(AuditActions.PASSWORD_RESET, "USER", userId), Outcome.REFUSED,
                    user.isEmpty() ? "unknown username" : "no local credential");
            return;
        }
        String token = newToken();
        resets.save(new PasswordResets.Reset(PortalSessions.hash(token), user.get().id(), now,
                now.plus(settings.resetExpiry()), null));
        notices.enqueue(Notice.of(NoticeKind.PASSWORD_RESET, "", linkPath + token,
                Recipients.person(user.get().id())));
        gate.record(user.get().id(), user.get().organisationId(), Act.of(AuditActions.PASSWORD_RESET, "USER",
                user.get().id()), Outcome.SUCCEEDED, "reset link sent");
    }

    public boolean resetOpen(String token) {
        return openReset(token).isPresent();
    }

    /** Sets the new password; the authenticator is still needed to sign in, and every session of the person ends. */
    public void resetPassword(String token, String password) {
        unitOfWork.run(() -> resetPasswordInUnit(token, password));
    }

    private void resetPasswordInUnit(String token, String password) {
        Instant now = clock.instant();
        PasswordResets.Reset reset = openReset(token).orElseThrow(() -> new NotFound("reset link"));
        UserAccount user = directory.findUser(reset.userId()).orElseThrow(() -> new NotFound("reset link"));
        List<FieldError> errors = passwords.check(password, user.username());
        if (!errors.isEmpty()) {
            throw new InvalidInput(errors);
        }
        if (!resets.use(reset.tokenHash(), now)) {
            throw new NotFound("reset link");
        }
        credentials.changePassword(user.id(), hasher.hash(password.toCharArray()));
        sessions.endAll(user.id(), "password reset");
        gate.record(user.id(), user.organisationId(), Act.of(AuditActions.PASSWORD_RESET, "USER", user.id()),
                Outcome.SUCCEEDED, "password changed through a reset link");
    }

    private Optional<PasswordResets.Reset> openReset(String token) {
        if (token == null || token.isBlank()) {
            return Optional.empty();
        }
        Instant now = clock.instant();
        return resets.findByTokenHash(PortalSessions.hash(token))
                .filter(r -> r.usedAt() == null && now.isBefore(r.expiresAt()));
    }

    private static String newToken() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
