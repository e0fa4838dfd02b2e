package uk.gov.inspectorates.portal.core.findings;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import uk.gov.inspectorates.portal.core.notification.DueItems;

/**
 * The partnership's factual accuracy comments, owed by the DCS's agency until uploaded, for the e-mail reminders
 * (due tomorrow, overdue) of docs/adr/0023.
 */
public final class AccuracyCheckDueItems implements DueItems {

    private final FindingsLetters letters;

    public AccuracyCheckDueItems(FindingsLetters letters) {
        this.letters = Objects.requireNonNull(letters, "letters");
    }

    @Override
    public List<DueItem> dueBetween(Instant from, Instant to) {
        return letters.openAccuracyChecks().stream()
                .filter(check -> !check.dueAt().isBefore(from) && check.dueAt().isBefore(to))
                .map(AccuracyCheckDueItems::item).toList();
    }

    @Override
    public List<DueItem> overdueAt(Instant at) {
        return letters.openAccuracyChecks().stream().filter(check -> check.dueAt().isBefore(at))
                .map(AccuracyCheckDueItems::item).toList();
    }

    private static DueItem item(AccuracyCheck check) {
        return new DueItem("findings-letter-accuracy-check:" + check.inspectionId(), check.dcsAgencyId(),
                "Factual accuracy comments on the draft findings letter",
                "/inspections/" + check.inspectionId() + "/findings-letter", check.dueAt());
    }
}
