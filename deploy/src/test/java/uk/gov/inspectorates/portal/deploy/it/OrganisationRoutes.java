package uk.gov.inspectorates.portal.deploy.it;

import java.util.List;
import uk.gov.inspectorates.portal.core.access.Action;
import uk.gov.inspectorates.portal.core.organisation.DemoDirectory;
import uk.gov.inspectorates.portal.core.organisation.Inspectorate;

/**
 * The register of organisations in the access matrix ({@code access-matrix/organisations.csv}). States: the
 * originator's inspectorate (Ofsted), another inspectorate (CQC) and an agency Ofsted inspects (Northdale children's
 * services), all seeded by the demo directory. LIST is the register ({@code GET /api/v1/organisations}: listed, or
 * refused outright); VIEW_METADATA is the organisation's teams ({@code GET /api/v1/organisations/{id}/teams}).
 * Organisations are changed on the administration pages (OrganisationAdminIT), not yet through the API.
 */
final class OrganisationRoutes implements MatrixRoutes {

    static final String OWN_INSPECTORATE = "OFSTED";
    static final String OTHER_INSPECTORATE = "CQC";
    static final String AGENCY = "AGENCY";
    static final List<String> STATES = List.of(OWN_INSPECTORATE, OTHER_INSPECTORATE, AGENCY);

    static boolean appliesTo(Action action, String state) {
        return action != Action.UPLOAD;
    }

    @Override
    public String kind() {
        return "organisations";
    }

    @Override
    public List<String> states() {
        return STATES;
    }

    @Override
    public boolean applies(Action action, String state) {
        return appliesTo(action, state);
    }

    @Override
    public String prepare(String state) {
        return switch (state) {
            case OWN_INSPECTORATE -> Inspectorate.OFSTED.organisationId();
            case OTHER_INSPECTORATE -> Inspectorate.CQC.organisationId();
            case AGENCY -> DemoDirectory.CHILDRENS_SERVICES_ID;
            default -> throw new IllegalArgumentException(state);
        };
    }

    @Override
    public Route route(Action action) {
        return switch (action) {
            case LIST -> Route.listing((api, subject, id) -> Answer.of(api.get("/api/v1/organisations")));
            case VIEW_METADATA -> Route.access((api, subject, id) ->
                    Answer.of(api.get("/api/v1/organisations/" + id + "/teams")));
            case DOWNLOAD -> Route.none((api, subject, id) -> Answer.of(api.get("/api/v1/organisations/" + id
                    + "/content")));
            case UPLOAD -> Route.none((api, subject, id) -> Answer.of(api.postJson("/api/v1/organisations", "{}")));
            case CHANGE -> Route.none((api, subject, id) -> Answer.of(api.postJson("/api/v1/organisations/" + id,
                    "{}")));
            case DELETE -> Route.none((api, subject, id) -> Answer.of(api.delete("/api/v1/organisations/" + id)));
            case EXPORT -> Route.none((api, subject, id) -> Answer.of(api.postJson("/api/v1/organisations/" + id
                    + "/exports", "{}")));
            case AUDIT_VIEW -> Route.none((api, subject, id) -> Answer.of(api.get("/api/v1/audit/resources/" + id)));
        };
    }

    /** The matrix makes no organisations: they are the demo directory's. */
    @Override
    public void cleanUp() {
    }
}
