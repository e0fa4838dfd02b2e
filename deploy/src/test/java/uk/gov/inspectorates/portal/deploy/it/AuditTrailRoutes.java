package uk.gov.inspectorates.portal.deploy.it;

import java.net.URI;
import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import uk.gov.inspectorates.portal.core.access.Action;

/**
 * The audit trail in the access matrix ({@code access-matrix/audit-trail.csv}, issue 18, docs/adr/0033). States:
 * {@link #TRAIL}, each subject's own organisation's trail: AUDIT_VIEW is the search ({@code GET /api/v1/audit}),
 * VIEW_METADATA the verification, EXPORT the CSV export, DOWNLOAD the PDF report; nobody changes it (UPLOAD, CHANGE,
 * DELETE: no route). {@link #OFSTED_INTERNAL}, the scope: Ofsted's inspector viewing an Ofsted report addressed to
 * HMIC only (Ofsted's people on Ofsted's information); LIST is the newest 500 events of the subject's search, listed
 * when that report is in it.
 */
final class AuditTrailRoutes implements MatrixRoutes {

    static final String TRAIL = "TRAIL";
    static final String OFSTED_INTERNAL = "OFSTED_INTERNAL";
    static final List<String> STATES = List.of(TRAIL, OFSTED_INTERNAL);

    private final PortalApi sharer;
    private final PortalApi administrator;
    private final byte[] pdf = TestPdf.withText("Access matrix audit " + UUID.randomUUID());
    private final Map<String, PortalApi> made = new LinkedHashMap<>();

    private AuditTrailRoutes(PortalApi sharer, PortalApi administrator) {
        this.sharer = sharer;
        this.administrator = administrator;
    }

    static AuditTrailRoutes signedIn(URI portal) throws Exception {
        return new AuditTrailRoutes(PortalApi.signedIn(portal, "ofsted.inspector"),
                PortalApi.signedIn(portal, "ofsted.admin"));
    }

    static boolean appliesTo(Action action, String state) {
        return state.equals(TRAIL) ? action != Action.LIST : action == Action.LIST;
    }

    @Override
    public String kind() {
        return "audit-trail";
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
        if (state.equals(TRAIL)) {
            return "trail";
        }
        HttpResponse<String> shared = sharer.shareReport(ReportMetadata.aReport()
                .titled("Access matrix audit scope " + UUID.randomUUID()).addressedTo("HMIC").json(), "matrix.pdf",
                pdf);
        if (shared.statusCode() != 201) {
            throw new AssertionError("could not share a report for " + state + ": " + shared.body());
        }
        String id = PortalApi.idOf(shared.body());
        made.put(id, administrator);
        HttpResponse<String> viewed = sharer.get("/api/v1/reports/" + id);
        if (viewed.statusCode() != 200) {
            throw new AssertionError("could not view the report for " + state + ": " + viewed.body());
        }
        return id;
    }

    @Override
    public Route route(Action action) {
        return switch (action) {
            case LIST -> Route.listing((api, subject, id) -> Answer.of(api.get("/api/v1/audit?pageSize=500")));
            case VIEW_METADATA -> Route.access((api, subject, id) -> Answer.of(api.get("/api/v1/audit/verification")));
            case EXPORT -> Route.access((api, subject, id) -> Answer.of(api.get("/api/v1/audit/export.csv")));
            case DOWNLOAD -> Route.access((api, subject, id) -> Answer.of(api.get("/api/v1/audit/export.pdf")));
            case UPLOAD -> Route.none((api, subject, id) -> Answer.of(api.postJson("/api/v1/audit", "{}")));
            case CHANGE -> Route.none((api, subject, id) -> Answer.of(api.putJson("/api/v1/audit", "{}")));
            case DELETE -> Route.none((api, subject, id) -> Answer.of(api.delete("/api/v1/audit")));
            case AUDIT_VIEW -> Route.access((api, subject, id) -> Answer.of(api.get("/api/v1/audit?pageSize=1")));
        };
    }

    @Override
    public void cleanUp() throws Exception {
        for (Map.Entry<String, PortalApi> report : made.entrySet()) {
            report.getValue().delete("/api/v1/reports/" + report.getKey());
        }
        made.clear();
    }
}
