package uk.gov.inspectorates.portal.web.pages;

import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import uk.gov.inspectorates.portal.core.access.Subject;
import uk.gov.inspectorates.portal.core.organisation.Inspectorate;
import uk.gov.inspectorates.portal.core.organisation.LocalAuthorityArea;
import uk.gov.inspectorates.portal.core.shared.InvalidInput;
import uk.gov.inspectorates.portal.core.shared.NotFound;
import uk.gov.inspectorates.portal.core.termplan.Term;
import uk.gov.inspectorates.portal.core.termplan.TermPlanDraft;
import uk.gov.inspectorates.portal.core.termplan.TermPlanList;
import uk.gov.inspectorates.portal.core.termplan.TermPlanService;
import uk.gov.inspectorates.portal.web.api.Problem;
import uk.gov.inspectorates.portal.web.api.Problems;
import uk.gov.inspectorates.portal.web.session.PortalSession;

/**
 * The term-plan pages: every inspectorate's list of areas for a term (a table each, the OFFICIAL-SENSITIVE marking
 * at the top and bottom), and the form on which an inspectorate's sharing staff share theirs. No JavaScript.
 */
@WebServlet({"/term-plans", "/term-plans/*"})
public class TermPlanPages extends HttpServlet {

    static final String NEW = "/new";
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("d MMMM yyyy, h:mma");

    @Inject
    TermPlanService plans;

    @Inject
    PageRenderer pages;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String path = request.getPathInfo() == null ? "/" : request.getPathInfo();
        Subject subject = subject(request);
        try {
            if (path.equals("/")) {
                list(request, response, subject);
            } else if (path.equals(NEW)) {
                Inspectorate own = plans.checkMayShare(subject);
                shareForm(response, model(request, "Share your term plan"), subject, own,
                        nextTerm().code(), Set.of(), 200);
            } else {
                problemPage(request, response, Problems.from(new NotFound("page")));
            }
        } catch (RuntimeException failure) {
            problemPage(request, response, Problems.from(failure));
        }
    }

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        if (!NEW.equals(request.getPathInfo())) {
            response.sendError(HttpServletResponse.SC_NOT_FOUND);
            return;
        }
        Subject subject = subject(request);
        String term = request.getParameter("term");
        String[] given = request.getParameterValues("areas");
        List<String> areas = given == null ? List.of() : List.of(given);
        try {
            TermPlanList plan = plans.share(subject, new TermPlanDraft(null, term, areas));
            response.sendRedirect(request.getContextPath() + "/term-plans?term="
                    + URLEncoder.encode(plan.term().code(), StandardCharsets.UTF_8) + "&shared=" + plan.version());
        } catch (InvalidInput invalid) {
            Problem problem = Problems.from(invalid);
            shareForm(response, model(request, "Share your term plan").errors(problem), subject,
                    subject.inspectorate().orElse(null), term == null ? "" : term, Set.copyOf(areas),
                    problem.status());
        } catch (RuntimeException failure) {
            problemPage(request, response, Problems.from(failure));
        }
    }

    private void list(HttpServletRequest request, HttpServletResponse response, Subject subject) throws IOException {
        String asked = request.getParameter("term");
        String term = asked == null || asked.isBlank() ? nextTerm().code() : asked;
        List<TermPlanList> shown;
        PageModel model = model(request, "Term plans");
        int status = 200;
        try {
            shown = plans.ofTerm(subject, term, false);
        } catch (InvalidInput invalid) {
            Problem problem = Problems.from(invalid);
            model.errors(problem);
            status = problem.status();
            shown = List.of();
        }
        Map<Inspectorate, TermPlanList> byInspectorate = shown.stream()
                .collect(Collectors.toMap(TermPlanList::inspectorate, Function.identity()));
        List<Map<String, Object>> lists = new ArrayList<>();
        for (Inspectorate inspectorate : Inspectorate.values()) {
            TermPlanList plan = byInspectorate.get(inspectorate);
            Map<String, Object> list = new HashMap<>();
            list.put("inspectorate", inspectorate.title());
            list.put("shared", plan != null);
            if (plan != null) {
                list.put("areas", plan.areas().stream().map(LocalAuthorityArea::name).toList());
                list.put("version", plan.version());
                list.put("revised", plan.version() > 1);
                list.put("sharedAt", WHEN.format(plan.sharedAt().atZone(ReportPages.UK)));
            }
            lists.add(list);
        }
        Term valid = status == 200 ? Term.parse(term) : null;
        pages.render(response, status, "term-plans", model
                .with("marking", TermPlanList.CLASSIFICATION.marking())
                .with("term", valid == null ? term : valid.title())
                .with("terms", termChoices(valid == null ? "" : valid.code()))
                .with("lists", status == 200 ? lists : List.of())
                .with("sharedVersion", request.getParameter("shared"))
                .with("canShare", plans.sharesFor(subject).isPresent())
                .asMap());
    }

    private void shareForm(HttpServletResponse response, PageModel model, Subject subject, Inspectorate own,
                           String chosenTerm, Set<String> chosenAreas, int status) throws IOException {
        List<Map<String, Object>> areas = new ArrayList<>();
        for (LocalAuthorityArea area : plans.areasFor(subject)) {
            Map<String, Object> option = new HashMap<>();
            option.put("id", area.id());
            option.put("name", area.name());
            option.put("inputId", areas.isEmpty() ? "areas" : "areas-" + (areas.size() + 1));
            option.put("checked", chosenAreas.contains(area.id()));
            areas.add(option);
        }
        pages.render(response, status, "term-plan-new", model
                .with("marking", TermPlanList.CLASSIFICATION.marking())
                .with("inspectorate", own == null ? "" : own.title())
                .with("terms", termChoices(chosenTerm))
                .with("areas", areas)
                .with("hasAreas", !areas.isEmpty())
                .asMap());
    }

    /** The term after this one (the one plans are shared for), and those around it. */
    private static List<Map<String, Object>> termChoices(String chosen) {
        Term next = nextTerm();
        List<Map<String, Object>> choices = new ArrayList<>();
        for (Term term = next.previous().previous(); term.compareTo(next.next().next()) <= 0; term = term.next()) {
            choices.add(Map.of("value", term.code(), "label", term.title(), "selected",
                    term.code().equalsIgnoreCase(chosen.strip())));
        }
        return choices;
    }

    private static Term nextTerm() {
        return Term.containing(LocalDate.now(ReportPages.UK)).next();
    }

    private void problemPage(HttpServletRequest request, HttpServletResponse response, Problem problem)
            throws IOException {
        pages.problem(response, problem, model(request, problem.title()));
    }

    private PageModel model(HttpServletRequest request, String title) {
        return PageModel.forRequest(request, title);
    }

    private static Subject subject(HttpServletRequest request) {
        return (Subject) request.getAttribute(PageAccessFilter.SUBJECT);
    }
}
