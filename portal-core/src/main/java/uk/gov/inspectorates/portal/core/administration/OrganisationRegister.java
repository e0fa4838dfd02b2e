package uk.gov.inspectorates.portal.core.administration;

import java.util.List;
import uk.gov.inspectorates.portal.core.organisation.LocalAuthorityArea;
import uk.gov.inspectorates.portal.core.organisation.Organisation;

/** The inspectorates, the local authority areas and the agencies in them. */
public record OrganisationRegister(List<Organisation> inspectorates, List<LocalAuthorityArea> areas,
                                   List<Organisation> agencies) {
}
