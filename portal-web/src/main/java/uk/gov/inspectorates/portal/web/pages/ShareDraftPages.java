package uk.gov.inspectorates.portal.web.pages;

import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import uk.gov.inspectorates.portal.core.access.Subject;
import uk.gov.inspectorates.portal.core.report.ReportDetails;
import uk.gov.inspectorates.portal.core.report.ReportService;
import uk.gov.inspectorates.portal.core.report.ShareDraft;
import uk.gov.inspectorates.portal.core.report.ShareDraftService;
import uk.gov.inspectorates.portal.core.report.ShareDraftService.Status;
import uk.gov.inspectorates.portal.core.report.ShareSection;
import uk.gov.inspectorates.portal.core.shared.InvalidInput;
import uk.gov.inspectorates.portal.core.shared.NotFound;
import uk.gov.inspectorates.portal.web.api.Problem;
import uk.gov.inspectorates.portal.web.api.Problems;
import uk.gov.inspectorates.portal.web.session.PortalSession;

/**
 * Sharing a report through the GOV.UK task list: the details section by section (kept as a draft, so the sharer
 * can stop and come back), then check answers, choose the file and share through the one-page share's post.
 */
@WebServlet({"/reports/new", "/reports/drafts/*"})
public class ShareDraftPages extends HttpServlet {

    private static final Pattern PATH = Pattern.compile("/([0-9a-f]{32})(?:/([a-z]+))?");
    private static final Map<ShareSection, String> NAMES = Map.of(
            ShareSection.DETAILS, "Report details",
            ShareSection.CLASSIFICATION, "Security classification and handling",
            ShareSection.ATTESTATIONS, "Pre-publication checks",
            ShareSection.ADDRESSEES, "Who to share with");

    @Inject
    ShareDraftService drafts;

    @Inject
    ReportService reports;

