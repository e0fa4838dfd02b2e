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
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import uk.gov.inspectorates.portal.core.access.Subject;
import uk.gov.inspectorates.portal.core.classification.Tier;
import uk.gov.inspectorates.portal.core.document.UploadRejected;
import uk.gov.inspectorates.portal.core.shared.Busy;
import uk.gov.inspectorates.portal.core.organisation.Inspectorate;
import uk.gov.inspectorates.portal.core.retention.HoldTarget;
import uk.gov.inspectorates.portal.core.report.OnwardSharingService;
import uk.gov.inspectorates.portal.core.report.PublishedVersion;
import uk.gov.inspectorates.portal.core.report.Report;
import uk.gov.inspectorates.portal.core.report.ReportContent;
import uk.gov.inspectorates.portal.core.report.ReportDownload;
import uk.gov.inspectorates.portal.core.report.ReportDraft;
import uk.gov.inspectorates.portal.core.report.ReportLifecycle;
import uk.gov.inspectorates.portal.core.report.ReportService;
import uk.gov.inspectorates.portal.core.report.ReportStatus;
import uk.gov.inspectorates.portal.core.report.ShareDraftService;
import uk.gov.inspectorates.portal.core.report.WithholdRequest;
import uk.gov.inspectorates.portal.core.report.WithholdRequestDraft;
import uk.gov.inspectorates.portal.core.report.PartyViewDraft;
import uk.gov.inspectorates.portal.core.report.WithholdViews;
import uk.gov.inspectorates.portal.core.report.OnwardSharing;
import uk.gov.inspectorates.portal.core.shared.Busy;
import uk.gov.inspectorates.portal.core.shared.Conflict;
import uk.gov.inspectorates.portal.core.shared.AccessDenied;
import uk.gov.inspectorates.portal.core.shared.InvalidInput;
import uk.gov.inspectorates.portal.core.shared.NotFound;
import uk.gov.inspectorates.portal.web.api.Problem;
import uk.gov.inspectorates.portal.web.api.Problems;
import uk.gov.inspectorates.portal.web.content.DocumentResponses;
import uk.gov.inspectorates.portal.web.session.PortalSession;
import uk.gov.inspectorates.portal.web.upload.ReportUploadReader;
import uk.gov.inspectorates.portal.web.upload.UploadPlaces;

/**
 * The report pages: the list of reports the person may see, the share form (with upload progress when JavaScript is
 * on, a plain form post when not), a report's page, and its download.
 */
@WebServlet({"/reports", "/reports/*"})
public class ReportPages extends HttpServlet {

    static final String SHARE = "/share";
    /** The task list's draft that the share form comes from, removed once the report is shared. */
    static final String DRAFT_FIELD = "draft";
    private static final Pattern ACTION = Pattern.compile(
            "/([0-9a-f]{32})/(publication|withdrawal|withhold-requests|onward-sharing)(?:/([0-9a-f]{32})/(decision|consent|views))?");
    private static final Map<String, String> NOTICES = Map.of(
            "publication", "The publication is recorded",
            "withdrawal", "The report is withdrawn",
            "withhold-request", "The request to withhold or withdraw publication is recorded",
            "withhold-decision", "The decision on the request is recorded, and the other inspectorates are told",
            "withhold-view", "The lead inspector's view is recorded",
            "onward-sharing", "Your onward sharing is recorded",
            "consent", "Your answer on written consent is recorded");
    static final ZoneId UK = ZoneId.of("Europe/London");

    @Inject
    UploadPlaces places;

    @Inject
    LegalHoldSection legalHolds;

    /** Issue 18: "who has seen this report?" for its originator's SIRO (docs/adr/0033). */
    @Inject
    WhoHasSeenSection whoHasSeen;

    @Inject
    ReportService reports;

    @Inject
    ShareDraftService drafts;

    @Inject
    ReportLifecycle lifecycle;

    @Inject
    OnwardSharingService onwardSharing;

