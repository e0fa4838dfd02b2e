package uk.gov.inspectorates.portal.web.api;

import static uk.gov.inspectorates.portal.web.api.Views.utc;

import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import uk.gov.inspectorates.portal.core.postinspection.AnnexDDeadlines;
import uk.gov.inspectorates.portal.core.postinspection.Challenge;
import uk.gov.inspectorates.portal.core.postinspection.ChallengeDraft;
import uk.gov.inspectorates.portal.core.postinspection.ChallengeService;
import uk.gov.inspectorates.portal.core.postinspection.ProposedActionService;
import uk.gov.inspectorates.portal.core.postinspection.StatementOfProposedAction;
import uk.gov.inspectorates.portal.core.postinspection.StatementReview;
import uk.gov.inspectorates.portal.core.postinspection.StatementReviews;

/**
 * After a JTAI findings letter's publication (JTAI §96-99, Annex D; docs/adr/0026): the statement of proposed action
 * and its reviews, challenges and complaints with their deadlines. The statement's documents are uploaded against its
 * information request ({@code POST /api/v1/inspections/{id}/requests/{requestId}/documents}).
 */
@Path("inspections/{id}/after-publication")
@Produces(MediaType.APPLICATION_JSON)
public class AfterPublicationResource {

    @Inject
    ProposedActionService statements;

    @Inject
    StatementReviews reviews;

    @Inject
    ChallengeService challenges;

    @Inject
    AnnexDDeadlines deadlines;

    @Inject
    CurrentSubject current;

    @Inject
    Clock clock;

    public record StatementView(String agency, String requestId, OffsetDateTime dueAt, OffsetDateTime namedAt) {
        static StatementView of(StatementOfProposedAction statement) {
            return new StatementView(statement.agencyId(), statement.requestId(), utc(statement.dueAt()),
                    utc(statement.namedAt()));
        }
    }

    public record ReviewView(String document, String outcome, String comments, OffsetDateTime reviewedAt) {
        static ReviewView of(StatementReview review) {
            return new ReviewView(review.documentId(), review.outcome().name(), review.comments(),
                    utc(review.reviewedAt()));
        }
    }

    public record ChallengeView(String id, String kind, String complainant, String summary, OffsetDateTime receivedAt,
                                boolean late, OffsetDateTime acknowledgeBy, OffsetDateTime acknowledgedAt,
                                OffsetDateTime respondBy, OffsetDateTime respondedAt, String response,
                                boolean overdue) {
        static ChallengeView of(Challenge challenge, Instant now) {
            return new ChallengeView(challenge.id(), challenge.kind().name(), challenge.complainant(),
                    challenge.summary(), utc(challenge.receivedAt()), challenge.late(), utc(challenge.acknowledgeBy()),
                    utc(challenge.acknowledgedAt()), utc(challenge.respondBy()), utc(challenge.respondedAt()),
                    challenge.responseSummary(), challenge.overdueAt(now));
        }
    }

    /**
     * The findings letter's publication (null until published) and what follows from it: the statement's due time,
     * the last moment for challenges; the statement with its reviews, and the challenges, as far as the caller may see.
     */
    public record AfterPublicationView(OffsetDateTime publishedAt, OffsetDateTime statementDueAt,
                                       OffsetDateTime challengesCloseAt, StatementView statement,
                                       List<ReviewView> reviews, List<ChallengeView> challenges) {
    }

    @GET
    public AfterPublicationView view(@PathParam("id") String id) {
        Instant now = clock.instant();
        Optional<StatementOfProposedAction> statement = statements.of(current.get(), id);
        Optional<Instant> published = deadlines.publishedBy(id, now);
        return new AfterPublicationView(published.map(Views::utc).orElse(null),
                published.map(at -> deadlines.statementDue(id, at)).map(Views::utc).orElse(null),
                published.map(deadlines::challengesClose).map(Views::utc).orElse(null),
                statement.map(StatementView::of).orElse(null),
                reviews.reviews(current.get(), id).stream().map(ReviewView::of).toList(),
                challenges.ofInspection(current.get(), id).stream().map(c -> ChallengeView.of(c, now)).toList());
    }

    /** The lead inspector asks the agency the letter names: body {agency?} (default: children's services). */
    @POST
    @Path("statement")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response nameStatement(@PathParam("id") String id, String json) {
        JsonObject body = JsonBodies.object(json);
        return Response.status(Response.Status.CREATED).entity(StatementView.of(statements.name(current.get(), id,
                JsonBodies.text(body, "agency")))).build();
    }

    /** The lead inspector's review: body {document, outcome: ACCEPTED | RETURNED, comments (required to return)}. */
    @POST
    @Path("statement/reviews")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response review(@PathParam("id") String id, String json) {
        JsonObject body = JsonBodies.object(json);
        return Response.status(Response.Status.CREATED).entity(ReviewView.of(reviews.review(current.get(), id,
                JsonBodies.text(body, "document"), JsonBodies.text(body, "outcome"),
                JsonBodies.text(body, "comments")))).build();
    }

    @GET
    @Path("challenges")
    public List<ChallengeView> challenges(@PathParam("id") String id) {
        Instant now = clock.instant();
        return challenges.ofInspection(current.get(), id).stream().map(c -> ChallengeView.of(c, now)).toList();
    }

    /** Body {kind: PROCESS_OR_OUTCOME | INSPECTOR_CONDUCT, complainant, summary, receivedAt?}. */
    @POST
    @Path("challenges")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response recordChallenge(@PathParam("id") String id, String json) {
        JsonObject body = JsonBodies.object(json);
        Challenge challenge = challenges.record(current.get(), id, new ChallengeDraft(JsonBodies.text(body, "kind"),
                JsonBodies.text(body, "complainant"), JsonBodies.text(body, "summary"),
                JsonBodies.time(body, "receivedAt")));
        return Response.status(Response.Status.CREATED).entity(ChallengeView.of(challenge, clock.instant())).build();
    }

    /** Body {acknowledgedAt?}. */
    @POST
    @Path("challenges/{cid}/acknowledgement")
    @Consumes(MediaType.APPLICATION_JSON)
    public ChallengeView acknowledge(@PathParam("id") String id, @PathParam("cid") String challengeId, String json) {
        JsonObject body = JsonBodies.object(json);
        return ChallengeView.of(challenges.acknowledge(current.get(), id, challengeId,
                JsonBodies.time(body, "acknowledgedAt")), clock.instant());
    }

    /** Body {response, respondedAt?}. */
    @POST
    @Path("challenges/{cid}/response")
    @Consumes(MediaType.APPLICATION_JSON)
    public ChallengeView respond(@PathParam("id") String id, @PathParam("cid") String challengeId, String json) {
        JsonObject body = JsonBodies.object(json);
        return ChallengeView.of(challenges.respond(current.get(), id, challengeId,
                JsonBodies.time(body, "respondedAt"), JsonBodies.text(body, "response")), clock.instant());
    }
}
