package uk.gov.inspectorates.portal.web.demo;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import java.util.logging.Logger;
import uk.gov.inspectorates.portal.core.account.Base32;
import uk.gov.inspectorates.portal.core.account.LocalCredential;
import uk.gov.inspectorates.portal.core.account.LocalCredentials;
import uk.gov.inspectorates.portal.core.account.SignInThrottle;
import uk.gov.inspectorates.portal.core.organisation.DemoDirectory;
import uk.gov.inspectorates.portal.core.organisation.OrganisationDirectory;
import uk.gov.inspectorates.portal.core.organisation.PasswordHasher;
import uk.gov.inspectorates.portal.core.organisation.UserAccount;

/**
 * Puts the demo-only organisations (Northdale and its agencies), teams and people into the directory; repeated
 * starts leave one copy of each. The inspectorates and their reader-list teams are reference data (V11).
 */
@ApplicationScoped
public class DemoSeed {

    private static final Logger LOG = Logger.getLogger(DemoSeed.class.getName());

    @Inject
    OrganisationDirectory directory;

    @Inject
    PasswordHasher hasher;

    @Inject
    LocalCredentials credentials;

    @Inject
    DemoInspectionSeed inspections;

    /**
     * Every demo user, inspectorate staff included, signs in with the demo password and a code from the demo TOTP
     * secret (Base32). A restart keeps each user's last used code step, so a code cannot be replayed across it.
     */
    public void seed(char[] password, String totpSecret) {
        // the inspectorates and their reader-list teams come from the V11 migration, in every environment
        DemoDirectory.localAuthorityAreas().forEach(directory::saveLocalAuthorityArea);
        DemoDirectory.agencies().forEach(directory::saveOrganisation);
        DemoDirectory.demoOnlyTeams().forEach(directory::saveTeam);
        String hash = hasher.hash(password);
        byte[] secret = Base32.decode(totpSecret);
        for (DemoDirectory.DemoUser user : DemoDirectory.users()) {
            String id = "demo-" + user.username();
            directory.saveUser(new UserAccount(id, user.username(), user.displayName(), user.organisationId(),
                    user.roles(), user.teamIds(), null));
            long lastStep = lastStep(id);
            credentials.save(new LocalCredential(id, null, hash, secret, lastStep, List.of(),
                    SignInThrottle.Failures.none()));
        }
        LOG.warning(() -> "DEMO MODE: seeded the demo users (docs/using-the-portal.md lists them), each with the demo"
                + " password and the demo TOTP secret");
        inspections.seed();
    }

    /** The user's last used code step; none if their stored secret no longer opens (e.g. a new local keystore). */
    private long lastStep(String userId) {
        try {
            return credentials.find(userId).map(LocalCredential::lastTotpStep).orElse(-1L);
        } catch (IllegalStateException unreadable) {
            LOG.warning(() -> "DEMO MODE: the stored TOTP secret of a demo user could not be read; replaced");
            return -1L;
        }
    }
}
