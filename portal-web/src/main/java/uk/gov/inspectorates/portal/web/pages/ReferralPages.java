package uk.gov.inspectorates.portal.web.pages;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Clock;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import uk.gov.inspectorates.portal.core.access.Subject;
import uk.gov.inspectorates.portal.core.inspection.InspectionService;
import uk.gov.inspectorates.portal.core.referral.Referral;
import uk.gov.inspectorates.portal.core.referral.ReferralCategory;
import uk.gov.inspectorates.portal.core.referral.ReferralDraft;
import uk.gov.inspectorates.portal.core.referral.ReferralEntry;
import uk.gov.inspectorates.portal.core.referral.ReferralService;
import uk.gov.inspectorates.portal.core.referral.ReferralStep;
import uk.gov.inspectorates.portal.core.shared.InvalidInput;
import uk.gov.inspectorates.portal.web.api.JtaiNames;
import uk.gov.inspectorates.portal.web.api.Problem;
import uk.gov.inspectorates.portal.web.api.Problems;

/**
 * The referral pages (JTAI Annex C, docs/adr/0022): the form on which an inspector refers a concern, and a referral's
 * page with the form for the step the reader may take now. Reached through {@link InspectionPages}. No JavaScript.
 */
@ApplicationScoped
public class ReferralPages {

    static final String MARKING = "OFFICIAL-SENSITIVE";
    static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("d MMMM yyyy, h:mma");
    private static final LocalTime DEFAULT_TIME = LocalTime.of(17, 0);

    @Inject
    ReferralService referrals;

    @Inject
    InspectionService inspections;

    @Inject
    JtaiNames names;

    @Inject
    PageRenderer pages;

    @Inject
    Clock clock;

    /** GET {@code /inspections/{id}/referrals/new}. */
    void form(HttpServletRequest request, HttpServletResponse response, Subject subject, String inspectionId)
            throws IOException {
        referrals.checkMayRaise(subject, inspectionId);
        InspectionService.Overview overview = inspections.view(subject, inspectionId);
        renderForm(response, PageModel.forRequest(request, "Refer a concern"), overview, Map.of(), 200);
    }

    /** POST {@code /inspections/{id}/referrals/new}. */
    void raise(HttpServletRequest request, HttpServletResponse response, Subject subject, String inspectionId)
            throws IOException {
        Map<String, String> given = fields(request, "agency", "caseNumbers", "category", "issues", "requiredDay",
                "requiredMonth", "requiredYear", "requiredTime");
        try {
            Referral referral = referrals.raise(subject, inspectionId, new ReferralDraft(given.get("agency"),
                    Arrays.asList(given.get("caseNumbers").split("[\\r\\n,]+")), category(given.get("category")),
                    given.get("issues"), requiredBy(given)));
            response.sendRedirect("/inspections/" + inspectionId + "/referrals/" + referral.id() + "?raised=1");
        } catch (InvalidInput invalid) {
            Problem problem = Problems.from(invalid);
            renderForm(response, PageModel.forRequest(request, "Refer a concern").errors(problem),
                    inspections.view(subject, inspectionId), given, problem.status());
        }
    }

    /** GET {@code /inspections/{id}/referrals/{rid}}. */
    void page(HttpServletRequest request, HttpServletResponse response, Subject subject, String inspectionId,
              String referralId) throws IOException {
        Referral referral = referrals.view(subject, inspectionId, referralId);
        renderPage(response, PageModel.forRequest(request, "Referral of concern")
                .with("raised", request.getParameter("raised") != null)
                .with("recorded", request.getParameter("recorded") != null), subject, inspectionId, referral, "", 200);
    }

    /** POST {@code /inspections/{id}/referrals/{rid}}: the next step. */
    void take(HttpServletRequest request, HttpServletResponse response, Subject subject, String inspectionId,
              String referralId) throws IOException {
        Optional<ReferralStep> step = ReferralStep.named(request.getParameter("step"));
        String text = request.getParameter("text");
        try {
            referrals.take(subject, inspectionId, referralId, step.orElseThrow(() -> InvalidInput.of("text",
                    "Choose a step to record")), text);
            response.sendRedirect("/inspections/" + inspectionId + "/referrals/" + referralId + "?recorded=1");
        } catch (InvalidInput invalid) {
            Problem problem = Problems.from(invalid);
            renderPage(response, PageModel.forRequest(request, "Referral of concern").errors(problem), subject,
                    inspectionId, referrals.view(subject, inspectionId, referralId), text == null ? "" : text,
                    problem.status());
        }
    }

