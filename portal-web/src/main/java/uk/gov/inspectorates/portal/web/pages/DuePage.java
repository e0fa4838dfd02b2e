package uk.gov.inspectorates.portal.web.pages;

import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import uk.gov.inspectorates.portal.core.access.Subject;
import uk.gov.inspectorates.portal.core.inspection.DueWork;
import uk.gov.inspectorates.portal.core.inspection.InspectionService;
import uk.gov.inspectorates.portal.core.postinspection.ChallengeService;
import uk.gov.inspectorates.portal.web.api.JtaiNames;
import uk.gov.inspectorates.portal.web.api.Problems;

/**
 * "What is due": for agency staff, what their agency has been asked for, by when, and what is overdue (with the
 * category 1 banner for referrals to their agency); for inspectorate staff, their inspectorate's overdue requests.
 */
@WebServlet("/due")
public class DuePage extends HttpServlet {

    @Inject
    DueWork dueWork;

    @Inject
    JtaiNames names;

    @Inject
    SeriousConcernBanner banner;

    @Inject
    PageRenderer pages;

    /** Challenges and complaints the lead inspectorate's staff are to acknowledge or answer (docs/adr/0026). */
    @Inject
    ChallengeService challenges;

    @Inject
    Clock clock;

    @Inject
    InspectionService inspections;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Subject subject = (Subject) request.getAttribute(PageAccessFilter.SUBJECT);
        try {
            List<Map<String, Object>> items = dueWork.dueFor(subject).stream().map(item -> Map.<String, Object>of(
                    "title", item.request().title(),
                    "link", "/inspections/" + item.inspection().id() + "/requests/" + item.request().id(),
                    "inspection", names.inspection(item.inspection()),
                    "agency", names.agency(item.request().agencyId()),
                    "requestedBy", item.request().requestedBy().title(),
                    "due", ReferralPages.when(item.request().dueAt()),
                    "documents", item.documents(),
                    "overdue", item.overdue())).toList();
            List<Map<String, Object>> challengesDue = challengesDue(subject);
            pages.render(response, 200, "due", PageModel.forRequest(request, "What is due")
                    .with("items", items)
                    .with("hasItems", !items.isEmpty())
                    .with("overdueCount", items.stream().filter(item -> (Boolean) item.get("overdue")).count())
                    .with("inspectorateStaff", subject.inspectorate().isPresent())
                    .with("challenges", challengesDue)
                    .with("hasChallenges", !challengesDue.isEmpty())
                    .with("seriousConcerns", banner.forAgencyOf(subject))
                    .asMap());
        } catch (RuntimeException failure) {
            pages.problem(response, Problems.from(failure), PageModel.forRequest(request, "Problem"));
        }
    }

    private List<Map<String, Object>> challengesDue(Subject subject) {
        if (subject.inspectorate().isEmpty()) {
            return List.of();
        }
        Instant now = Instant.now(clock);
        Map<String, String> inspectionNames = new java.util.HashMap<>();
        inspections.visibleTo(subject).forEach(i -> inspectionNames.put(i.id(), names.inspection(i)));
        return challenges.dueFor(subject).stream().map(challenge -> Map.<String, Object>of(
                "link", ChallengeService.linkTo(challenge.inspectionId()),
                "inspection", inspectionNames.getOrDefault(challenge.inspectionId(), "Inspection"),
                "what", challenge.awaitingAcknowledgement() ? "Acknowledge" : "Answer",
                "complainant", challenge.complainant(),
                "due", ReferralPages.when(challenge.nextDeadline()),
                "overdue", challenge.overdueAt(now))).toList();
    }
}
