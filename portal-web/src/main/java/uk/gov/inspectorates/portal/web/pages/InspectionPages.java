package uk.gov.inspectorates.portal.web.pages;

import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import uk.gov.inspectorates.portal.core.access.Subject;
import uk.gov.inspectorates.portal.core.retention.HoldTarget;
import uk.gov.inspectorates.portal.core.inspection.DueWork;
import uk.gov.inspectorates.portal.core.inspection.InformationRequest;
import uk.gov.inspectorates.portal.core.inspection.Inspection;
import uk.gov.inspectorates.portal.core.inspection.InspectionService;
import uk.gov.inspectorates.portal.core.inspection.Milestone;
import uk.gov.inspectorates.portal.core.inspection.InformationRequests;
import uk.gov.inspectorates.portal.core.organisation.Inspectorate;
import uk.gov.inspectorates.portal.core.postinspection.AnnexDDeadlines;
import uk.gov.inspectorates.portal.core.referral.Referral;
import uk.gov.inspectorates.portal.core.referral.ReferralService;
import uk.gov.inspectorates.portal.core.document.UploadRejected;
import uk.gov.inspectorates.portal.core.shared.Busy;
import uk.gov.inspectorates.portal.core.shared.Conflict;
import uk.gov.inspectorates.portal.core.shared.InvalidInput;
import uk.gov.inspectorates.portal.core.shared.NotFound;
import uk.gov.inspectorates.portal.web.api.Problem;
import uk.gov.inspectorates.portal.web.api.JtaiNames;
import uk.gov.inspectorates.portal.web.api.Problems;
import uk.gov.inspectorates.portal.web.upload.UploadPlaces;

/**
 * The JTAI pages under {@code /inspections}: the inspections a person may see; an inspection's page (its working-day
 * timeline with today marked, what is due next and what has passed, the requests by agency, the referrals, and the
 * category 1 banner); and, through {@link ReferralPages} and {@link RequestPages}, referrals and requests. No
 * JavaScript needed.
 */
@WebServlet({"/inspections", "/inspections/*"})
public class InspectionPages extends HttpServlet {

    static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("EEEE d MMMM yyyy");
    /** The end of an inspection (issue 17, docs/adr/0028): its export page and its closure. */
    private static final Pattern EXPORTS = Pattern.compile("/([0-9a-f]{32})/exports");
    private static final Pattern CLOSURE = Pattern.compile("/([0-9a-f]{32})/closure");
    private static final Pattern INSPECTION = Pattern.compile("/([0-9a-f]{32})");
    private static final Pattern REFERRAL_FORM = Pattern.compile("/([0-9a-f]{32})/referrals/new");
    private static final Pattern REFERRAL = Pattern.compile("/([0-9a-f]{32})/referrals/([0-9a-f]{32})");
    private static final Pattern REQUEST_FORM = Pattern.compile("/([0-9a-f]{32})/requests/new");
    private static final Pattern REQUEST = Pattern.compile("/([0-9a-f]{32})/requests/([0-9a-f]{32})");
    private static final Pattern FINDINGS_LETTER_STEP = Pattern.compile(
            "/([0-9a-f]{32})/findings-letter/(version|comments|sign-off|accuracy-check|issue)");

    @Inject
    UploadPlaces places;

    @Inject
    InspectionService inspections;

    @Inject
    LegalHoldSection legalHolds;

    @Inject
    ReferralService referrals;

    @Inject
    DueWork dueWork;

    @Inject
    ExportPages exportPages;

    @Inject
    InformationRequests requests;

    @Inject
    JtaiNames names;

    @Inject
    ReferralPages referralPages;

    @Inject
    RequestPages requestPages;

    @Inject
    SeriousConcernBanner banner;

    @Inject
    FindingsLetterPages findingsLetter;

    @Inject
    PageRenderer pages;

    @Inject
    Clock clock;

    /** After the findings letter's publication (issue 17, docs/adr/0026). */
    @Inject
    AfterPublicationPages afterPublicationPages;

