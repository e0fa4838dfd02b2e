package uk.gov.inspectorates.portal.web.pages;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import uk.gov.inspectorates.portal.core.access.Subject;
import uk.gov.inspectorates.portal.core.inspection.EvidenceDocument;
import uk.gov.inspectorates.portal.core.inspection.EvidenceDocuments;
import uk.gov.inspectorates.portal.core.inspection.Inspection;
import uk.gov.inspectorates.portal.core.inspection.InspectionService;
import uk.gov.inspectorates.portal.core.postinspection.AnnexDDeadlines;
import uk.gov.inspectorates.portal.core.postinspection.Challenge;
import uk.gov.inspectorates.portal.core.postinspection.ChallengeDraft;
import uk.gov.inspectorates.portal.core.postinspection.ChallengeService;
import uk.gov.inspectorates.portal.core.postinspection.ProposedActionService;
import uk.gov.inspectorates.portal.core.postinspection.StatementOfProposedAction;
import uk.gov.inspectorates.portal.core.postinspection.StatementReview;
import uk.gov.inspectorates.portal.core.postinspection.StatementReviews;
import uk.gov.inspectorates.portal.core.shared.Conflict;
import uk.gov.inspectorates.portal.core.shared.InvalidInput;
import uk.gov.inspectorates.portal.core.shared.NotFound;
import uk.gov.inspectorates.portal.web.api.JtaiNames;
import uk.gov.inspectorates.portal.web.api.Problem;
import uk.gov.inspectorates.portal.web.api.Problems;

/**
 * The page of what follows a findings letter's publication (docs/adr/0026): its dates, the statement of proposed
 * action (asking the agency for it, its documents and their reviews) and the challenges and complaints with their
 * deadlines. Reached through {@link InspectionPages} at {@code /inspections/{id}/after-publication}. No JavaScript.
 */
@ApplicationScoped
public class AfterPublicationPages {

    private static final Map<String, String> DONE = Map.of(
            "statement", "The agency is asked for the statement of proposed action",
            "review", "Your review is recorded, and the agency is told",
            "challenge", "The challenge or complaint is recorded",
            "acknowledge", "The acknowledgement is recorded",
            "respond", "The response is recorded");

    @Inject
    InspectionService inspections;

    @Inject
    ProposedActionService statements;

    @Inject
    StatementReviews reviews;

    @Inject
    ChallengeService challenges;

    @Inject
    EvidenceDocuments documents;

    @Inject
    AnnexDDeadlines deadlines;

    @Inject
    JtaiNames names;

    @Inject
    PageRenderer pages;

    @Inject
    Clock clock;

    static boolean handles(String path) {
        return path.matches("/[0-9a-f]{32}/after-publication(/(statement|review|challenge|acknowledge|respond))?");
    }

    void get(HttpServletRequest request, HttpServletResponse response, Subject subject, String path)
            throws IOException {
        String id = path.substring(1, 33);
        render(response, PageModel.forRequest(request, "After publication")
                .with("notice", DONE.get(String.valueOf(request.getParameter("done")))), subject, id, Map.of(), 200);
    }

    void post(HttpServletRequest request, HttpServletResponse response, Subject subject, String path)
            throws IOException {
        String id = path.substring(1, 33);
        String form = path.substring(path.lastIndexOf('/') + 1);
        Map<String, String> given = ReportForms.fields(request);
        try {
            switch (form) {
                case "statement" -> statements.name(subject, id, given.get("agency"));
                case "review" -> reviews.review(subject, id, given.get("document"), given.get("outcome"),
                        given.get("comments"));
                case "challenge" -> challenges.record(subject, id, new ChallengeDraft(given.get("kind"),
                        given.get("complainant"), given.get("summary"),
                        ReportForms.time(given.get("receivedAt"), "receivedAt")));
                case "acknowledge" -> challenges.acknowledge(subject, id, given.get("challenge"), null);
                case "respond" -> challenges.respond(subject, id, given.get("challenge"), null,
                        given.get("response"));
                default -> throw new NotFound("page");
            }
            response.sendRedirect("/inspections/" + id + "/after-publication?done=" + form);
        } catch (InvalidInput | Conflict refused) {
            Problem problem = Problems.from(refused);
            render(response, PageModel.forRequest(request, "After publication").errorsIn(form, problem), subject, id,
                    Map.of(form, given), problem.status());
        }
    }

