package uk.gov.inspectorates.portal.web.demo;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.logging.Logger;
import uk.gov.inspectorates.portal.core.organisation.DemoDirectory;
import uk.gov.inspectorates.portal.core.organisation.OrganisationDirectory;
import uk.gov.inspectorates.portal.core.organisation.PasswordHasher;
import uk.gov.inspectorates.portal.core.organisation.UserAccount;

/** Puts the demo organisations, teams and people into the directory; repeated starts leave one copy of each. */
@ApplicationScoped
public class DemoSeed {

    private static final Logger LOG = Logger.getLogger(DemoSeed.class.getName());

    @Inject
    OrganisationDirectory directory;

    @Inject
    PasswordHasher hasher;

    public void seed(char[] password) {
        DemoDirectory.localAuthorityAreas().forEach(directory::saveLocalAuthorityArea);
        DemoDirectory.organisations().forEach(directory::saveOrganisation);
        DemoDirectory.teams().forEach(directory::saveTeam);
        String hash = hasher.hash(password);
        for (DemoDirectory.DemoUser user : DemoDirectory.users()) {
            directory.saveUser(new UserAccount("demo-" + user.username(), user.username(), user.displayName(),
                    user.organisationId(), user.roles(), user.teamIds(), hash));
        }
        LOG.warning(() -> "DEMO MODE: seeded demo users " + DemoDirectory.usernames());
    }
}
