package uk.gov.inspectorates.portal.deploy.it;

import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import uk.gov.inspectorates.portal.core.access.Action;
import uk.gov.inspectorates.portal.core.calendar.WorkingDayCalendar;
import uk.gov.inspectorates.portal.storage.calendar.GovUkBankHolidays;

/**
 * The JTAI kinds in the access matrix (docs/adr/0021): inspections ({@code inspections.csv}), information requests
 * ({@code information-requests.csv}) and evidence documents ({@code evidence-documents.csv}). All of one inspection of
 * Northdale opened by the matrix's {@code ofsted.lead} with Ofsted and CQC taking part (HMIC does not), so that the
 * matrix's agency staff (Northdale children's services) are the "own agency" of Ofsted's request and its document and
 * "another agency" of CQC's request to health and the document health uploaded (as the demo {@code health.uploader}).
 * A listing under the inspection answers 404 to those who may not know it exists (DENY_404 in a LIST cell).
 */
final class JtaiRoutes {

    static final String AREA = "northdale";
    static final String CHILDRENS = "northdale-childrens-services";
    static final String HEALTH = "northdale-icb";
    static final String POLICE = "northdale-police";

    /** The one inspection and its requests, made once for the three kinds. */
    static final class Fixture {
        private final Map<String, PortalApi> sessions;
        private final PortalApi healthUploader;
        private final byte[] pdf = TestPdf.withText("Access matrix evidence " + UUID.randomUUID());
        private String inspection;
        private String toChildrens;
        private String toHealth;

        private Fixture(Map<String, PortalApi> sessions, PortalApi healthUploader) {
            this.sessions = sessions;
            this.healthUploader = healthUploader;
        }

        static Fixture signedIn(URI portal, Map<String, PortalApi> sessions) throws Exception {
            return new Fixture(sessions, PortalApi.signedIn(portal, "health.uploader"));
        }

        String inspection() throws Exception {
            if (inspection == null) {
                LocalDate today = LocalDate.now(WorkingDayCalendar.UK);
                String notifiedOn = new WorkingDayCalendar(GovUkBankHolidays.shipped()).plusWorkingDays(today, -1)
                        .toString();
                inspection = created(open(sessions.get("ofsted.lead"), notifiedOn), "an inspection");
                toChildrens = created(request(sessions.get("ofsted.inspector"), inspection, CHILDRENS),
                        "Ofsted's request to children's services");
                toHealth = created(request(sessions.get("cqc.inspector"), inspection, HEALTH),
                        "CQC's request to health");
            }
            return inspection;
        }

        String toChildrens() throws Exception {
            inspection();
            return toChildrens;
        }

        String toHealth() throws Exception {
            inspection();
            return toHealth;
        }

        static HttpResponse<String> open(PortalApi api, String notifiedOn) throws Exception {
            return api.postJson("/api/v1/inspections", "{\"localAuthorityArea\":\"" + AREA + "\",\"theme\":"
                    + "\"Access matrix\",\"notifiedOn\":\"" + notifiedOn + "\",\"inspectorates\":[\"OFSTED\",\"CQC\"]}");
        }

        static HttpResponse<String> request(PortalApi api, String inspection, String agency) throws Exception {
            return api.postJson("/api/v1/inspections/" + inspection + "/requests", "{\"agency\":\"" + agency
                    + "\",\"title\":\"Access matrix\",\"items\":[\"KEY_CASE_FILE_DOCUMENTS\"]}");
        }

        HttpResponse<String> upload(PortalApi api, String request) throws Exception {
            return api.postMultipart("/api/v1/inspections/" + inspection() + "/requests/" + request + "/documents",
                    List.<String[]>of(new String[] {"metadata", "{\"classification\":{\"tier\":\"OFFICIAL\"}}"}),
                    "evidence.pdf", pdf, true);
        }

        private static String created(HttpResponse<String> response, String what) {
            if (response.statusCode() != 201) {
                throw new AssertionError("could not make " + what + ": " + response.body());
            }
            return PortalApi.idOf(response.body());
        }

        /** The matrix's people are removed after: what they made goes first, by SQL (no route removes it yet). */
        void cleanUp() throws Exception {
            try (Connection connection = TestEnvironment.openSuperuserConnection();
                 Statement statement = connection.createStatement()) {
                statement.executeUpdate("delete from inspection where opened_by like 'matrix-%'");
            }
            inspection = null;
        }
    }

