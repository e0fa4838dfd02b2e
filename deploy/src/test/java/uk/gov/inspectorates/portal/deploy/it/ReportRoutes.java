package uk.gov.inspectorates.portal.deploy.it;

import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import uk.gov.inspectorates.portal.core.access.Action;
import uk.gov.inspectorates.portal.core.organisation.Inspectorate;
import uk.gov.inspectorates.portal.core.report.AnnexBReportTypes;

/**
 * Pre-publication reports in the access matrix ({@code access-matrix/reports.csv}). States: an Ofsted report under
 * embargo addressed to every other party (as sharing makes it by default); one addressed to HMIC and HMI Probation
 * only; one published (now, through the API); one withdrawn; one removed for good by Ofsted's administrator; and a
 * new report of one of the caller's own inspectorate's report types (for agencies, which have none, an Ofsted type),
 * which only UPLOAD applies to. CHANGE is recording the publication, EXPORT is recording onward sharing on a legal
 * obligation. The states' reports are made and removed by the demo users {@code ofsted.inspector}
 * and {@code ofsted.admin}; a report a subject shares is removed by a matrix administrator of its inspectorate.
 */
final class ReportRoutes implements MatrixRoutes {

    static final String EMBARGO_ALL = "EMBARGO_ALL";
    static final String EMBARGO_SUBSET = "EMBARGO_SUBSET";
    static final String PUBLISHED = "PUBLISHED";
    static final String WITHDRAWN = "WITHDRAWN";
    static final String REMOVED = "REMOVED";
    static final String PUBLISHED_URL = "https://reports.ofsted.gov.uk/provider/matrix";
    static final String NEW_REPORT = "NEW_REPORT";

    private final PortalApi sharer;
    private final PortalApi administrator;
    private final MatrixSubjects subjects;
    private final Map<String, PortalApi> sessions;
    private final byte[] pdf = TestPdf.withText("Access matrix report " + UUID.randomUUID());
    /** report id → the session that may remove it */
    private final Map<String, PortalApi> made = new LinkedHashMap<>();

    private ReportRoutes(PortalApi sharer, PortalApi administrator, MatrixSubjects subjects,
                         Map<String, PortalApi> sessions) {
        this.sharer = sharer;
        this.administrator = administrator;
        this.subjects = subjects;
        this.sessions = sessions;
    }

    static ReportRoutes signedIn(URI portal, MatrixSubjects subjects, Map<String, PortalApi> sessions)
            throws Exception {
        return new ReportRoutes(PortalApi.signedIn(portal, "ofsted.inspector"),
                PortalApi.signedIn(portal, "ofsted.admin"), subjects, sessions);
    }

    @Override
    public String kind() {
        return "reports";
    }

    static final List<String> STATES = List.of(EMBARGO_ALL, EMBARGO_SUBSET, PUBLISHED, WITHDRAWN, REMOVED,
            NEW_REPORT);

    /** UPLOAD makes a new report; every other action is about one that exists (or did). */
    static boolean appliesTo(Action action, String state) {
        return (action == Action.UPLOAD) == state.equals(NEW_REPORT);
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
        if (state.equals(NEW_REPORT)) {
            return null;
        }
        ReportMetadata metadata = ReportMetadata.aReport().titled("Access matrix " + state + " " + UUID.randomUUID());
        if (state.equals(EMBARGO_SUBSET)) {
            metadata.addressedTo("HMIC", "HMI_PROBATION");
        }
        HttpResponse<String> shared = sharer.shareReport(metadata.json(), "matrix.pdf", pdf);
        if (shared.statusCode() != 201) {
            throw new AssertionError("could not share a report for " + state + ": " + shared.body());
        }
        String id = PortalApi.idOf(shared.body());
        made.put(id, administrator);
        switch (state) {
            case EMBARGO_ALL, EMBARGO_SUBSET -> { }
            case PUBLISHED -> expect(200, sharer.postJson("/api/v1/reports/" + id + "/publication",
                    "{\"publishedUrl\":\"" + PUBLISHED_URL + "\"}"), state);
            case WITHDRAWN -> expect(200, sharer.postJson("/api/v1/reports/" + id + "/withdrawal",
                    "{\"reason\":\"shared in error\"}"), state);
            case REMOVED -> {
                HttpResponse<String> removed = administrator.delete("/api/v1/reports/" + id);
                if (removed.statusCode() != 204) {
                    throw new AssertionError("could not remove a report for " + state + ": " + removed.body());
                }
            }
            default -> throw new AssertionError("unknown state " + state);
        }
        return id;
    }

