package uk.gov.inspectorates.portal.web.pages;

import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import uk.gov.inspectorates.portal.core.accountability.AuditTrailReading;
import uk.gov.inspectorates.portal.core.shared.NotFound;

/** "Who has seen this report?" on a page of its own, {@code /audit/reports/{id}} (its originator's SIRO only). */
@WebServlet("/audit/reports/*")
public class WhoHasSeenPage extends HttpServlet {

    @Inject
    AuditTrailReading reading;

    @Inject
    PageRenderer pages;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        try {
            String path = request.getPathInfo() == null ? "" : request.getPathInfo();
            if (!path.matches("/[0-9a-f]{32}")) {
                throw new NotFound("report");
            }
            AuditTrailReading.ReportReadings readings = reading.readersOf(AdminSupport.subject(request),
                    path.substring(1));
            pages.render(response, 200, "audit-readers", AdminSupport.model(request, "Who has seen this report?")
                    .with("reportTitle", readings.report().title())
                    .with("whoHasSeen", WhoHasSeenSection.section(readings.report().id(), readings.readings()))
                    .asMap());
        } catch (RuntimeException failure) {
            AdminSupport.problem(pages, request, response, failure);
        }
    }
}