    @Inject
    PageRenderer pages;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Subject subject = (Subject) request.getAttribute(PageAccessFilter.SUBJECT);
        try {
            Matcher path = PATH.matcher(String.valueOf(request.getPathInfo()));
            if (!path.matches()) {
                throw new NotFound("page");
            }
            ShareDraft draft = drafts.draft(subject, path.group(1));
            String step = path.group(2);
            if (step == null) {
                tasks(request, response, subject, draft, null);
            } else if (step.equals("check")) {
                check(request, response, subject, draft);
            } else {
                ShareSection section = ShareSection.bySlug(step).orElseThrow(() -> new NotFound("page"));
                section(request, response, subject, draft, section, draft.fields(), null);
            }
        } catch (RuntimeException failure) {
            pages.problem(response, Problems.from(failure), model(request, "Share a report"));
        }
    }

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Subject subject = (Subject) request.getAttribute(PageAccessFilter.SUBJECT);
        try {
            if ("/reports/new".equals(request.getServletPath())) {
                redirect(request, response, drafts.start(subject));
                return;
            }
            Matcher path = PATH.matcher(String.valueOf(request.getPathInfo()));
            if (!path.matches() || path.group(2) == null) {
                throw new NotFound("page");
            }
            String id = path.group(1);
            if (path.group(2).equals("discard")) {
                drafts.discard(subject, id);
                response.sendRedirect(request.getContextPath() + "/reports");
                return;
            }
            ShareSection section = ShareSection.bySlug(path.group(2)).orElseThrow(() -> new NotFound("page"));
            Map<String, String> given = ReportForms.fields(request);
            try {
                redirect(request, response, drafts.saveSection(subject, id, section, given));
            } catch (InvalidInput invalid) {
                Map<String, String> shown = new HashMap<>(drafts.draft(subject, id).fields());
                section.fields().forEach(shown::remove);
                shown.putAll(given);
                section(request, response, subject, drafts.draft(subject, id), section, shown, Problems.from(invalid));
            }
        } catch (RuntimeException failure) {
            pages.problem(response, Problems.from(failure), model(request, "Share a report"));
        }
    }

    private void tasks(HttpServletRequest request, HttpServletResponse response, Subject subject, ShareDraft draft,
                       Problem problem) throws IOException {
        Map<ShareSection, Status> statuses = drafts.statuses(subject, draft);
        List<Map<String, Object>> tasks = new ArrayList<>();
        for (ShareSection section : ShareSection.values()) {
            Status status = statuses.get(section);
            Map<String, Object> task = new HashMap<>();
            task.put("slug", section.slug());
            task.put("name", NAMES.get(section));
            task.put("href", "/reports/drafts/" + draft.id() + "/" + section.slug());
            task.put("status", switch (status) {
                case COMPLETED -> "Completed";
                case INCOMPLETE -> "Incomplete";
                case NOT_STARTED -> "Not yet started";
            });
            if (status != Status.COMPLETED) {
                task.put("tag", status == Status.INCOMPLETE ? "govuk-tag--light-blue" : "govuk-tag--blue");
            }
            tasks.add(task);
        }
        PageModel model = model(request, "Share a report");
        if (problem != null) {
            model.errors(problem);
        }
        pages.render(response, problem == null ? 200 : problem.status(), "share-tasks", model
                .with("draftId", draft.id())
                .with("tasks", tasks)
                .with("ready", statuses.values().stream().allMatch(status -> status == Status.COMPLETED))
                .asMap());
    }

    private void section(HttpServletRequest request, HttpServletResponse response, Subject subject, ShareDraft draft,
                         ShareSection section, Map<String, String> shown, Problem problem) throws IOException {
        PageModel model = model(request, NAMES.get(section));
        if (problem != null) {
            model.errors(problem);
        }
        ShareForm.fill(model, reports, subject, shown, Set.of(section.slug()),
                problem == null && !shown.containsKey("addressees"))
                .with("formAction", "/reports/drafts/" + draft.id() + "/" + section.slug())
                .with("heading", NAMES.get(section))
                .with("button", "Save and continue")
                .with("backLink", "/reports/drafts/" + draft.id());
        pages.render(response, problem == null ? 200 : problem.status(), "share-report", model.asMap());
    }

    /** Every section done: the answers, then the file; the form posts to the one-page share with the answers. */
    private void check(HttpServletRequest request, HttpServletResponse response, Subject subject, ShareDraft draft)
            throws IOException {
        ReportDetails details;
        try {
            details = drafts.details(subject, draft);
        } catch (InvalidInput invalid) {
            tasks(request, response, subject, draft, Problems.from(invalid));
            return;
        }
        String base = "/reports/drafts/" + draft.id() + "/";
        List<Map<String, String>> answers = List.of(
                answer("Report title", details.title(), base + "details"),
                answer("Type of report", details.type().title(), base + "details"),
                answer("Subject of the inspection", details.subject(), base + "details"),
                answer("Security classification", details.classification().marking(), base + "classification"),
                answer("Handling instructions", details.handlingInstructions(), base + "classification"),
                answer("Pre-publication checks", "All three confirmed", base + "attestations"),
                answer("Share with", String.join(", ", details.addressees().stream().sorted()
                        .map(party -> party.title()).toList()), base + "addressees"));
        List<Map<String, String>> carried = new ArrayList<>();
        draft.fields().forEach((name, value) -> carried.add(Map.of("name", name, "value", value)));
        carried.add(Map.of("name", ReportPages.DRAFT_FIELD, "value", draft.id()));
        PageModel model = model(request, "Check your answers and share");
        ShareForm.fill(model, reports, subject, Map.of(), Set.of("file"), false)
                .with("formAction", "/reports/share")
                .with("heading", "Check your answers and share")
                .with("button", "Share report")
                .with("backLink", "/reports/drafts/" + draft.id())
                .with("answers", answers)
                .with("hasAnswers", true)
                .with("carried", carried);
        pages.render(response, 200, "share-report", model.asMap());
    }

    private static Map<String, String> answer(String label, String value, String change) {
        return Map.of("label", label, "value", value == null ? "" : value, "change", change);
    }

    private static void redirect(HttpServletRequest request, HttpServletResponse response, ShareDraft draft)
            throws IOException {
        response.sendRedirect(request.getContextPath() + "/reports/drafts/" + draft.id());
    }

    private PageModel model(HttpServletRequest request, String title) {
        return PageModel.forRequest(request, title);
    }
}
