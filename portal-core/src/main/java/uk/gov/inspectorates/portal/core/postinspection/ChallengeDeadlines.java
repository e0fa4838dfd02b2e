package uk.gov.inspectorates.portal.core.postinspection;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Predicate;
import uk.gov.inspectorates.portal.core.inspection.Inspection;
import uk.gov.inspectorates.portal.core.inspection.InspectionRepository;
import uk.gov.inspectorates.portal.core.notification.DueItems;

/**
 * What the lead inspectorate owes on challenges and complaints, for the e-mail reminders: an acknowledgement (within
 * 5 working days of receipt) while a challenge is neither acknowledged nor answered, and the response (within 30)
 * while it is not answered. Reminded to the inspection's named lead inspector of the lead inspectorate (or, when none
 * is named, its lead inspectors). Item ids: {@code challenge-acknowledgement:<id>}, {@code challenge-response:<id>}.
 */
public final class ChallengeDeadlines implements DueItems {

    private final InspectionRepository inspections;
    private final Challenges challenges;

    public ChallengeDeadlines(InspectionRepository inspections, Challenges challenges) {
        this.inspections = Objects.requireNonNull(inspections, "inspections");
        this.challenges = Objects.requireNonNull(challenges, "challenges");
    }

    @Override
    public List<DueItem> dueBetween(Instant from, Instant to) {
        return items(due -> !due.isBefore(from) && due.isBefore(to));
    }

    @Override
    public List<DueItem> overdueAt(Instant at) {
        return items(due -> due.isBefore(at));
    }

    private List<DueItem> items(Predicate<Instant> due) {
        List<DueItem> items = new ArrayList<>();
        for (Challenge challenge : challenges.unanswered()) {
            Optional<Inspection> inspection = inspections.find(challenge.inspectionId());
            if (inspection.isEmpty()) {
                continue;
            }
            String organisation = inspection.get().leadInspectorate().organisationId();
            String link = ChallengeService.linkTo(challenge.inspectionId());
            if (challenge.awaitingAcknowledgement() && due.test(challenge.acknowledgeBy())) {
                items.add(new DueItem("challenge-acknowledgement:" + challenge.id(), organisation,
                        "Acknowledge a challenge or complaint", link, challenge.acknowledgeBy(),
                        ChallengeService.owedBy(inspection.get())));
            }
            if (due.test(challenge.respondBy())) {
                items.add(new DueItem("challenge-response:" + challenge.id(), organisation,
                        "Answer a challenge or complaint", link, challenge.respondBy(),
                        ChallengeService.owedBy(inspection.get())));
            }
        }
        return items;
    }
}
