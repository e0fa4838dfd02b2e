package uk.gov.inspectorates.portal.deploy.it;

import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.Statement;
import java.util.Map;
import java.util.List;
import uk.gov.inspectorates.portal.core.access.Action;

/**
 * Termly inspection-plan lists in the access matrix ({@code access-matrix/term-plans.csv}). States: Ofsted's list
 * for {@link #SHARED_TERM}, shared by the matrix's {@code ofsted.inspector}; and a new list, which only UPLOAD
 * (sharing one's own inspectorate's list, for {@link #NEW_TERM}, so that the shared list stays the newest of its
 * term) applies to. LIST is the term's lists ({@code GET /api/v1/term-plans?term=}: listed, or refused outright);
 * VIEW_METADATA is {@code GET /api/v1/term-plans/{id}}. A shared version is never changed or removed: no routes.
 */
final class TermPlanRoutes implements MatrixRoutes {

    static final String SHARED = "SHARED";
    static final String NEW_PLAN = "NEW_PLAN";
    static final List<String> STATES = List.of(SHARED, NEW_PLAN);
    static final String SHARER = "ofsted.inspector";
    static final String SHARED_TERM = "2090-91 SPRING";
    static final String NEW_TERM = "2090-91 SUMMER";

    private final Map<String, PortalApi> sessions;

    TermPlanRoutes(Map<String, PortalApi> sessions) {
        this.sessions = sessions;
    }

    static boolean appliesTo(Action action, String state) {
        return (action == Action.UPLOAD) == state.equals(NEW_PLAN);
    }

    @Override
    public String kind() {
        return "term-plans";
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
    public String prepare(String state) throws Exception {
        if (state.equals(NEW_PLAN)) {
            return null;
        }
        HttpResponse<String> shared = share(sessions.get(SHARER), SHARED_TERM);
        if (shared.statusCode() != 201) {
            throw new AssertionError("could not share a term plan for " + state + ": " + shared.body());
        }
        return PortalApi.idOf(shared.body());
    }

    private static HttpResponse<String> share(PortalApi api, String term) throws Exception {
        return api.postJson("/api/v1/term-plans", "{\"term\":\"" + term + "\",\"areas\":[\"northdale\"]}");
    }

    @Override
    public Route route(Action action) {
        return switch (action) {
            case LIST -> Route.listing((api, subject, id) -> Answer.of(api.get("/api/v1/term-plans?term="
                    + URLEncoder.encode(SHARED_TERM, StandardCharsets.UTF_8))));
            case VIEW_METADATA -> Route.access((api, subject, id) -> Answer.of(api.get("/api/v1/term-plans/" + id)));
            case DOWNLOAD -> Route.none((api, subject, id) -> Answer.of(api.get("/api/v1/term-plans/" + id
                    + "/content")));
            case UPLOAD -> Route.access((api, subject, id) -> Answer.of(share(api, NEW_TERM)));
            case CHANGE -> Route.none((api, subject, id) -> Answer.of(api.postJson("/api/v1/term-plans/" + id,
                    "{}")));
            case DELETE -> Route.none((api, subject, id) -> Answer.of(api.delete("/api/v1/term-plans/" + id)));
            case EXPORT -> Route.none((api, subject, id) -> Answer.of(api.postJson("/api/v1/term-plans/" + id
                    + "/exports", "{}")));
            case AUDIT_VIEW -> Route.none((api, subject, id) -> Answer.of(api.get("/api/v1/audit/resources/" + id)));
        };
    }

    /** No route removes a version, and the matrix's people are removed after: their lists go first, by SQL. */
    @Override
    public void cleanUp() throws Exception {
        try (Connection connection = TestEnvironment.openSuperuserConnection();
             Statement statement = connection.createStatement()) {
            statement.executeUpdate("delete from term_plan where shared_by like 'matrix-%'");
        }
    }
}