    private static void expect(int status, HttpResponse<String> response, String state) {
        if (response.statusCode() != status) {
            throw new AssertionError("could not put a report in state " + state + ": " + response.body());
        }
    }

    @Override
    public Route route(Action action) {
        return switch (action) {
            case LIST -> Route.listing((api, subject, id) -> Answer.of(api.get("/api/v1/reports")));
            case VIEW_METADATA -> Route.access((api, subject, id) -> Answer.of(api.get("/api/v1/reports/" + id)));
            case DOWNLOAD -> Route.access((api, subject, id) -> bytes(api.getBytes("/api/v1/reports/" + id
                    + "/content")));
            case UPLOAD -> Route.access(this::upload);
            case CHANGE -> Route.consuming((api, subject, id) -> Answer.of(api.postJson("/api/v1/reports/" + id
                    + "/publication", "{\"publishedUrl\":\"" + PUBLISHED_URL + "\"}")));
            case DELETE -> Route.consuming((api, subject, id) -> Answer.of(api.delete("/api/v1/reports/" + id)));
            case EXPORT -> Route.access((api, subject, id) -> Answer.of(api.postJson("/api/v1/reports/" + id
                    + "/onward-sharing", "{\"basis\":\"LEGAL_OBLIGATION\",\"recipient\":\"Family Court\","
                    + "\"evidence\":\"order ZW30C00123\"}")));
            // issue 18: who has seen the report (docs/adr/0033)
            case AUDIT_VIEW -> Route.access((api, subject, id) -> Answer.of(api.get("/api/v1/audit/reports/" + id
                    + "/readers")));
        };
    }

    private Answer upload(PortalApi api, String subject, String id) throws Exception {
        Inspectorate own = inspectorateOf(subjects.get(subject).organisationId()).orElse(Inspectorate.OFSTED);
        HttpResponse<String> shared = api.shareReport(ReportMetadata.aReport()
                .ofType(AnnexBReportTypes.of(own).get(0).code())
                .titled("Access matrix upload by " + subject + " " + UUID.randomUUID()).json(), "matrix.pdf", pdf);
        if (shared.statusCode() == 201) {
            made.put(PortalApi.idOf(shared.body()), administratorOf(own));
        }
        return Answer.of(shared);
    }

    private static Optional<Inspectorate> inspectorateOf(String organisationId) {
        return Arrays.stream(Inspectorate.values()).filter(i -> i.organisationId().equals(organisationId))
                .findFirst();
    }

    private PortalApi administratorOf(Inspectorate inspectorate) {
        if (inspectorate == Inspectorate.OFSTED) {
            return administrator;
        }
        return subjects.all().stream()
                .filter(s -> s.organisationId().equals(inspectorate.organisationId())
                        && s.roles().contains("ADMINISTRATOR"))
                .map(s -> sessions.get(s.name())).findFirst()
                .orElseThrow(() -> new AssertionError("no matrix administrator of " + inspectorate
                        + " to remove what its staff share"));
    }

    @Override
    public void cleanUp() throws Exception {
        for (Map.Entry<String, PortalApi> report : made.entrySet()) {
            report.getValue().delete("/api/v1/reports/" + report.getKey());
        }
        made.clear();
    }


    /** A download's body is kept when it is a problem, else only whether it is a PDF (or where it redirects). */
    private static Answer bytes(HttpResponse<byte[]> response) {
        if (response.statusCode() == 303) {
            return new Answer(303, "Location: " + response.headers().firstValue("Location").orElse(""));
        }
        byte[] body = response.body();
        boolean pdf = body.length > 4 && new String(body, 0, 5, StandardCharsets.US_ASCII).equals("%PDF-");
        return new Answer(response.statusCode(), pdf ? "%PDF-" : new String(body, StandardCharsets.UTF_8));
    }
}
