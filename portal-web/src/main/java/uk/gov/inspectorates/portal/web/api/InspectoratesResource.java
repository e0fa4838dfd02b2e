package uk.gov.inspectorates.portal.web.api;

import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import uk.gov.inspectorates.portal.core.administration.OrganisationAdministration;
import uk.gov.inspectorates.portal.core.administration.ReaderList;
import uk.gov.inspectorates.portal.core.organisation.Team;

/** An inspectorate's reader list, for its own administrators. */
@Path("inspectorates")
@Produces(MediaType.APPLICATION_JSON)
public class InspectoratesResource {

    @Inject
    CurrentSubject current;

    @Inject
    OrganisationAdministration administration;

    public record ReaderListJson(String inspectorate, List<String> readerList, List<Views.TeamView> teams,
                                 List<String> protocolReaderList) {
        static ReaderListJson of(ReaderList list) {
            return new ReaderListJson(list.inspectorate().name(),
                    list.teams().stream().filter(Team::onReaderList).map(Team::id).sorted().toList(),
                    list.teams().stream().map(team -> new Views.TeamView(team.id(), team.name(), team.onReaderList()))
                            .toList(),
                    list.protocolTeams());
        }
    }

    @GET
    @Path("{code}/reader-list")
    public ReaderListJson readerList(@PathParam("code") String code) {
        return ReaderListJson.of(administration.readerList(current.get(), code));
    }

    @PUT
    @Path("{code}/reader-list")
    @Consumes(MediaType.APPLICATION_JSON)
    public ReaderListJson replaceReaderList(@PathParam("code") String code, String json) {
        return ReaderListJson.of(administration.replaceReaderList(current.get(), code,
                JsonBodies.texts(JsonBodies.object(json), "teams")));
    }
}