    private JtaiRoutes() {
    }

    /** A route no feature has yet: the request it would answer must find nothing. */
    private static MatrixRoutes.Route none(String method, String path) {
        return MatrixRoutes.Route.none((api, subject, id) -> MatrixRoutes.Answer.of(switch (method) {
            case "GET" -> api.get(path.replace("{id}", String.valueOf(id)));
            case "PUT" -> api.putJson(path.replace("{id}", String.valueOf(id)), "{}");
            case "DELETE" -> api.delete(path.replace("{id}", String.valueOf(id)));
            default -> api.postJson(path.replace("{id}", String.valueOf(id)), "{}");
        }));
    }

    private static MatrixRoutes.Answer bytes(HttpResponse<byte[]> response) {
        byte[] body = response.body();
        boolean pdf = body.length > 4 && new String(body, 0, 5, StandardCharsets.US_ASCII).equals("%PDF-");
        return new MatrixRoutes.Answer(response.statusCode(), pdf ? "%PDF-" : new String(body, StandardCharsets.UTF_8));
    }

    /** OPEN: the fixture's inspection; NEW: opening one (UPLOAD only). */
    static final class Inspections implements MatrixRoutes {
        static final String OPEN = "OPEN";
        static final String NEW = "NEW";
        static final List<String> STATES = List.of(OPEN, NEW);

        private final Fixture fixture;

        Inspections(Fixture fixture) {
            this.fixture = fixture;
        }

        static boolean appliesTo(Action action, String state) {
            return (action == Action.UPLOAD) == state.equals(NEW);
        }

        @Override
        public String kind() {
            return "inspections";
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
            return state.equals(NEW) ? null : fixture.inspection();
        }

        @Override
        public Route route(Action action) {
            return switch (action) {
                case LIST -> Route.listing((api, subject, id) -> Answer.of(api.get("/api/v1/inspections")));
                case VIEW_METADATA -> Route.access((api, subject, id) -> Answer.of(api.get("/api/v1/inspections/"
                        + id)));
                case UPLOAD -> Route.access((api, subject, id) -> Answer.of(Fixture.open(api, nextWorkingDay())));
                case DOWNLOAD -> none("GET", "/api/v1/inspections/{id}/content");
                case CHANGE -> none("PUT", "/api/v1/inspections/{id}");
                case DELETE -> none("DELETE", "/api/v1/inspections/{id}");
                case EXPORT -> none("POST", "/api/v1/inspections/{id}/exports");
                case AUDIT_VIEW -> none("GET", "/api/v1/audit/resources/{id}");
            };
        }

        private static String nextWorkingDay() {
            return new WorkingDayCalendar(GovUkBankHolidays.shipped())
                    .plusWorkingDays(LocalDate.now(WorkingDayCalendar.UK), 1).toString();
        }

        @Override
        public void cleanUp() throws Exception {
            fixture.cleanUp();
        }
    }

    /**
     * TO_CHILDRENS: Ofsted's request to children's services (the matrix's agency staff's own agency); TO_HEALTH: CQC's
     * to health (another agency); NEW_TO_CHILDRENS and NEW_TO_POLICE: making one (UPLOAD only): to an agency Ofsted
     * inspects, and to the police, whom no participant of this inspection inspects.
     */
    static final class Requests implements MatrixRoutes {
        static final String TO_CHILDRENS = "TO_CHILDRENS";
        static final String TO_HEALTH = "TO_HEALTH";
        static final String NEW_TO_CHILDRENS = "NEW_TO_CHILDRENS";
        static final String NEW_TO_POLICE = "NEW_TO_POLICE";
        static final List<String> STATES = List.of(TO_CHILDRENS, TO_HEALTH, NEW_TO_CHILDRENS, NEW_TO_POLICE);

        private final Fixture fixture;

        Requests(Fixture fixture) {
            this.fixture = fixture;
        }

        static boolean appliesTo(Action action, String state) {
            return (action == Action.UPLOAD) == state.startsWith("NEW_");
        }

