package uk.gov.inspectorates.portal.core.account;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import uk.gov.inspectorates.portal.core.notification.Notice;
import uk.gov.inspectorates.portal.core.notification.NoticeOutbox;
import uk.gov.inspectorates.portal.core.notification.Recipients;
import uk.gov.inspectorates.portal.core.organisation.Organisation;
import uk.gov.inspectorates.portal.core.organisation.OrganisationDirectory;
import uk.gov.inspectorates.portal.core.organisation.PasswordHasher;
import uk.gov.inspectorates.portal.core.organisation.Team;
import uk.gov.inspectorates.portal.core.organisation.UserAccount;

/** In-memory stand-ins for the ports of local accounts, behaving as the JDBC adapters do. */
final class AccountFakes {

    private AccountFakes() {
    }

    /** Not a real hash: fast, and enough to tell passwords apart. */
    static final class PlainHasher implements PasswordHasher {
        @Override
        public String hash(char[] password) {
            return "plain:" + new String(password);
        }

        @Override
        public boolean matches(char[] password, String hash) {
            return hash != null && hash.equals(hash(password));
        }
    }

    static final class Directory implements OrganisationDirectory {
        final Map<String, Organisation> organisations = new HashMap<>();
        final Map<String, UserAccount> users = new HashMap<>();

        @Override
        public Optional<Organisation> findOrganisation(String id) {
            return Optional.ofNullable(organisations.get(id));
        }

        @Override
        public List<Organisation> organisations() {
            return organisations.values().stream().sorted(Comparator.comparing(Organisation::name)).toList();
        }

        @Override
        public List<Team> teamsOf(String organisationId) {
            return List.of();
        }

        @Override
        public Optional<UserAccount> findUserByUsername(String username) {
            return users.values().stream().filter(u -> u.username().equals(username)).findFirst();
        }

        @Override
        public Optional<UserAccount> findUser(String id) {
            return Optional.ofNullable(users.get(id));
        }

        @Override
        public void saveOrganisation(Organisation organisation) {
            organisations.put(organisation.id(), organisation);
        }

        @Override
        public void saveTeam(Team team) {
        }

        @Override
        public void saveUser(UserAccount user) {
            users.put(user.id(), user);
        }
    }

    static final class Credentials implements LocalCredentials {
        final Map<String, LocalCredential> byUser = new HashMap<>();

        @Override
        public Optional<LocalCredential> find(String userId) {
            return Optional.ofNullable(byUser.get(userId));
        }

        @Override
        public void save(LocalCredential credential) {
            byUser.put(credential.userId(), credential);
        }

        @Override
        public void changePassword(String userId, String passwordHash) {
            LocalCredential c = byUser.get(userId);
            byUser.put(userId, new LocalCredential(userId, c.email(), passwordHash, c.totpSecret(), c.lastTotpStep(),
                    c.recoveryCodeHashes(), SignInThrottle.Failures.none()));
        }

        @Override
        public boolean useTotpStep(String userId, long step) {
            LocalCredential c = byUser.get(userId);
            if (c.lastTotpStep() >= step) {
                return false;
            }
            byUser.put(userId, new LocalCredential(userId, c.email(), c.passwordHash(), c.totpSecret(), step,
                    c.recoveryCodeHashes(), c.failures()));
            return true;
        }

        @Override
        public boolean useRecoveryCode(String userId, String hash) {
            LocalCredential c = byUser.get(userId);
            List<String> left = new ArrayList<>(c.recoveryCodeHashes());
            if (!left.remove(hash)) {
                return false;
            }
            byUser.put(userId, new LocalCredential(userId, c.email(), c.passwordHash(), c.totpSecret(),
                    c.lastTotpStep(), left, c.failures()));
            return true;
        }

        @Override
        public void recordFailure(String userId, Instant at) {
            LocalCredential c = byUser.get(userId);
            byUser.put(userId, new LocalCredential(userId, c.email(), c.passwordHash(), c.totpSecret(),
                    c.lastTotpStep(), c.recoveryCodeHashes(), c.failures().plus(at)));
        }

        @Override
        public void clearFailures(String userId) {
            LocalCredential c = byUser.get(userId);
            byUser.put(userId, new LocalCredential(userId, c.email(), c.passwordHash(), c.totpSecret(),
                    c.lastTotpStep(), c.recoveryCodeHashes(), SignInThrottle.Failures.none()));
        }
    }

    static final class Sessions implements SessionRegistry {
        final Map<String, Entry> entries = new HashMap<>();

        @Override
        public void open(Entry entry) {
            entries.put(entry.idHash(), entry);
        }

        @Override
        public Optional<Entry> find(String idHash) {
            return Optional.ofNullable(entries.get(idHash));
        }

        @Override
        public void touch(String idHash, Instant at) {
            Entry e = entries.get(idHash);
            if (e != null) {
                entries.put(idHash, new Entry(idHash, e.userId(), e.createdAt(), at));
            }
        }

        @Override
        public void close(String idHash) {
            entries.remove(idHash);
        }

        @Override
        public int closeAll(String userId) {
            int before = entries.size();
            entries.values().removeIf(e -> e.userId().equals(userId));
            return before - entries.size();
        }
    }

    static final class InvitationBook implements Invitations {
        final Map<String, Invitation> byId = new HashMap<>();

        @Override
        public void save(Invitation invitation) {
            byId.put(invitation.id(), invitation);
        }

        @Override
        public Optional<Invitation> findByTokenHash(String tokenHash) {
            return byId.values().stream().filter(i -> i.tokenHash().equals(tokenHash)).findFirst();
        }

        @Override
        public List<Invitation> pending(String organisationId, Instant now) {
            return byId.values().stream().filter(i -> i.open(now))
                    .filter(i -> organisationId == null || i.organisationId().equals(organisationId)).toList();
        }

        @Override
        public boolean accept(String id, Instant at) {
            Invitation i = byId.get(id);
            if (i == null || !i.open(at)) {
                return false;
            }
            byId.put(id, new Invitation(i.id(), i.tokenHash(), i.displayName(), i.email(), i.organisationId(),
                    i.roles(), i.invitedBy(), i.createdAt(), i.expiresAt(), at));
            return true;
        }
    }

    static final class Resets implements PasswordResets {
        final Map<String, Reset> byHash = new HashMap<>();

        @Override
        public void save(Reset reset) {
            byHash.put(reset.tokenHash(), reset);
        }

        @Override
        public Optional<Reset> findByTokenHash(String tokenHash) {
            return Optional.ofNullable(byHash.get(tokenHash));
        }

        @Override
        public boolean use(String tokenHash, Instant at) {
            Reset r = byHash.get(tokenHash);
            if (r == null || r.usedAt() != null || !at.isBefore(r.expiresAt())) {
                return false;
            }
            byHash.put(tokenHash, new Reset(tokenHash, r.userId(), r.createdAt(), r.expiresAt(), at));
            return true;
        }
    }

    static final class Outbox implements NoticeOutbox {
        final List<Notice> sent = new ArrayList<>();

        @Override
        public void enqueue(Notice notice) {
            sent.add(notice);
        }

        String lastToken() {
            String link = sent.get(sent.size() - 1).link();
            return link.substring(link.lastIndexOf('/') + 1);
        }
    }
}
