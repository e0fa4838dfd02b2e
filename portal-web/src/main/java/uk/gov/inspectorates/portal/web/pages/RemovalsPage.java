package uk.gov.inspectorates.portal.web.pages;

import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import uk.gov.inspectorates.portal.core.access.Subject;
import uk.gov.inspectorates.portal.core.removal.RemovalRecord;
import uk.gov.inspectorates.portal.core.removal.RemovalService;
import uk.gov.inspectorates.portal.core.removal.RetentionRun;
import uk.gov.inspectorates.portal.web.session.PortalSession;

/**
 * The removals the retention policies made, are making, or failed to make (with the step and the error class), and
 * the administrators' "run due removals now" (docs/adr/0030).
 */
@WebServlet({"/admin/removals", "/admin/removals/run"})
public class RemovalsPage extends HttpServlet {

    private static final String TITLE = "Removals";
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("d MMM yyyy, HH:mm", Locale.UK);

    @Inject
    RemovalService removals;

    @Inject
    PageRenderer pages;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Subject subject = AdminSupport.subject(request);
        try {
            List<Map<String, Object>> rows = removals.removals(subject).stream().map(RemovalsPage::row).toList();
            PageModel model = AdminSupport.model(request, TITLE);
            String ran = request.getParameter("ran");
            if (ran != null && ran.matches("\\d+-\\d+-\\d+-\\d+")) {
                String[] n = ran.split("-");
                model.with("ran", n[0] + " completed, " + n[3] + " failed, " + n[1] + " held, " + n[2]
                        + " being removed elsewhere");
            }
            pages.render(response, 200, "admin-removals", model
                    .signedIn(subject, PortalSession.csrfToken(request).orElse(""))
                    .with("removals", rows).with("hasRemovals", !rows.isEmpty())
                    .with("anyFailed", rows.stream().anyMatch(r -> Boolean.TRUE.equals(r.get("failed")))).asMap());
        } catch (RuntimeException failure) {
            AdminSupport.problem(pages, request, response, failure);
        }
    }

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Subject subject = AdminSupport.subject(request);
        try {
            if (!"/admin/removals/run".equals(AdminSupport.path(request))) {
                response.sendError(404);
                return;
            }
            RetentionRun.Result result = removals.runDueRemovals(subject);
            AdminSupport.redirect(request, response, "/admin/removals?ran=" + result.removed() + "-" + result.held()
                    + "-" + result.busy() + "-" + result.failed());
        } catch (RuntimeException failure) {
            AdminSupport.problem(pages, request, response, failure);
        }
    }

    private static Map<String, Object> row(RemovalRecord r) {
        Map<String, Object> row = new HashMap<>();
        row.put("id", r.id());
        row.put("category", r.candidate().category().name());
        row.put("what", r.candidate().kind().toLowerCase(Locale.ROOT).replace('_', ' ') + " " + r.candidate().id());
        row.put("description", r.candidate().description());
        row.put("status", r.status());
        row.put("failed", r.failed());
        row.put("completed", r.completed());
        row.put("step", words(r.step().name()));
        row.put("failure", r.failed() ? "after " + words(r.failedStep().name()) + ": " + r.failureClass() : "");
        row.put("attempts", r.attempts());
        row.put("started", when(r.startedAt()));
        row.put("objects", r.objects() == null ? "" : r.objects() + " objects, " + r.plaintextBytes() + " bytes");
        return row;
    }

    private static String words(String name) {
        return name.toLowerCase(Locale.ROOT).replace('_', ' ');
    }

    private static String when(Instant instant) {
        return instant == null ? "" : WHEN.format(instant.atZone(ReportPages.UK));
    }
}
