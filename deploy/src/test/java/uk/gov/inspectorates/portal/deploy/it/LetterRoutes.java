package uk.gov.inspectorates.portal.deploy.it;

import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import uk.gov.inspectorates.portal.core.access.Action;

/**
 * Covering and advance letters in the access matrix ({@code access-matrix/letters.csv}, docs/adr/0015). States, all
 * of an Ofsted report shared with every other party by the demo {@code ofsted.inspector}: a covering letter to every
 * addressee (COVERING_ALL); an advance letter to CQC only (ADVANCE_CQC: HMIC has the report, not the letter); a
 * covering letter of a published report (PUBLISHED) and of a withdrawn one (WITHDRAWN); a letter whose report was
 * removed (REMOVED); an advance letter sent ahead of its report to CQC (AHEAD); and a new letter to that report
 * (NEW_LETTER) or a new advance letter sent ahead to HMIC (NEW_AHEAD), which only UPLOAD applies to. LIST is
 * {@code GET /api/v1/letters}; DELETE of a report's letter is always refused (it goes with its report), of one sent
 * ahead it is the sender's administrator's. EXPORT is recording onward sharing of the letter on a legal obligation
 * (ISP ¶14, docs/adr/0027). CHANGE (the sender's answer to a request for written consent) needs a request to answer
 * and is covered by LetterCorrectionsIT and the core tests; CHANGE and AUDIT_VIEW have no route here.
 */
final class LetterRoutes implements MatrixRoutes {

    static final String COVERING_ALL = "COVERING_ALL";
    static final String ADVANCE_CQC = "ADVANCE_CQC";
    static final String PUBLISHED = "PUBLISHED";
    static final String WITHDRAWN = "WITHDRAWN";
    static final String REMOVED = "REMOVED";
    static final String AHEAD = "AHEAD";
    static final String NEW_LETTER = "NEW_LETTER";
    static final String NEW_AHEAD = "NEW_AHEAD";
    static final List<String> STATES = List.of(COVERING_ALL, ADVANCE_CQC, PUBLISHED, WITHDRAWN, REMOVED, AHEAD,
            NEW_LETTER, NEW_AHEAD);

    private static final String COVERING = "{\"kind\":\"COVERING\",\"serviceProviderNotifiedFirst\":true,"
            + "\"addressedTo\":[\"CQC\",\"HMIC\",\"HMI_PROBATION\","
            + "\"HMI_PRISONS\",\"HMCPSI\"],\"classification\":{\"tier\":\"OFFICIAL\"}}";
    private static final String ADVANCE_TO = "{\"kind\":\"ADVANCE_RISK_OF_HARM\",\"addressedTo\":[\"%s\"],"
            + "\"classification\":{\"tier\":\"OFFICIAL_SENSITIVE\"},\"serviceProviderNotifiedFirst\":true,"
            + "\"riskSummary\":\"matrix\"}";

    private final PortalApi sharer;
    private final PortalApi administrator;
    private final Map<String, PortalApi> sessions;
    private final byte[] pdf = TestPdf.withText("Access matrix letter " + UUID.randomUUID());
    /** letter id → its report's id (none for a letter sent ahead) */
    private final Map<String, String> reportOf = new HashMap<>();
    private final List<String> reports = new ArrayList<>();
    /** letters sent ahead, with the session of an administrator of their sender */
    private final Map<String, PortalApi> ahead = new HashMap<>();

    private LetterRoutes(PortalApi sharer, PortalApi administrator, Map<String, PortalApi> sessions) {
        this.sharer = sharer;
        this.administrator = administrator;
        this.sessions = sessions;
    }

    static LetterRoutes signedIn(URI portal, Map<String, PortalApi> sessions) throws Exception {
        return new LetterRoutes(PortalApi.signedIn(portal, "ofsted.inspector"),
                PortalApi.signedIn(portal, "ofsted.admin"), sessions);
    }

    static boolean appliesTo(Action action, String state) {
        return (action == Action.UPLOAD) == (state.equals(NEW_LETTER) || state.equals(NEW_AHEAD));
    }

