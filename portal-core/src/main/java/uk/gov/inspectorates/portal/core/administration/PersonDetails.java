package uk.gov.inspectorates.portal.core.administration;

import java.util.List;
import java.util.Set;
import uk.gov.inspectorates.portal.core.organisation.Organisation;
import uk.gov.inspectorates.portal.core.organisation.Role;
import uk.gov.inspectorates.portal.core.organisation.Team;
import uk.gov.inspectorates.portal.core.organisation.UserAccount;

/** A person as their administrator sees them: the roles their kind of organisation may hold, its teams. */
public record PersonDetails(UserAccount person, Organisation organisation, Set<Role> assignableRoles,
                            List<Team> teams) {
}