    private void renderForm(HttpServletResponse response, PageModel model, InspectionService.Overview overview,
                            Map<String, String> given, int status) throws IOException {
        String area = overview.inspection().localAuthorityAreaId();
        List<Map<String, Object>> agencies = new ArrayList<>();
        inspections.localAuthorityAreas().stream().filter(a -> a.area().id().equals(area))
                .flatMap(a -> a.agencies().stream()).forEach(agency -> agencies.add(Map.of("id", agency.id(),
                        "name", agency.name(), "inputId", agencies.isEmpty() ? "agency" : "agency-" + agencies.size(),
                        "checked", agency.id().equals(given.get("agency")))));
        List<Map<String, Object>> categories = new ArrayList<>();
        for (ReferralCategory category : ReferralCategory.values()) {
            categories.add(Map.of("number", category.number(), "description", category.description(),
                    "inputId", category == ReferralCategory.CATEGORY_1 ? "category" : "category-2",
                    "checked", String.valueOf(category.number()).equals(given.get("category"))));
        }
        pages.render(response, status, "referral-new", model
                .with("marking", MARKING)
                .with("inspectionId", overview.inspection().id())
                .with("inspectionName", names.inspection(overview.inspection()))
                .with("agencies", agencies)
                .with("categories", categories)
                .with("given", given)
                .with("requiredTime", given.getOrDefault("requiredTime", "17:00"))
                .asMap());
    }

    private void renderPage(HttpServletResponse response, PageModel model, Subject subject, String inspectionId,
                            Referral referral, String text, int status) throws IOException {
        Instant now = clock.instant();
        Map<String, Object> shown = new HashMap<>();
        shown.put("id", referral.id());
        shown.put("agency", names.agency(referral.agencyId()));
        shown.put("caseNumbers", referral.caseNumbers());
        shown.put("category", referral.category().number());
        shown.put("seriousOpen", referral.seriousAndOpen());
        shown.put("categoryDescription", referral.category().description());
        shown.put("issues", referral.issues());
        shown.put("requiredBy", when(referral.responseRequiredBy()));
        shown.put("overdue", referral.responseOverdue(now));
        shown.put("referredBy", referral.referredBy().byName());
        shown.put("referredAt", when(referral.raisedAt()));
        shown.put("stage", referral.stage().title());
        shown.put("response", entry(referral.step(ReferralStep.RESPONSE)));
        shown.put("evaluation", entry(referral.step(ReferralStep.EVALUATION)));
        shown.put("chiefOfficer", entry(referral.step(ReferralStep.CHIEF_OFFICER_SIGN_OFF)));
        shown.put("leadInspector", entry(referral.step(ReferralStep.LEAD_INSPECTOR_SIGN_OFF)));
        Optional<ReferralStep> step = referrals.stepFor(subject, inspectionId, referral);
        pages.render(response, status, "referral", model
                .with("marking", MARKING)
                .with("inspectionId", inspectionId)
                .with("referral", shown)
                .with("step", step.map(ReferralPages::stepForm).orElse(null))
                .with("text", text)
                .asMap());
    }

    private static Map<String, Object> stepForm(ReferralStep step) {
        return switch (step) {
            case RESPONSE -> Map.of("name", step.name(), "hasText", true, "heading", "Record the agency's response",
                    "label", "Response and explanation", "hint", "What the agency has done about the concern, and "
                            + "why. Refer to people by job title, never by name.", "button", "Record response");
            case EVALUATION -> Map.of("name", step.name(), "hasText", true, "heading", "Record your evaluation",
                    "label", "Inspector's evaluation of the information provided by the agency", "hint",
                    "Your evaluation is shared with the agency.", "button", "Record evaluation");
            case CHIEF_OFFICER_SIGN_OFF -> Map.of("name", step.name(), "hasText", false, "heading",
                    "Sign off for the agency", "hint", "You confirm, as chief officer, that you have seen the final "
                            + "version of this referral.", "button", "Sign off as chief officer");
            case LEAD_INSPECTOR_SIGN_OFF -> Map.of("name", step.name(), "hasText", false, "heading",
                    "Sign off for the inspection", "hint", "You confirm, as lead inspector, that you have seen the "
                            + "final version and that the review is complete.", "button", "Sign off as lead inspector");
        };
    }

    private static Map<String, Object> entry(Optional<ReferralEntry> entry) {
        if (entry.isEmpty()) {
            return null;
        }
        Map<String, Object> shown = new HashMap<>();
        shown.put("text", entry.get().text());
        shown.put("by", entry.get().byName());
        shown.put("at", when(entry.get().at()));
        return shown;
    }

    static String when(Instant instant) {
        return WHEN.format(instant.atZone(ReportPages.UK)).replace("AM", "am").replace("PM", "pm");
    }

    private static Integer category(String given) {
        return given == null || given.isBlank() ? null : given.strip().matches("[12]") ? Integer.valueOf(given.strip())
                : 0;
    }

    /** The date fields and time as a UK instant; null when any is missing or impossible (the service says which). */
    private static Instant requiredBy(Map<String, String> given) {
        try {
            LocalDate date = LocalDate.of(Integer.parseInt(given.get("requiredYear").strip()),
                    Integer.parseInt(given.get("requiredMonth").strip()),
                    Integer.parseInt(given.get("requiredDay").strip()));
            String time = given.get("requiredTime").strip();
            LocalTime at = time.isEmpty() ? DEFAULT_TIME : LocalTime.parse(time.length() == 4 ? "0" + time : time);
            return date.atTime(at).atZone(ReportPages.UK).toInstant();
        } catch (NumberFormatException | DateTimeException e) {
            return null;
        }
    }

    private static Map<String, String> fields(HttpServletRequest request, String... names) {
        Map<String, String> fields = new HashMap<>();
        for (String name : names) {
            String value = request.getParameter(name);
            fields.put(name, value == null ? "" : value);
        }
        return fields;
    }
}