    @Inject
    AnnexDDeadlines annexDDeadlines;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String path = request.getPathInfo() == null ? "/" : request.getPathInfo();
        Subject subject = subject(request);
        Matcher m;
        try {
            if ((m = EXPORTS.matcher(path)).matches()) {
                exportPages.page(request, response, subject, m.group(1));
            } else if (path.equals("/")) {
                list(request, response, subject);
            } else if ((m = INSPECTION.matcher(path)).matches()) {
                inspection(request, response, subject, m.group(1));
            } else if ((m = REFERRAL_FORM.matcher(path)).matches()) {
                referralPages.form(request, response, subject, m.group(1));
            } else if ((m = REFERRAL.matcher(path)).matches()) {
                referralPages.page(request, response, subject, m.group(1), m.group(2));
            } else if ((m = REQUEST_FORM.matcher(path)).matches()) {
                requestPages.form(request, response, subject, m.group(1));
            } else if ((m = REQUEST.matcher(path)).matches()) {
                requestPages.page(request, response, subject, m.group(1), m.group(2));
            } else if (AfterPublicationPages.handles(path)) {
                afterPublicationPages.get(request, response, subject, path);
            } else {
                throw new NotFound("page");
            }
        } catch (RuntimeException failure) {
            pages.problem(response, Problems.from(failure), PageModel.forRequest(request, "Problem"));
        }
    }

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String path = request.getPathInfo() == null ? "/" : request.getPathInfo();
        Subject subject = subject(request);
        Matcher m;
        try {
            if ((m = CLOSURE.matcher(path)).matches()) {
                exportPages.close(request, response, subject, m.group(1));
            } else if ((m = REFERRAL_FORM.matcher(path)).matches()) {
                referralPages.raise(request, response, subject, m.group(1));
            } else if ((m = REFERRAL.matcher(path)).matches()) {
                referralPages.take(request, response, subject, m.group(1), m.group(2));
            } else if ((m = REQUEST_FORM.matcher(path)).matches()) {
                requestPages.request(request, response, subject, m.group(1));
            } else if ((m = REQUEST.matcher(path)).matches()) {
                requestPages.upload(request, response, subject, m.group(1), m.group(2));
            } else if (AfterPublicationPages.handles(path)) {
                afterPublicationPages.post(request, response, subject, path);
            } else if ((m = FINDINGS_LETTER_STEP.matcher(path)).matches()) {
                findingsLetterStep(request, response, subject, m.group(1), m.group(2));
            } else {
                throw new NotFound("page");
            }
        } catch (RuntimeException failure) {
            pages.problem(response, Problems.from(failure), PageModel.forRequest(request, "Problem"));
        }
    }

    private void list(HttpServletRequest request, HttpServletResponse response, Subject subject) throws IOException {
        List<Map<String, Object>> shown = new ArrayList<>();
        for (Inspection inspection : inspections.visibleTo(subject)) {
            shown.add(Map.of("id", inspection.id(), "name", names.inspection(inspection), "theme", inspection.theme(),
                    "notifiedOn", DAY.format(inspection.notifiedOn()), "status",
                    inspection.status().name().charAt(0) + inspection.status().name().substring(1).toLowerCase()));
        }
        pages.render(response, 200, "inspections", PageModel.forRequest(request, "Inspections")
                .with("inspections", shown)
                .with("hasInspections", !shown.isEmpty())
                .with("seriousConcerns", banner.forAgencyOf(subject))
                .asMap());
    }

    /**
     * A findings letter form: on success to the inspection's page (or the issued letter); invalid input or a step out
     * of turn shows the inspection's page again with a GOV.UK error summary; anything else the problem page.
     */
    private void findingsLetterStep(HttpServletRequest request, HttpServletResponse response, Subject subject,
                                    String id, String step) throws IOException {
        String next;
        try {
            next = findingsLetter.take(request, subject, id, step);
        } catch (InvalidInput | Conflict | UploadRejected refused) {
            Problem problem = Problems.from(refused);
            inspection(request, response, subject, id, problem);
            return;
        } catch (Busy busy) {
            inspection(request, response, subject, id, UploadPlaces.onForm(busy, "file", response));
            return;
        }
        response.setStatus(HttpServletResponse.SC_SEE_OTHER);
        response.setHeader("Location", next);
    }

    private void inspection(HttpServletRequest request, HttpServletResponse response, Subject subject, String id)
            throws IOException {
        inspection(request, response, subject, id, null);
    }

    private void inspection(HttpServletRequest request, HttpServletResponse response, Subject subject, String id,
                            Problem problem) throws IOException {
        InspectionService.Overview overview = inspections.view(subject, id);
        Inspection inspection = overview.inspection();
        Instant now = clock.instant();
        LocalDate today = LocalDate.ofInstant(now, ReportPages.UK);
        List<Referral> visibleReferrals = referrals.ofInspection(subject, id);
        List<Map<String, Object>> agencies = requestsByAgency(overview.requests(), id, now);
        List<Map<String, Object>> overdue = overdueRequests(subject, id);
        PageModel model = PageModel.forRequest(request, names.inspection(inspection));
        if (problem != null) {
            model.errors(problem);
        }
        pages.render(response, problem == null ? 200 : problem.status(), "inspection", model
                .with("marking", ReferralPages.MARKING)
                .with("findings", findingsLetter.section(subject, id))
                .with("end", exportPages.endOf(subject, inspection))
                .with("inspection", Map.of("id", id, "name", names.inspection(inspection), "theme", inspection.theme(),
                        "notifiedOn", DAY.format(inspection.notifiedOn()), "participants",
                        inspection.participants().stream().sorted().map(Inspectorate::title).toList(),
                        "status", inspection.status().name()))
                .with("today", DAY.format(today))
                .with("todayWorkingDay", today.isBefore(inspection.notifiedOn()) ? null
                        : overview.timeline().workingDayOn(today))
                .with("next", overview.next().map(m -> milestone(m, now, today, overview)).orElse(null))
                .with("passed", overview.overdue().stream().map(m -> milestone(m, now, today, overview)).toList())
                .with("hasPassed", !overview.overdue().isEmpty())
                .with("timeline", timeline(overview, now, today))
                .with("agencies", agencies)
                .with("hasAgencies", !agencies.isEmpty())
                .with("overdueRequests", overdue)
                .with("hasOverdueRequests", !overdue.isEmpty())
                .with("referrals", visibleReferrals.stream().map(r -> referralRow(r, id, now)).toList())
                .with("hasReferrals", !visibleReferrals.isEmpty())
                .with("mayRefer", referrals.mayRaise(subject, id))
                .with("mayRequest", !requests.agenciesAskableBy(subject, id).isEmpty())
                .with("seriousConcerns", banner.inInspection(subject, id))
                .with("afterPublication", afterPublication(id, now))
                .with("legalHold", legalHolds.of(subject, HoldTarget.inspection(id), "inspection-page"))
                .asMap());
    }

    /** The dates after the findings letter's publication (JTAI Annex D), once it is published. */
    private Map<String, Object> afterPublication(String id, Instant now) {
        return annexDDeadlines.publishedBy(id, now).<Map<String, Object>>map(published -> Map.of(
                "publishedAt", ReferralPages.when(published),
                "statementDue", ReferralPages.when(annexDDeadlines.statementDue(id, published)),
                "challengesClose", ReferralPages.when(annexDDeadlines.challengesClose(published)))).orElse(null);
    }

    /** The milestones in order, with a row for today where it falls between them. */
    private static List<Map<String, Object>> timeline(InspectionService.Overview overview, Instant now,
                                                      LocalDate today) {
        List<Map<String, Object>> rows = new ArrayList<>();
        boolean todayShown = today.isBefore(overview.inspection().notifiedOn());
        for (Milestone milestone : overview.timeline().milestones()) {
            if (!todayShown && milestone.date().isAfter(today)) {
                rows.add(Map.of("todayMarker", true, "date", DAY.format(today)));
                todayShown = true;
            }
            rows.add(milestone(milestone, now, today, overview));
        }
        return rows;
    }

    private static Map<String, Object> milestone(Milestone milestone, Instant now, LocalDate today,
                                                 InspectionService.Overview overview) {
        Map<String, Object> row = new HashMap<>();
        row.put("title", milestone.title());
        row.put("workingDay", milestone.workingDay());
        row.put("date", DAY.format(milestone.date()));
        row.put("due", ReferralPages.when(milestone.deadline()));
        row.put("passed", milestone.hasPassed(now));
        row.put("isToday", milestone.date().equals(today));
        row.put("isNext", overview.next().filter(milestone::equals).isPresent());
        return row;
    }

    private List<Map<String, Object>> requestsByAgency(List<InformationRequest> requests, String inspectionId,
                                                       Instant now) {
        Map<String, List<Map<String, Object>>> byAgency = new LinkedHashMap<>();
        requests.stream().sorted(java.util.Comparator.comparing(InformationRequest::dueAt)).forEach(request ->
                byAgency.computeIfAbsent(request.agencyId(), agency -> new ArrayList<>()).add(Map.of(
                        "link", "/inspections/" + inspectionId + "/requests/" + request.id(),
                        "title", request.title(), "requestedBy", request.requestedBy().title(),
                        "due", ReferralPages.when(request.dueAt()), "overdue", request.overdueAt(now))));
        List<Map<String, Object>> agencies = new ArrayList<>();
        byAgency.forEach((agencyId, rows) -> agencies.add(Map.of("name", agencyName(agencyId), "requests", rows)));
        agencies.sort(java.util.Comparator.comparing(agency -> (String) agency.get("name")));
        return agencies;
    }

    private List<Map<String, Object>> overdueRequests(Subject subject, String inspectionId) {
        return dueWork.dueFor(subject).stream()
                .filter(item -> item.overdue() && item.inspection().id().equals(inspectionId))
                .map(item -> Map.<String, Object>of("title", item.request().title(), "agency",
                        agencyName(item.request().agencyId()), "due", ReferralPages.when(item.request().dueAt()),
                        "link", "/inspections/" + inspectionId + "/requests/" + item.request().id()))
                .toList();
    }

    private Map<String, Object> referralRow(Referral referral, String inspectionId, Instant now) {
        Map<String, Object> row = new HashMap<>();
        row.put("link", "/inspections/" + inspectionId + "/referrals/" + referral.id());
        row.put("category", referral.category().number());
        row.put("serious", referral.category().serious());
        row.put("agency", agencyName(referral.agencyId()));
        row.put("raised", ReferralPages.when(referral.raisedAt()));
        row.put("requiredBy", ReferralPages.when(referral.responseRequiredBy()));
        row.put("stage", referral.stage().title());
        row.put("overdue", referral.responseOverdue(now));
        return row;
    }

    private String agencyName(String agencyId) {
        return names.agency(agencyId);
    }

    private static Subject subject(HttpServletRequest request) {
        return (Subject) request.getAttribute(PageAccessFilter.SUBJECT);
    }
}