    @Override
    public String kind() {
        return "letters";
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
        switch (state) {
            // no letter yet: the "id" tells the UPLOAD request which of the two it is, and for a letter which report
            case NEW_LETTER -> {
                return NEW_LETTER + ":" + shareReport();
            }
            case NEW_AHEAD -> {
                return NEW_AHEAD;
            }
            case AHEAD -> {
                String id = created(sharer.postMultipart("/api/v1/advance-letters",
                        List.<String[]>of(new String[] {"metadata", String.format(ADVANCE_TO, "CQC")}), "a.pdf",
                        pdf, true), state);
                ahead.put(id, administrator);
                reportOf.put(id, null);
                return id;
            }
            default -> {
                String reportId = shareReport();
                String metadata = state.equals(ADVANCE_CQC) ? String.format(ADVANCE_TO, "CQC") : COVERING;
                String id = created(sharer.postMultipart("/api/v1/reports/" + reportId + "/letters",
                        List.<String[]>of(new String[] {"metadata", metadata}), "l.pdf", pdf, true), state);
                reportOf.put(id, reportId);
                switch (state) {
                    case PUBLISHED -> expect(200, sharer.postJson("/api/v1/reports/" + reportId + "/publication",
                            "{\"publishedUrl\":\"https://reports.ofsted.gov.uk/provider/letters\"}"), state);
                    case WITHDRAWN -> expect(200, sharer.postJson("/api/v1/reports/" + reportId + "/withdrawal",
                            "{\"reason\":\"shared in error\"}"), state);
                    case REMOVED -> expect(204, administrator.delete("/api/v1/reports/" + reportId), state);
                    default -> { }
                }
                return id;
            }
        }
    }

    private String shareReport() throws Exception {
        HttpResponse<String> shared = sharer.shareReport(ReportMetadata.aReport()
                .titled("Access matrix letters " + UUID.randomUUID()).json(), "matrix.pdf", pdf);
        expect(201, shared, "report");
        String id = PortalApi.idOf(shared.body());
        reports.add(id);
        return id;
    }

    private static String created(HttpResponse<String> response, String state) {
        expect(201, response, state);
        return PortalApi.idOf(response.body());
    }

    private static void expect(int status, HttpResponse<String> response, String state) {
        if (response.statusCode() != status) {
            throw new AssertionError("could not put a letter in state " + state + ": " + response.body());
        }
    }

    /** The letter's own path: under its report, or under the letters sent ahead. */
    private String path(String letterId) {
        String reportId = reportOf.get(letterId);
        return reportId == null ? "/api/v1/advance-letters/" + letterId
                : "/api/v1/reports/" + reportId + "/letters/" + letterId;
    }

    @Override
    public Route route(Action action) {
        return switch (action) {
            case LIST -> Route.listing((api, subject, id) -> Answer.of(api.get("/api/v1/letters")));
            case VIEW_METADATA -> Route.access((api, subject, id) -> Answer.of(api.get(path(id))));
            case DOWNLOAD -> Route.access((api, subject, id) -> bytes(api.getBytes(path(id) + "/content")));
            case UPLOAD -> Route.access(this::upload);
            case DELETE -> Route.consuming((api, subject, id) -> Answer.of(api.delete(path(id))));
            case CHANGE -> Route.none((api, subject, id) -> Answer.of(api.putBytes(path(id), new byte[] {'{', '}'})));
            case EXPORT -> Route.access((api, subject, id) -> Answer.of(api.postJson(path(id) + "/onward-sharing",
                    "{\"basis\":\"LEGAL_OBLIGATION\",\"recipient\":\"Family Court\",\"evidence\":\"order 1\"}")));
            case AUDIT_VIEW -> Route.none((api, subject, id) -> Answer.of(api.get("/api/v1/audit/resources/" + id)));
        };
    }

    /** NEW_LETTER: a covering letter to the prepared report; NEW_AHEAD: an advance letter sent ahead to HMIC. */
    private Answer upload(PortalApi api, String subject, String id) throws Exception {
        if (id.startsWith(NEW_LETTER + ":")) {
            return Answer.of(api.postMultipart("/api/v1/reports/" + id.substring(NEW_LETTER.length() + 1) + "/letters",
                    List.<String[]>of(new String[] {"metadata", COVERING}), "l.pdf", pdf, true));
        }
        HttpResponse<String> sent = api.postMultipart("/api/v1/advance-letters",
                List.<String[]>of(new String[] {"metadata", String.format(ADVANCE_TO, "HMIC")}), "a.pdf", pdf, true);
        if (sent.statusCode() == 201) {
            ahead.put(PortalApi.idOf(sent.body()), subject.startsWith("cqc.") ? sessions.get("cqc.admin")
                    : administrator);
        }
        return Answer.of(sent);
    }

    @Override
    public void cleanUp() throws Exception {
        for (Map.Entry<String, PortalApi> letter : ahead.entrySet()) {
            letter.getValue().delete("/api/v1/advance-letters/" + letter.getKey());
        }
        for (String report : reports) {
            administrator.delete("/api/v1/reports/" + report);
        }
        ahead.clear();
        reports.clear();
        reportOf.clear();
    }

    /** A download's body is kept when it is a problem, else only whether it is a PDF. */
    private static Answer bytes(HttpResponse<byte[]> response) {
        byte[] body = response.body();
        boolean pdf = body.length > 4 && new String(body, 0, 5, StandardCharsets.US_ASCII).equals("%PDF-");
        return new Answer(response.statusCode(), pdf ? "%PDF-" : new String(body, StandardCharsets.UTF_8));
    }
}