        @Override
        public String kind() {
            return "information-requests";
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
            return switch (state) {
                case TO_CHILDRENS -> fixture.toChildrens();
                case TO_HEALTH -> fixture.toHealth();
                case NEW_TO_CHILDRENS -> CHILDRENS;
                default -> POLICE;
            };
        }

        @Override
        public Route route(Action action) {
            return switch (action) {
                case LIST -> Route.listing((api, subject, id) -> Answer.of(api.get("/api/v1/inspections/"
                        + fixture.inspection() + "/requests")));
                case VIEW_METADATA -> Route.access((api, subject, id) -> Answer.of(api.get("/api/v1/inspections/"
                        + fixture.inspection() + "/requests/" + id)));
                // the state's "id" is the agency asked
                case UPLOAD -> Route.access((api, subject, agency) -> Answer.of(Fixture.request(api,
                        fixture.inspection(), agency)));
                case DOWNLOAD -> none("GET", "/api/v1/inspections/x/requests/{id}/content");
                case CHANGE -> none("PUT", "/api/v1/inspections/x/requests/{id}");
                case DELETE -> none("DELETE", "/api/v1/inspections/x/requests/{id}");
                case EXPORT -> none("POST", "/api/v1/inspections/x/requests/{id}/exports");
                case AUDIT_VIEW -> none("GET", "/api/v1/audit/resources/{id}");
            };
        }

        @Override
        public void cleanUp() throws Exception {
            fixture.cleanUp();
        }
    }

    /**
     * CHILDRENS_DOC: uploaded by the matrix's agency uploader against Ofsted's request; HEALTH_DOC: uploaded by the demo
     * health uploader against CQC's; NEW_TO_CHILDRENS and NEW_TO_HEALTH: uploading one against either request (UPLOAD
     * only). LIST is the inspection's documents, VIEW_METADATA a document's details, DOWNLOAD its original bytes.
     */
    static final class Documents implements MatrixRoutes {
        static final String CHILDRENS_DOC = "CHILDRENS_DOC";
        static final String HEALTH_DOC = "HEALTH_DOC";
        static final String NEW_TO_CHILDRENS = "NEW_TO_CHILDRENS";
        static final String NEW_TO_HEALTH = "NEW_TO_HEALTH";
        static final List<String> STATES = List.of(CHILDRENS_DOC, HEALTH_DOC, NEW_TO_CHILDRENS, NEW_TO_HEALTH);

        private final Fixture fixture;

        Documents(Fixture fixture) {
            this.fixture = fixture;
        }

        static boolean appliesTo(Action action, String state) {
            return (action == Action.UPLOAD) == state.startsWith("NEW_");
        }

        @Override
        public String kind() {
            return "evidence-documents";
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
            return switch (state) {
                case CHILDRENS_DOC -> Fixture.created(fixture.upload(fixture.sessions.get("agency.uploader"),
                        fixture.toChildrens()), "a children's services document");
                case HEALTH_DOC -> Fixture.created(fixture.upload(fixture.healthUploader, fixture.toHealth()),
                        "a health document");
                case NEW_TO_CHILDRENS -> fixture.toChildrens();
                default -> fixture.toHealth();
            };
        }

        @Override
        public Route route(Action action) {
            return switch (action) {
                case LIST -> Route.listing((api, subject, id) -> Answer.of(api.get("/api/v1/inspections/"
                        + fixture.inspection() + "/documents")));
                case VIEW_METADATA -> Route.access((api, subject, id) -> Answer.of(api.get("/api/v1/documents/"
                        + id)));
                case DOWNLOAD -> Route.access((api, subject, id) -> bytes(api.getBytes("/api/v1/documents/" + id
                        + "/content")));
                // the state's "id" is the request uploaded against
                case UPLOAD -> Route.access((api, subject, request) -> Answer.of(fixture.upload(api, request)));
                case CHANGE -> none("PUT", "/api/v1/documents/{id}");
                case DELETE -> none("DELETE", "/api/v1/documents/{id}");
                case EXPORT -> none("POST", "/api/v1/documents/{id}/exports");
                case AUDIT_VIEW -> none("GET", "/api/v1/audit/resources/{id}");
            };
        }

        @Override
        public void cleanUp() throws Exception {
            fixture.cleanUp();
        }
    }
}
