package uk.gov.inspectorates.portal.deploy.it;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import uk.gov.inspectorates.portal.core.access.Action;

/**
 * Resumable uploads in the access matrix ({@code access-matrix/uploads.csv}, docs/adr/0009). States: an upload
 * receiving its parts, started by the matrix's {@code ofsted.inspector} (only its uploader may touch it; to anyone
 * else it does not exist); and a new upload, which only UPLOAD (starting one) applies to. Sending a part is CHANGE;
 * abandoning is DELETE.
 */
final class UploadRoutes implements MatrixRoutes {

    static final String RECEIVING = "RECEIVING";
    static final String NEW_UPLOAD = "NEW_UPLOAD";
    static final List<String> STATES = List.of(RECEIVING, NEW_UPLOAD);
    /** Who starts the RECEIVING upload: a subject of the matrix, so that its table has an owner's row. */
    static final String OWNER = "ofsted.inspector";

    private record Made(String subject, String id) {
    }

    private final Map<String, PortalApi> sessions;
    private final byte[] pdf = TestPdf.withText("Access matrix upload " + UUID.randomUUID());
    private final List<Made> made = new ArrayList<>();

    UploadRoutes(Map<String, PortalApi> sessions) {
        this.sessions = sessions;
    }

    static boolean appliesTo(Action action, String state) {
        return (action == Action.UPLOAD) == state.equals(NEW_UPLOAD);
    }

    @Override
    public String kind() {
        return "uploads";
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
        if (state.equals(NEW_UPLOAD)) {
            return null;
        }
        HttpResponse<String> started = start(sessions.get(OWNER));
        if (started.statusCode() != 201) {
            throw new AssertionError("could not start an upload for " + state + ": " + started.body());
        }
        String id = PortalApi.idOf(started.body());
        made.add(new Made(OWNER, id));
        return id;
    }

    private HttpResponse<String> start(PortalApi api) throws Exception {
        return api.postJson("/api/v1/uploads", "{\"purpose\":\"REPORT\",\"fileName\":\"matrix.pdf\",\"length\":"
                + pdf.length + "}");
    }

    @Override
    public Route route(Action action) {
        return switch (action) {
            case LIST -> Route.none((api, subject, id) -> Answer.of(api.get("/api/v1/uploads")));
            case VIEW_METADATA -> Route.access((api, subject, id) -> Answer.of(api.get("/api/v1/uploads/" + id)));
            case DOWNLOAD -> Route.none((api, subject, id) -> Answer.of(api.get("/api/v1/uploads/" + id + "/content")));
            case UPLOAD -> Route.access(this::startAs);
            case CHANGE -> Route.access((api, subject, id) -> Answer.of(api.putBytes("/api/v1/uploads/" + id
                    + "/parts/1", pdf)));
            case DELETE -> Route.consuming((api, subject, id) -> Answer.of(api.delete("/api/v1/uploads/" + id)));
            case EXPORT -> Route.none((api, subject, id) -> Answer.of(api.postJson("/api/v1/uploads/" + id + "/exports",
                    "{}")));
            case AUDIT_VIEW -> Route.none((api, subject, id) -> Answer.of(api.get("/api/v1/audit/resources/" + id)));
        };
    }

    private Answer startAs(PortalApi api, String subject, String id) throws Exception {
        HttpResponse<String> started = start(api);
        if (started.statusCode() == 201) {
            made.add(new Made(subject, PortalApi.idOf(started.body())));
        }
        return Answer.of(started);
    }

    /** Each upload is abandoned by whoever started it (nobody else may). */
    @Override
    public void cleanUp() throws Exception {
        for (Made upload : made) {
            sessions.get(upload.subject()).delete("/api/v1/uploads/" + upload.id());
        }
        made.clear();
    }
}
