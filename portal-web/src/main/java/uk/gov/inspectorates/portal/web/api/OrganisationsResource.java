package uk.gov.inspectorates.portal.web.api;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import java.util.stream.Stream;
import uk.gov.inspectorates.portal.core.administration.OrganisationAdministration;
import uk.gov.inspectorates.portal.core.administration.OrganisationRegister;
import uk.gov.inspectorates.portal.core.organisation.Organisation;

/** The register of organisations and an inspectorate's teams, for administrators' scripts. */
@Path("organisations")
@Produces(MediaType.APPLICATION_JSON)
public class OrganisationsResource {

    @Inject
    CurrentSubject current;

    @Inject
    OrganisationAdministration administration;

    public record OrganisationJson(String id, String name, String inspectorate, String agencyType,
                                   String localAuthorityArea, String localAuthorityAreaName) {
    }

    public record TeamJson(String id, String organisationId, String name, boolean onReaderList) {
    }

    @GET
    public List<OrganisationJson> organisations() {
        OrganisationRegister register = administration.register(current.get());
        return Stream.concat(register.inspectorates().stream(), register.agencies().stream())
                .map(organisation -> json(organisation, register)).toList();
    }

    @GET
    @Path("{id}/teams")
    public List<TeamJson> teams(@PathParam("id") String id) {
        return administration.teamsOf(current.get(), id).stream()
                .map(team -> new TeamJson(team.id(), team.organisationId(), team.name(), team.onReaderList()))
                .toList();
    }

    private static OrganisationJson json(Organisation organisation, OrganisationRegister register) {
        String areaName = register.areas().stream().filter(area -> area.id().equals(organisation.localAuthorityArea()))
                .map(area -> area.name()).findFirst().orElse(null);
        return new OrganisationJson(organisation.id(), organisation.name(),
                organisation.inspectorate() == null ? null : organisation.inspectorate().name(),
                organisation.agencyType() == null ? null : organisation.agencyType().name(),
                organisation.localAuthorityArea(), areaName);
    }
}
