package uk.gov.inspectorates.portal.core.administration;

import java.util.List;
import uk.gov.inspectorates.portal.core.organisation.Inspectorate;
import uk.gov.inspectorates.portal.core.organisation.Team;

/** An inspectorate's teams (each on its reader list or not) and, for reference, the teams the protocol names. */
public record ReaderList(Inspectorate inspectorate, List<Team> teams, List<String> protocolTeams) {

    public ReaderList {
        teams = List.copyOf(teams);
        protocolTeams = List.copyOf(protocolTeams);
    }
}
