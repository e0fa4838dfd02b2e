package uk.gov.inspectorates.portal.web.pages;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Clock;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import uk.gov.inspectorates.portal.core.access.Subject;
import uk.gov.inspectorates.portal.core.inspection.AnnexAItem;
import uk.gov.inspectorates.portal.core.inspection.EvidenceDocument;
import uk.gov.inspectorates.portal.core.inspection.EvidenceDocuments;
import uk.gov.inspectorates.portal.core.inspection.InformationRequest;
import uk.gov.inspectorates.portal.core.inspection.InformationRequests;
import uk.gov.inspectorates.portal.core.inspection.InspectionService;
import uk.gov.inspectorates.portal.core.shared.InvalidInput;
import uk.gov.inspectorates.portal.core.inspection.RequestDraft;
import uk.gov.inspectorates.portal.web.api.JtaiNames;
import uk.gov.inspectorates.portal.web.api.Problem;
import uk.gov.inspectorates.portal.web.api.Problems;

/**
 * An inspection's information requests on the pages: the form on which an inspectorate asks one of the agencies it
 * inspects (the Annex A checklist, and anything beyond it only with a justification, JTAI §17), and a request's page
 * with its documents and, for its agency, the upload form ({@link EvidenceUploadForm}). Reached through
 * {@link InspectionPages}.
 */
@ApplicationScoped
public class RequestPages {

    @Inject
    InspectionService inspections;

    @Inject
    InformationRequests requests;

    @Inject
    EvidenceDocuments documents;

    @Inject
    EvidenceUploadForm uploadForm;

    @Inject
    JtaiNames names;

    @Inject
    PageRenderer pages;

    @Inject
    Clock clock;

    /** GET {@code /inspections/{id}/requests/new}. */
    void form(HttpServletRequest request, HttpServletResponse response, Subject subject, String inspectionId)
            throws IOException {
        renderForm(response, PageModel.forRequest(request, "Request information"), subject,
                inspections.view(subject, inspectionId), Map.of(), Set.of(), 200);
    }

    /** POST {@code /inspections/{id}/requests/new}. */
    void request(HttpServletRequest request, HttpServletResponse response, Subject subject, String inspectionId)
            throws IOException {
        Map<String, String> given = new HashMap<>();
        for (String name : List.of("agency", "title", "description", "beyondAnnexA", "justification", "dueDay",
                "dueMonth", "dueYear", "dueTime")) {
            given.put(name, request.getParameter(name) == null ? "" : request.getParameter(name));
        }
        String[] ticked = request.getParameterValues("items");
        List<String> items = ticked == null ? List.of() : List.of(ticked);
        try {
            InformationRequest made = requests.request(subject, inspectionId, new RequestDraft(given.get("agency"),
                    given.get("title"), given.get("description"), items, given.get("beyondAnnexA"),
                    given.get("justification"), dueAt(given)));
            response.sendRedirect("/inspections/" + inspectionId + "/requests/" + made.id() + "?requested=1");
        } catch (InvalidInput invalid) {
            Problem problem = Problems.from(invalid);
            renderForm(response, PageModel.forRequest(request, "Request information").errors(problem), subject,
                    inspections.view(subject, inspectionId), given, Set.copyOf(items), problem.status());
        }
    }

    /** GET {@code /inspections/{id}/requests/{rid}}: the request, its documents, and the agency's upload form. */
    void page(HttpServletRequest request, HttpServletResponse response, Subject subject, String inspectionId,
              String requestId) throws IOException {
        render(response, PageModel.forRequest(request, "Information request")
                .with("requested", request.getParameter("requested") != null)
                .with("uploaded", request.getParameter("uploaded")), subject, inspectionId, requestId, 200);
    }

    /** POST {@code /inspections/{id}/requests/{rid}}: several files at once, or the ids of resumable uploads. */
    void upload(HttpServletRequest request, HttpServletResponse response, Subject subject, String inspectionId,
                String requestId) throws IOException {
        EvidenceUploadForm.Outcome outcome = uploadForm.read(request, subject, inspectionId, requestId);
        if (outcome.refusals().isEmpty()) {
            response.sendRedirect("/inspections/" + inspectionId + "/requests/" + requestId + "?uploaded="
                    + outcome.stored().size());
            return;
        }
        outcome.problem().retryAfter() // a busy scanner or a limit: when to try again
                .ifPresent(seconds -> response.setHeader("Retry-After", Long.toString(seconds)));
        PageModel model = PageModel.forRequest(request, "Information request").errors(outcome.problem());
        render(response, model.with("uploaded", outcome.stored().isEmpty() ? null : outcome.stored().size())
                .with("chosenTier", outcome.tier()), subject, inspectionId, requestId, outcome.problem().status());
    }

