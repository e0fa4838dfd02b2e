package uk.gov.inspectorates.portal.deploy.it;

import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import uk.gov.inspectorates.portal.core.access.Action;

/**
 * JTAI findings letters before issue in the access matrix ({@code access-matrix/findings-letters.csv},
 * docs/adr/0025). Each state is the letter of an inspection of its own, opened by the matrix's {@code ofsted.lead}
 * with CQC taking part: {@code AWAITING_SIGN_OFF} has a draft (version 1) by {@code ofsted.lead};
 * {@code WITH_DCS} has that draft signed off by {@code cqc.inspector} and sent to the matrix's {@code agency.chief}
 * as the DCS. LIST and VIEW_METADATA: the letter ({@code GET .../findings-letter}); DOWNLOAD: version 1; UPLOAD: a new
 * version; CHANGE: a sign-off; EXPORT: sending the draft to the DCS (issuing is the same rule, tested in
 * FindingsLetterIT). Permitted, UPLOAD and CHANGE move the letter on: the state is prepared again. Removal goes with
 * the inspection: DELETE and AUDIT_VIEW have no route.
 */
final class FindingsLetterRoutes implements MatrixRoutes {

    static final List<String> STATES = List.of("AWAITING_SIGN_OFF", "WITH_DCS");

    private final Map<String, PortalApi> sessions;
    private final Map<String, String> draftOf = new HashMap<>();
    private final List<String> inspections = new ArrayList<>();

    FindingsLetterRoutes(Map<String, PortalApi> sessions) {
        this.sessions = sessions;
    }

    static boolean appliesTo(Action action, String state) {
        return true;
    }

    @Override
    public String kind() {
        return "findings-letters";
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
        PortalApi lead = sessions.get("ofsted.lead");
        HttpResponse<String> opened = lead.postJson("/api/v1/inspections",
                "{\"localAuthorityArea\":\"northdale\",\"theme\":\"Access matrix: findings letter\","
                        + "\"notifiedOn\":\"2026-12-01\",\"inspectorates\":[\"OFSTED\",\"CQC\"],"
                        + "\"leadInspectorate\":\"OFSTED\"}");
        expect(201, opened, "open an inspection");
        String inspection = PortalApi.idOf(opened.body());
        inspections.add(inspection);
        HttpResponse<String> drafted = upload(lead, inspection);
        expect(201, drafted, "upload a draft");
        draftOf.put(inspection, PortalApi.idOf(drafted.body()));
        if (state.equals("WITH_DCS")) {
            expect(201, sessions.get("cqc.inspector").postJson(letter(inspection) + "/sign-offs", "{}"), "sign off");
            expect(201, lead.postJson(letter(inspection) + "/accuracy-check", "{\"dcs\":\"matrix-agency.chief\"}"),
                    "send to the DCS");
        }
        return inspection;
    }

    private static void expect(int status, HttpResponse<String> response, String what) {
        if (response.statusCode() != status) {
            throw new AssertionError("could not " + what + " for the findings letter: " + response.body());
        }
    }

    private static HttpResponse<String> upload(PortalApi api, String inspection) throws Exception {
        return api.postMultipart(letter(inspection), List.<String[]>of(new String[] {"metadata",
                "{\"classification\":{\"tier\":\"OFFICIAL_SENSITIVE\"}}"}), "letter.pdf",
                TestPdf.withText("Findings letter (access matrix)"), true);
    }

    private static String letter(String inspection) {
        return "/api/v1/inspections/" + inspection + "/findings-letter";
    }

    @Override
    public Route route(Action action) {
        return switch (action) {
            case LIST -> Route.listing((api, subject, id) -> Answer.of(api.get(letter(id))));
            case VIEW_METADATA -> Route.access((api, subject, id) -> Answer.of(api.get(letter(id))));
            case DOWNLOAD -> Route.access((api, subject, id) -> {
                HttpResponse<byte[]> content = api.getBytes(letter(id) + "/documents/" + draftOf.get(id)
                        + "/content");
                return new Answer(content.statusCode(), new String(content.body(),
                        java.nio.charset.StandardCharsets.ISO_8859_1));
            });
            case UPLOAD -> Route.consuming((api, subject, id) -> Answer.of(upload(api, id)));
            case CHANGE -> Route.consuming((api, subject, id) -> Answer.of(api.postJson(letter(id) + "/sign-offs",
                    "{}")));
            case EXPORT -> Route.consuming((api, subject, id) -> Answer.of(api.postJson(letter(id)
                    + "/accuracy-check", "{\"dcs\":\"matrix-agency.chief\"}")));
            case DELETE -> Route.none((api, subject, id) -> Answer.of(api.delete(letter(id))));
            case AUDIT_VIEW -> Route.none((api, subject, id) -> Answer.of(api.get("/api/v1/audit/resources/" + id)));
        };
    }

    /** The inspections go, and their letters with them, before the matrix's people. */
    @Override
    public void cleanUp() throws Exception {
        try (Connection connection = TestEnvironment.openSuperuserConnection();
             PreparedStatement delete = connection.prepareStatement("delete from inspection where id = ?")) {
            for (String inspection : inspections) {
                delete.setString(1, inspection);
                delete.executeUpdate();
            }
        }
        inspections.clear();
    }
}