    private void render(HttpServletResponse response, PageModel model, Subject subject, String id,
                        Map<String, Map<String, String>> given, int status) throws IOException {
        Inspection inspection = inspections.view(subject, id).inspection();
        Instant now = clock.instant();
        Optional<Instant> published = deadlines.publishedBy(id, now);
        Optional<StatementOfProposedAction> statement = statements.of(subject, id);
        boolean mayName = statements.mayName(subject, inspection);
        Map<String, StatementReview> reviewed = reviews.reviews(subject, id).stream()
                .collect(Collectors.toMap(StatementReview::documentId, Function.identity()));
        List<Map<String, Object>> statementDocuments = statement.map(s -> documents.ofInspection(subject, id).stream()
                .filter(document -> document.requestId().equals(s.requestId()))
                .map(document -> documentRow(document, reviewed.get(document.id()), mayName)).toList())
                .orElse(List.of());
        List<Challenge> visibleChallenges = challenges.ofInspection(subject, id);
        boolean mayRecord = challenges.mayRecord(subject, inspection);
        pages.render(response, status, "after-publication", model
                .with("marking", ReferralPages.MARKING)
                .with("inspectionId", id)
                .with("inspectionName", names.inspection(inspection))
                .with("publishedAt", published.map(ReferralPages::when).orElse(null))
                .with("statementDue", published.map(at -> deadlines.statementDue(id, at)).map(ReferralPages::when).orElse(null))
                .with("challengesClose", published.map(deadlines::challengesClose).map(ReferralPages::when)
                        .orElse(null))
                .with("statement", statement.map(s -> Map.of("agency", names.agency(s.agencyId()),
                        "due", ReferralPages.when(s.dueAt()), "overdue", now.isAfter(s.dueAt()),
                        "link", "/inspections/" + id + "/requests/" + s.requestId())).orElse(null))
                .with("statementDocuments", statementDocuments)
                .with("hasStatementDocuments", !statementDocuments.isEmpty())
                .with("mayNameStatement", mayName && published.isPresent() && statement.isEmpty())
                .with("agencies", mayName ? statements.agenciesOf(subject, id).stream()
                        .map(agency -> Map.of("id", agency.id(), "name", agency.name())).toList() : List.of())
                .with("challenges", visibleChallenges.stream().map(c -> challengeRow(c, now, mayRecord)).toList())
                .with("hasChallenges", !visibleChallenges.isEmpty())
                .with("mayRecordChallenge", mayRecord)
                .with("given", given)
                .asMap());
    }

    private static Map<String, Object> documentRow(EvidenceDocument document, StatementReview review,
                                                   boolean mayReview) {
        Map<String, Object> row = new HashMap<>();
        row.put("id", document.id());
        row.put("fileName", document.document().fileName());
        row.put("uploaded", ReferralPages.when(document.uploadedAt()));
        row.put("link", "/documents/" + document.id() + "/content");
        if (review != null) {
            row.put("review", Map.of("outcome", review.outcome() == StatementReview.Outcome.ACCEPTED ? "Accepted"
                    : "Returned", "comments", review.comments() == null ? "" : review.comments(),
                    "reviewedAt", ReferralPages.when(review.reviewedAt())));
        }
        row.put("mayReview", mayReview && review == null);
        return row;
    }

    private static Map<String, Object> challengeRow(Challenge challenge, Instant now, boolean mayRecord) {
        Map<String, Object> row = new HashMap<>();
        row.put("id", challenge.id());
        row.put("kind", challenge.kind() == Challenge.Kind.PROCESS_OR_OUTCOME ? "Process or outcome"
                : "Inspector conduct");
        row.put("complainant", challenge.complainant());
        row.put("summary", challenge.summary());
        row.put("received", ReferralPages.when(challenge.receivedAt()));
        row.put("late", challenge.late());
        row.put("acknowledgeBy", ReferralPages.when(challenge.acknowledgeBy()));
        row.put("acknowledged", challenge.acknowledgedAt() == null ? null
                : ReferralPages.when(challenge.acknowledgedAt()));
        row.put("respondBy", ReferralPages.when(challenge.respondBy()));
        row.put("responded", challenge.respondedAt() == null ? null : ReferralPages.when(challenge.respondedAt()));
        row.put("response", challenge.responseSummary());
        row.put("overdue", challenge.overdueAt(now));
        row.put("mayAcknowledge", mayRecord && challenge.awaitingAcknowledgement());
        row.put("mayRespond", mayRecord && !challenge.answered());
        return row;
    }
}
