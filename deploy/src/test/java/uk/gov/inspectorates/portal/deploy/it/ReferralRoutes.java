package uk.gov.inspectorates.portal.deploy.it;

import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import uk.gov.inspectorates.portal.core.access.Action;

/**
 * Referrals of concern in the access matrix ({@code access-matrix/referrals.csv}, docs/adr/0022). One inspection of
 * Northdale, opened by the matrix's {@code ofsted.lead} (so the inspection's lead inspector) with CQC and HMIC taking
 * part; each state is a category 1 referral by the matrix's {@code cqc.inspector} to Northdale Council Children's
 * Services (the matrix's agency people's agency), taken through the steps to that state by the people whose steps they
 * are. {@code NEW_REFERRAL}: one about to be raised (UPLOAD only). CHANGE is the step the state waits for (a signed-off
 * referral is asked for the lead inspector's sign-off again); DOWNLOAD, DELETE, EXPORT and AUDIT_VIEW have no route.
 */
final class ReferralRoutes implements MatrixRoutes {

    static final String NEW_REFERRAL = "NEW_REFERRAL";
    static final List<String> STATES = List.of(NEW_REFERRAL, "AWAITING_AGENCY_RESPONSE", "AWAITING_EVALUATION",
            "AWAITING_CHIEF_OFFICER_SIGN_OFF", "AWAITING_LEAD_INSPECTOR_SIGN_OFF", "SIGNED_OFF");
    /** Each state's step, and who takes it to move a referral on. */
    private static final List<String[]> STEPS = List.of(new String[] {"RESPONSE", "agency.uploader"},
            new String[] {"EVALUATION", "cqc.inspector"}, new String[] {"CHIEF_OFFICER_SIGN_OFF", "agency.chief"},
            new String[] {"LEAD_INSPECTOR_SIGN_OFF", "ofsted.lead"});
    private static final Map<String, String> STEP_OF_STATE = Map.of("AWAITING_AGENCY_RESPONSE", "RESPONSE",
            "AWAITING_EVALUATION", "EVALUATION", "AWAITING_CHIEF_OFFICER_SIGN_OFF", "CHIEF_OFFICER_SIGN_OFF",
            "AWAITING_LEAD_INSPECTOR_SIGN_OFF", "LEAD_INSPECTOR_SIGN_OFF", "SIGNED_OFF", "LEAD_INSPECTOR_SIGN_OFF");

    private final Map<String, PortalApi> sessions;
    private final Map<String, String> stateOf = new java.util.HashMap<>();
    private String inspection;

    ReferralRoutes(Map<String, PortalApi> sessions) {
        this.sessions = sessions;
    }

    static boolean appliesTo(Action action, String state) {
        return (action == Action.UPLOAD) == state.equals(NEW_REFERRAL);
    }

    @Override
    public String kind() {
        return "referrals";
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
        if (inspection == null) {
            HttpResponse<String> opened = sessions.get("ofsted.lead").postJson("/api/v1/inspections",
                    "{\"localAuthorityArea\":\"northdale\",\"theme\":\"Access matrix\",\"notifiedOn\":\"2026-12-01\","
                            + "\"inspectorates\":[\"OFSTED\",\"CQC\",\"HMIC\"],\"leadInspectorate\":\"OFSTED\"}");
            if (opened.statusCode() != 201) {
                throw new AssertionError("could not open an inspection for the referrals: " + opened.body());
            }
            inspection = PortalApi.idOf(opened.body());
        }
        if (state.equals(NEW_REFERRAL)) {
            return null;
        }
        HttpResponse<String> raised = raise(sessions.get("cqc.inspector"));
        if (raised.statusCode() != 201) {
            throw new AssertionError("could not raise a referral for " + state + ": " + raised.body());
        }
        String id = PortalApi.idOf(raised.body());
        int steps = STATES.indexOf(state) - 1;
        for (String[] step : STEPS.subList(0, steps)) {
            HttpResponse<String> taken = sessions.get(step[1]).putJson(path(id), body(step[0]));
            if (taken.statusCode() != 200) {
                throw new AssertionError("could not take " + step[0] + " for " + state + ": " + taken.body());
            }
        }
        stateOf.put(id, state);
        return id;
    }

    private HttpResponse<String> raise(PortalApi api) throws Exception {
        return api.postJson("/api/v1/inspections/" + inspection + "/referrals", "{\"agency\":"
                + "\"northdale-childrens-services\",\"caseNumbers\":[\"CS-MATRIX-1\"],\"category\":1,\"issues\":"
                + "\"Access matrix\",\"responseRequiredBy\":\"" + Instant.now().plus(7, ChronoUnit.DAYS) + "\"}");
    }

    private String path(String id) {
        return "/api/v1/inspections/" + inspection + "/referrals/" + id;
    }

    private static String body(String step) {
        return "{\"step\":\"" + step + "\",\"text\":\"Recorded by the access matrix\"}";
    }

    @Override
    public Route route(Action action) {
        return switch (action) {
            case LIST -> Route.listing((api, subject, id) -> Answer.of(api.get("/api/v1/inspections/" + inspection
                    + "/referrals")));
            case VIEW_METADATA -> Route.access((api, subject, id) -> Answer.of(api.get(path(id))));
            case DOWNLOAD -> Route.none((api, subject, id) -> Answer.of(api.get(path(id) + "/content")));
            case UPLOAD -> Route.access((api, subject, id) -> Answer.of(raise(api)));
            // the step the referral's state waits for; permitted, it moves the referral on: prepared again
            case CHANGE -> Route.consuming((api, subject, id) -> Answer.of(api.putJson(path(id),
                    body(STEP_OF_STATE.get(stateOf.get(id))))));
            case DELETE -> Route.none((api, subject, id) -> Answer.of(api.delete(path(id))));
            case EXPORT -> Route.none((api, subject, id) -> Answer.of(api.postJson(path(id) + "/exports", "{}")));
            case AUDIT_VIEW -> Route.none((api, subject, id) -> Answer.of(api.get("/api/v1/audit/resources/" + id)));
        };
    }

    /** No route removes a referral: the inspection goes, and its referrals with it, before the matrix's people. */
    @Override
    public void cleanUp() throws Exception {
        if (inspection == null) {
            return;
        }
        try (Connection connection = TestEnvironment.openSuperuserConnection();
             PreparedStatement delete = connection.prepareStatement("delete from inspection where id = ?")) {
            delete.setString(1, inspection);
            delete.executeUpdate();
        }
    }
}