    /** JTAI Annex D: the other parties' views on withhold requests (docs/adr/0026). */
    @Inject
    WithholdViews withholdViews;

    @Inject
    Clock clock;

    @Inject
    PageRenderer pages;

    /** Covering and advance letters (docs/adr/0015): their pages under /reports/{id}/letters. */
    @Inject
    LetterPages letterPages;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String path = request.getPathInfo() == null ? "/" : request.getPathInfo();
        Subject subject = subject(request);
        try {
            if (path.equals("/")) {
                list(request, response, subject);
            } else if (path.equals(SHARE)) {
                shareForm(response, model(request, "Share a report"), subject, Map.of(), 200);
            } else if (path.matches("/[0-9a-f]{32}")) {
                String notice = NOTICES.get(String.valueOf(request.getParameter("done")));
                reportPage(request, response, subject, path.substring(1),
                        model(request, "Report").with("notice", notice), Map.of(), 200);
            } else if (path.matches("/[0-9a-f]{32}/(content|view)")) {
                content(request, response, subject, path.substring(1, 33), path.endsWith("/view"));
            } else if (LetterPages.handles(path)) {
                letterPages.get(request, response, subject, path);
            } else {
                problemPage(request, response, Problems.from(new NotFound("page")));
            }
        } catch (RuntimeException failure) {
            if (response.isCommitted()) {
                throw failure;
            }
            problemPage(request, response, Problems.from(failure));
        }
    }

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String path = request.getPathInfo() == null ? "/" : request.getPathInfo();
        if (SHARE.equals(path)) {
            share(request, response);
            return;
        }
        if (LetterPages.handles(path)) {
            letterPages.post(request, response, subject(request), path);
            return;
        }
        Matcher action = ACTION.matcher(path);
        if (!action.matches()) {
            response.sendError(HttpServletResponse.SC_NOT_FOUND);
            return;
        }
        Subject subject = subject(request);
        String id = action.group(1);
        String form = action.group(2);
        String itemId = action.group(3);
        String itemForm = action.group(4);
        Map<String, String> given = ReportForms.fields(request);
        try {
            String done = act(subject, id, form, itemId, itemForm, given);
            response.sendRedirect(request.getContextPath() + "/reports/" + id + "?done=" + done);
        } catch (InvalidInput | Conflict invalid) {
            Problem problem = Problems.from(invalid);
            String formName = itemId == null ? form : form + "-" + itemId;
            reportPage(request, response, subject, id, model(request, "Report").errorsIn(formName, problem),
                    Map.of(formName, given), problem.status());
        } catch (RuntimeException failure) {
            problemPage(request, response, Problems.from(failure));
        }
    }

    /** Carries out one of the report page's forms; answers what was done (for the notice shown after). */
    private String act(Subject subject, String id, String form, String itemId, String itemForm,
                       Map<String, String> given) {
        switch (form) {
            case "publication" -> {
                lifecycle.publish(subject, id, given.get("publishedUrl"),
                        ReportForms.time(given.get("publishedAt"), "publishedAt"));
                return "publication";
            }
            case "withdrawal" -> {
                lifecycle.withdraw(subject, id, given.get("reason"));
                return "withdrawal";
            }
            case "withhold-requests" -> {
                if (itemId == null) {
                    lifecycle.recordWithholdRequest(subject, id, new WithholdRequestDraft(given.get("kind"),
                            given.get("applicant"), given.get("exceptionalCircumstances"),
                            given.get("complaintReference"), ReportForms.time(given.get("receivedAt"), "receivedAt")));
                    return "withhold-request";
                }
                if ("views".equals(itemForm)) {
                    withholdViews.recordView(subject, id, itemId, new PartyViewDraft(given.get("inspectorate"),
                            given.get("leadInspector"), given.get("view"),
                            ReportForms.time(given.get("givenAt"), "givenAt"),
                            ReportForms.time(given.get("noViewGivenBy"), "noViewGivenBy")));
                    return "withhold-view";
                }
                lifecycle.decideWithholdRequest(subject, id, itemId, given.get("outcome"), given.get("reason"));
                return "withhold-decision";
            }
            case "onward-sharing" -> {
                if (itemId == null) {
                    onwardSharing.request(subject, id, given.get("basis"), given.get("recipient"),
                            given.get("evidence"));
                    return "onward-sharing";
                }
                String granted = given.get("granted");
                onwardSharing.decideConsent(subject, id, itemId,
                        granted == null ? null : Boolean.valueOf("true".equals(granted)), given.get("note"));
                return "consent";
            }
            default -> throw new NotFound("page");
        }
    }

    private void share(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Subject subject = subject(request);
        Map<String, String> given = new HashMap<>();
        try {
            Report report = new ReportUploadReader(reports, places).read(request, subject,
                    fields -> {
                        given.putAll(fields);
                        if (!PortalSession.csrfTokenMatches(request, fields.get(PortalSession.CSRF_FIELD))) {
                            throw new AccessDenied(Problems.CSRF_RULE);
                        }
                    },
                    ReportPages::draftOf);
            if (given.get(DRAFT_FIELD) != null) {
                drafts.discard(subject, given.get(DRAFT_FIELD));
            }
            response.sendRedirect(request.getContextPath() + "/reports/" + report.id() + "?shared=true");
        } catch (InvalidInput | UploadRejected invalid) {
            Problem problem = Problems.from(invalid);
            shareForm(response, model(request, "Share a report").errors(problem), subject, given, problem.status());
        } catch (Busy busy) {
            Problem problem = UploadPlaces.onForm(busy, ReportUploadReader.FILE_FIELD, response);
            shareForm(response, model(request, "Share a report").errors(problem), subject, given, problem.status());
        } catch (RuntimeException failure) {
            problemPage(request, response, Problems.from(failure));
        }
    }

    /**
     * The stamped copy under embargo, to view in the browser or to save; once published, a page sending the reader
     * to the published version.
     */
    private void content(HttpServletRequest request, HttpServletResponse response, Subject subject, String id,
                         boolean inline) throws IOException {
        ReportContent content = reports.download(subject, id);
        if (content instanceof PublishedVersion published) {
            pages.render(response, 200, "report-published", model(request, "This report has been published")
                    .with("report", row(published.report(), clock.instant()))
                    .with("publishedUrl", published.publishedUrl().toString())
                    .asMap());
        } else if (inline) {
            DocumentResponses.inline((ReportDownload) content, response);
        } else {
            DocumentResponses.attachment((ReportDownload) content, response);
        }
    }

    private void list(HttpServletRequest request, HttpServletResponse response, Subject subject) throws IOException {
        Instant now = clock.instant();
        List<Report> visible = reports.visibleTo(subject);
        Set<String> advance = letterPages.withAdvanceLetters(subject, visible);
        List<Map<String, Object>> rows = visible.stream().map(report -> {
            Map<String, Object> row = row(report, now);
            row.put("advanceLetter", advance.contains(report.id()));
            return row;
        }).toList();
        List<Map<String, String>> preparing = drafts.drafts(subject).stream()
                .map(draft -> Map.of("id", draft.id(),
                        "title", draft.fields().getOrDefault("title", "Untitled report"),
                        "updatedAt", ReportForms.when(draft.updatedAt())))
                .toList();
        pages.render(response, 200, "reports", model(request, "Reports")
                .with("reports", rows)
                .with("hasReports", !rows.isEmpty())
                .with("canShare", !reports.reportTypesFor(subject).isEmpty())
                .with("drafts", preparing)
                .with("hasDrafts", !preparing.isEmpty())
                .with("aheadSection", letterPages.aheadSection(request, subject))
                .asMap());
    }

    private void reportPage(HttpServletRequest request, HttpServletResponse response, Subject subject, String id,
                            PageModel model, Map<String, Map<String, String>> given, int status) throws IOException {
        Report report = reports.view(subject, id);
        Instant now = clock.instant();
        List<WithholdRequest> withholdRequests = lifecycle.withholdRequests(subject, id);
        List<OnwardSharing> onward = onwardSharing.ofReport(subject, id);
        List<Map<String, Object>> requests = withholdRequests.stream()
                .map(withhold -> ReportForms.withholdRow(report, withhold)).toList();
        List<Map<String, Object>> sharings = onward.stream().map(ReportForms::onwardSharingRow).toList();
        pages.render(response, status, "report", model.with("title", report.title())
                .with("report", row(report, now))
                .with("shared", "true".equals(request.getParameter("shared")))
                .with("canChange", lifecycle.mayChange(subject, report))
                .with("canShareOnward", onwardSharing.mayShareOnward(subject, report))
                .with("withholdRequests", requests)
                .with("hasWithholdRequests", !requests.isEmpty())
                .with("onwardSharings", sharings)
                .with("hasOnwardSharings", !sharings.isEmpty())
                .with("given", given)
                .with("history", ReportHistory.of(report, withholdRequests, onward, now))
                .with("letterSection", letterPages.section(request, subject, report))
                .with("legalHold", legalHolds.of(subject, HoldTarget.report(id), "report-page"))
                .with("whoHasSeen", whoHasSeen.of(subject, report, now))
                .asMap());
    }

    private void shareForm(HttpServletResponse response, PageModel model, Subject subject, Map<String, String> given,
                           int status) throws IOException {
        ShareForm.fill(model, reports, subject, given, ShareForm.ALL_SECTIONS, given.isEmpty())
                .with("formAction", "/reports/share")
                .with("heading", "Share a report")
                .with("button", "Share report");
        pages.render(response, status, "share-report", model.asMap());
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

    static ReportDraft draftOf(Map<String, String> fields) {
        return ReportDraft.ofForm(fields, UK);
    }

    private static Map<String, Object> row(Report report, Instant now) {
        Map<String, Object> row = new HashMap<>();
        row.put("id", report.id());
        row.put("title", report.title());
        row.put("type", report.type().title());
        row.put("subject", report.subject());
        row.put("originator", report.originator().title());
        row.put("addressees", report.addressees().stream().sorted().map(Inspectorate::title)
                .collect(Collectors.joining(", ")));
        row.put("marking", report.classification().marking());
        row.put("handlingInstructions", report.handlingInstructions());
        ReportStatus status = report.statusAt(now);
        row.put("underEmbargo", status == ReportStatus.UNDER_EMBARGO);
        row.put("published", status == ReportStatus.PUBLISHED);
        row.put("withdrawn", status == ReportStatus.WITHDRAWN);
        row.put("status", ReportForms.statusLabel(status));
        row.put("statusTag", ReportForms.statusTag(status));
        report.embargoEndsAt(now).ifPresent(end -> row.put("embargoEndsAt", ReportForms.when(end)));
        if (report.publication() != null) {
            row.put("publishedUrl", report.publication().publishedUrl().toString());
            row.put("publishedAt", ReportForms.when(report.publication().publishedAt()));
        }
        if (report.withdrawal() != null) {
            row.put("withdrawalReason", report.withdrawal().reason());
            row.put("withdrawnAt", ReportForms.when(report.withdrawal().withdrawnAt()));
        }
        row.put("sharedAt", ReportForms.when(report.sharedAt()));
        row.put("fileName", report.document().fileName());
        row.put("fileSize", humanSize(report.document().content().plaintextBytes()));
        return row;
    }

    static String humanSize(long bytes) {
        if (bytes >= 1024L * 1024) {
            return String.format("%.1f MB", bytes / (1024.0 * 1024));
        }
        if (bytes >= 1024) {
            return String.format("%.0f KB", bytes / 1024.0);
        }
        return bytes + " bytes";
    }
}
