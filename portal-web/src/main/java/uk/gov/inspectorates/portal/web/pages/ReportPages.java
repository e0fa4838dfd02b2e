package uk.gov.inspectorates.portal.web.pages;

import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import uk.gov.inspectorates.portal.core.access.Subject;
import uk.gov.inspectorates.portal.core.classification.Tier;
import uk.gov.inspectorates.portal.core.document.UploadRejected;
import uk.gov.inspectorates.portal.core.report.Report;
import uk.gov.inspectorates.portal.core.report.ReportDraft;
import uk.gov.inspectorates.portal.core.report.ReportService;
import uk.gov.inspectorates.portal.core.shared.AccessDenied;
import uk.gov.inspectorates.portal.core.shared.InvalidInput;
import uk.gov.inspectorates.portal.core.shared.NotFound;
import uk.gov.inspectorates.portal.web.api.Problem;
import uk.gov.inspectorates.portal.web.api.Problems;
import uk.gov.inspectorates.portal.web.content.DocumentResponses;
import uk.gov.inspectorates.portal.web.session.PortalSession;
import uk.gov.inspectorates.portal.web.upload.ReportUploadReader;

/**
 * The report pages: the list of reports the person may see, the share form (with upload progress when JavaScript is
 * on, a plain form post when not), a report's page, and its download.
 */
@WebServlet({"/reports", "/reports/*"})
public class ReportPages extends HttpServlet {

    static final String SHARE = "/share";
    static final ZoneId UK = ZoneId.of("Europe/London");
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("d MMMM yyyy, h:mma");

    @Inject
    ReportService reports;

    @Inject
    PageRenderer pages;

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
                reportPage(request, response, subject, path.substring(1));
            } else if (path.matches("/[0-9a-f]{32}/content")) {
                DocumentResponses.attachment(reports.download(subject, path.substring(1, 33)), response);
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
        if (!SHARE.equals(request.getPathInfo())) {
            response.sendError(HttpServletResponse.SC_NOT_FOUND);
            return;
        }
        Subject subject = subject(request);
        Map<String, String> given = new HashMap<>();
        try {
            Report report = new ReportUploadReader(reports).read(request, subject,
                    fields -> {
                        given.putAll(fields);
                        if (!PortalSession.csrfTokenMatches(request, fields.get(PortalSession.CSRF_FIELD))) {
                            throw new AccessDenied("session.csrf-token-required");
                        }
                    },
                    ReportPages::draftOf);
            response.sendRedirect(request.getContextPath() + "/reports/" + report.id() + "?shared=true");
        } catch (InvalidInput | UploadRejected invalid) {
            Problem problem = Problems.from(invalid);
            shareForm(response, model(request, "Share a report").errors(problem), subject, given, problem.status());
        } catch (RuntimeException failure) {
            problemPage(request, response, Problems.from(failure));
        }
    }

    private void list(HttpServletRequest request, HttpServletResponse response, Subject subject) throws IOException {
        List<Map<String, Object>> rows = reports.visibleTo(subject).stream().map(ReportPages::row).toList();
        pages.render(response, 200, "reports", model(request, "Reports")
                .with("reports", rows)
                .with("hasReports", !rows.isEmpty())
                .with("canShare", !reports.reportTypesFor(subject).isEmpty())
                .asMap());
    }

    private void reportPage(HttpServletRequest request, HttpServletResponse response, Subject subject, String id)
            throws IOException {
        Report report = reports.view(subject, id);
        pages.render(response, 200, "report", model(request, report.title())
                .with("report", row(report))
                .with("shared", "true".equals(request.getParameter("shared")))
                .asMap());
    }

    private void shareForm(HttpServletResponse response, PageModel model, Subject subject, Map<String, String> given,
                           int status) throws IOException {
        String chosenType = given.getOrDefault("reportType", "");
        String chosenTier = given.getOrDefault("classificationTier", "");
        model.with("reportTypes", reports.reportTypesFor(subject).stream()
                        .map(type -> Map.of("code", type.code(), "title", type.title(),
                                "selected", type.code().equals(chosenType)))
                        .toList())
                .with("tiers", List.of(Tier.OFFICIAL, Tier.OFFICIAL_SENSITIVE).stream()
                        .map(tier -> Map.of("value", tier.name(), "label", tier.marking(),
                                "checked", tier.name().equals(chosenTier)))
                        .toList())
                .with("given", given)
                .with("maxSize", humanSize(reports.maxUploadBytes()));
        pages.render(response, status, "share-report", model.asMap());
    }

    private void problemPage(HttpServletRequest request, HttpServletResponse response, Problem problem)
            throws IOException {
        pages.problem(response, problem, model(request, problem.title()));
    }

    private PageModel model(HttpServletRequest request, String title) {
        return PageModel.titled(title).signedIn(subject(request), PortalSession.csrfToken(request).orElse(""));
    }

    private static Subject subject(HttpServletRequest request) {
        return (Subject) request.getAttribute(PageAccessFilter.SUBJECT);
    }

    static ReportDraft draftOf(Map<String, String> fields) {
        return new ReportDraft(fields.get("title"), fields.get("reportType"), fields.get("subject"),
                fields.get("classificationTier"), fields.get("classificationDescriptor"),
                fields.get("handlingInstructions"), checked(fields, "subjectHadChanceToComment"),
                checked(fields, "contentFinal"), checked(fields, "subjectHasFinalUnderEmbargo"),
                expectedPublication(fields.get("expectedPublication")));
    }

    private static Boolean checked(Map<String, String> fields, String name) {
        return "true".equals(fields.get(name));
    }

    private static OffsetDateTime expectedPublication(String date) {
        if (date == null || date.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(date.strip()).atStartOfDay(UK).toOffsetDateTime();
        } catch (DateTimeParseException e) {
            throw InvalidInput.of("expectedPublication", "Enter the expected publication date as YYYY-MM-DD");
        }
    }

    private static Map<String, Object> row(Report report) {
        Map<String, Object> row = new HashMap<>();
        row.put("id", report.id());
        row.put("title", report.title());
        row.put("type", report.type().title());
        row.put("subject", report.subject());
        row.put("originator", report.originator().title());
        row.put("marking", report.classification().marking());
        row.put("handlingInstructions", report.handlingInstructions());
        row.put("underEmbargo", report.underEmbargo());
        row.put("status", report.underEmbargo() ? "Under embargo" : report.status().name().toLowerCase());
        row.put("sharedAt", WHEN.format(report.sharedAt().atZone(UK)));
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
