package uk.gov.inspectorates.portal.core.access;

import java.time.Clock;
import java.util.HashSet;
import java.util.Optional;
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

/** Local sign-in with a password; each attempt is audited. */
public final class SignInService {

    /** Compared against when the username is unknown, so that timing does not reveal which usernames exist. */
    private final String decoyHash;
    private final OrganisationDirectory directory;
    private final PasswordHasher hasher;
    private final AuditTrail audit;
    private final Clock clock;

    public SignInService(OrganisationDirectory directory, PasswordHasher hasher, AuditTrail audit, Clock clock) {
        this.directory = directory;
        this.hasher = hasher;
        this.audit = audit;
        this.clock = clock;
        this.decoyHash = hasher.hash("decoy password for unknown usernames".toCharArray());
    }

    public Subject signIn(String username, char[] password) {
        Optional<UserAccount> account = username == null ? Optional.empty()
                : directory.findUserByUsername(username.strip());
        String hash = account.map(UserAccount::passwordHash).orElse(null);
        boolean matches = hasher.matches(password == null ? new char[0] : password, hash == null ? decoyHash : hash)
                && hash != null;
        if (account.isEmpty() || !matches || !account.get().active()) {
            audit.record(new AuditEvent(clock.instant(), account.map(UserAccount::id).orElse(null),
                    account.map(UserAccount::organisationId).orElse(null), AuditActions.SIGN_IN, "USER",
                    account.map(UserAccount::id).orElse(null), Outcome.REFUSED,
                    account.isEmpty() ? "unknown username" : !matches ? "wrong password" : "deactivated account"));
            throw new SignInRefused();
        }
        Subject subject = subjectOf(account.get());
        audit.record(new AuditEvent(clock.instant(), subject.userId(), subject.organisation().id(),
                AuditActions.SIGN_IN, "USER", subject.userId(), Outcome.SUCCEEDED, "password"));
        return subject;
    }

    public void signOut(Subject subject) {
        audit.record(new AuditEvent(clock.instant(), subject.userId(), subject.organisation().id(),
                AuditActions.SIGN_OUT, "USER", subject.userId(), Outcome.SUCCEEDED, null));
    }

    /**
     * The subject as of now: re-read so that role and team changes apply to existing sessions, and empty for a
     * deactivated person, so that their sessions end at their next request.
     */
    public Optional<Subject> current(String userId) {
        return directory.findUser(userId).filter(UserAccount::active).map(this::subjectOf);
    }

    private Subject subjectOf(UserAccount account) {
        Organisation organisation = directory.findOrganisation(account.organisationId())
                .orElseThrow(() -> new IllegalStateException("user without organisation: " + account.id()));
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