    private void render(HttpServletResponse response, PageModel model, Subject subject, String inspectionId,
                        String requestId, int status) throws IOException {
        InformationRequest shown = requests.view(subject, inspectionId, requestId);
        List<Map<String, Object>> files = new ArrayList<>();
        for (EvidenceDocument document : documents.ofInspection(subject, inspectionId)) {
            if (document.requestId().equals(requestId)) {
                files.add(Map.of("name", document.document().fileName(),
                        "size", ReportPages.humanSize(document.document().content().plaintextBytes()),
                        "classification", document.classification().marking(),
                        "uploadedAt", ReferralPages.when(document.uploadedAt()),
                        "link", "/api/v1/documents/" + document.id() + "/content"));
            }
        }
        Map<String, Object> details = new HashMap<>();
        details.put("id", shown.id());
        details.put("title", shown.title());
        details.put("description", shown.description());
        details.put("agency", agencyName(shown.agencyId()));
        details.put("requestedBy", shown.requestedBy().title());
        details.put("due", ReferralPages.when(shown.dueAt()));
        details.put("overdue", shown.overdueAt(clock.instant()) && files.isEmpty());
        details.put("items", shown.items().stream().sorted().map(AnnexAItem::title).toList());
        details.put("beyondAnnexA", shown.beyondAnnexA());
        details.put("justification", shown.justification());
        pages.render(response, status, "request", model
                .with("marking", ReferralPages.MARKING)
                .with("inspectionId", inspectionId)
                .with("request", details)
                .with("documents", files)
                .with("hasDocuments", !files.isEmpty())
                // who may upload is decided by the policy when the files arrive; the form is offered to the agency
                .with("mayUpload", shown.agencyId().equals(subject.organisation().id()))
                .with("maxSize", ReportPages.humanSize(documents.maxUploadBytes()))
                .asMap());
    }

    private void renderForm(HttpServletResponse response, PageModel model, Subject subject,
                            InspectionService.Overview overview, Map<String, String> given, Set<String> ticked,
                            int status) throws IOException {
        List<Map<String, Object>> agencies = new ArrayList<>();
        // the agencies the policy lets this person ask (those their inspectorate inspects, if it takes part)
        requests.agenciesAskableBy(subject, overview.inspection().id())
                .forEach(agency -> agencies.add(Map.of("id", agency.id(), "name", agency.name(),
                        "inputId", agencies.isEmpty() ? "agency" : "agency-" + agencies.size(),
                        "checked", agency.id().equals(given.get("agency")))));
        List<Map<String, Object>> items = new ArrayList<>();
        for (AnnexAItem item : AnnexAItem.values()) {
            items.add(Map.of("code", item.name(), "title", item.title(),
                    "inputId", items.isEmpty() ? "items" : "items-" + items.size(),
                    "checked", ticked.contains(item.name())));
        }
        pages.render(response, status, "request-new", model
                .with("marking", ReferralPages.MARKING)
                .with("inspectionId", overview.inspection().id())
                .with("inspectionName", names.inspection(overview.inspection()))
                .with("agencies", agencies)
                .with("items", items)
                .with("given", given)
                .asMap());
    }

    /** The optional due date fields as ISO-8601; blank for the timeline's default; unreadable is left to the service. */
    private static String dueAt(Map<String, String> given) {
        if ((given.get("dueDay") + given.get("dueMonth") + given.get("dueYear")).isBlank()) {
            return null;
        }
        try {
            LocalDate date = LocalDate.of(Integer.parseInt(given.get("dueYear").strip()),
                    Integer.parseInt(given.get("dueMonth").strip()), Integer.parseInt(given.get("dueDay").strip()));
            String time = given.get("dueTime").strip();
            LocalTime at = time.isEmpty() ? LocalTime.of(17, 0)
                    : LocalTime.parse(time.length() == 4 ? "0" + time : time);
            return date.atTime(at).atZone(ReportPages.UK).toOffsetDateTime().toString();
        } catch (NumberFormatException | DateTimeException e) {
            return "not a date";
        }
    }

    private String agencyName(String agencyId) {
        return names.agency(agencyId);
    }
}
