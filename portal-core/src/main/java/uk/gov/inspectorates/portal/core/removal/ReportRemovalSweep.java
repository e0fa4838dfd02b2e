package uk.gov.inspectorates.portal.core.removal;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;
import uk.gov.inspectorates.portal.core.calendar.WorkingDayCalendar;
import uk.gov.inspectorates.portal.core.document.KeyScope;
import uk.gov.inspectorates.portal.core.retention.HoldTarget;
import uk.gov.inspectorates.portal.core.retention.RemovalCandidate;
import uk.gov.inspectorates.portal.core.retention.Remover;
import uk.gov.inspectorates.portal.core.retention.RetentionCategory;
import uk.gov.inspectorates.portal.core.retention.RetentionPolicies;
import uk.gov.inspectorates.portal.core.retention.RetentionPolicy;
import uk.gov.inspectorates.portal.core.retention.RetentionSweep;

/**
 * The report side of retention (docs/adr/0030), one sweep per category: a published report's copy (its content and
 * letters shredded; its row stays as the redirect to the published report), a withdrawn report (all of it), and an
 * advance letter whose report never came (the letter and its own key scope).
 */
public final class ReportRemovalSweep implements RetentionSweep {

    private final RetentionCategory category;
    private final String kind;
    private final Function<RetainedReports, List<RetainedReports.Dated>> listing;
    private final RowDeletion rows;
    private final RetainedReports reports;
    private final ScopeInventory inventory;
    private final RetentionPolicies policies;
    private final WorkingDayCalendar calendar;
    private final Removals removals;
    private final ProvableRemoval removal;

    @FunctionalInterface
    private interface RowDeletion {
        void delete(ScopeInventory inventory, KeyScope scope);
    }

    private ReportRemovalSweep(RetentionCategory category, String kind,
                               Function<RetainedReports, List<RetainedReports.Dated>> listing, RowDeletion rows,
                               RetainedReports reports, ScopeInventory inventory, RetentionPolicies policies,
                               WorkingDayCalendar calendar, Removals removals, ProvableRemoval removal) {
        this.category = category;
        this.kind = kind;
        this.listing = listing;
        this.rows = rows;
        this.reports = Objects.requireNonNull(reports, "reports");
        this.inventory = Objects.requireNonNull(inventory, "inventory");
        this.policies = Objects.requireNonNull(policies, "policies");
        this.calendar = Objects.requireNonNull(calendar, "calendar");
        this.removals = Objects.requireNonNull(removals, "removals");
        this.removal = Objects.requireNonNull(removal, "removal");
    }

    /** N days after publication the portal's copy goes; the row stays to redirect to the published report. */
    public static ReportRemovalSweep publishedCopies(RetainedReports reports, ScopeInventory inventory,
                                                     RetentionPolicies policies, WorkingDayCalendar calendar,
                                                     Removals removals, ProvableRemoval removal) {
        return new ReportRemovalSweep(RetentionCategory.PUBLISHED_REPORT_COPIES, "REPORT_COPY",
                RetainedReports::published, (inventory1, scope) -> inventory1.deleteReportRows(scope.id(), true),
                reports, inventory, policies, calendar, removals, removal);
    }

    public static ReportRemovalSweep withdrawn(RetainedReports reports, ScopeInventory inventory,
                                               RetentionPolicies policies, WorkingDayCalendar calendar,
                                               Removals removals, ProvableRemoval removal) {
        return new ReportRemovalSweep(RetentionCategory.WITHDRAWN_REPORTS, "REPORT", RetainedReports::withdrawn,
                (inventory1, scope) -> inventory1.deleteReportRows(scope.id(), false), reports, inventory, policies,
                calendar, removals, removal);
    }

    public static ReportRemovalSweep lettersAhead(RetainedReports reports, ScopeInventory inventory,
                                                  RetentionPolicies policies, WorkingDayCalendar calendar,
                                                  Removals removals, ProvableRemoval removal) {
        return new ReportRemovalSweep(RetentionCategory.LETTERS, "LETTER", RetainedReports::lettersAhead,
                ScopeInventory::deleteLetterAheadRows, reports, inventory, policies, calendar, removals, removal);
    }

    @Override
    public RetentionCategory category() {
        return category;
    }

    @Override
    public List<RemovalCandidate> candidates(RetentionPolicy policy, Instant now) {
        return listing.apply(reports).stream()
                .filter(dated -> removals.find(category, kind, dated.scope().id()).map(r -> !r.completed()).orElse(true))
                .map(dated -> new RemovalCandidate(category, kind, dated.scope().id(), describe(dated),
                        policy.endsAfter(dated.since(), calendar), holdTarget(dated)))
                .sorted(Comparator.comparing(RemovalCandidate::dueAt))
                .toList();
    }

    @Override
    public void remove(RemovalCandidate candidate, Remover remover) {
        KeyScope scope = scopeOf(candidate);
        removal.remove(candidate, policies.current(category), remover,
                new RemovalPlan(scope, () -> rows.delete(inventory, scope), null));
    }

    /** Every report category's target is a report key scope: a report's (its id) or a letter sent ahead's own. */
    private static KeyScope scopeOf(RemovalCandidate candidate) {
        return KeyScope.report(candidate.id());
    }

    private String describe(RetainedReports.Dated dated) {
        String what = switch (category) {
            case PUBLISHED_REPORT_COPIES -> "copy of a published report";
            case WITHDRAWN_REPORTS -> "withdrawn report";
            default -> "advance letter sent ahead of a report that never came";
        };
        return what;
    }

    private HoldTarget holdTarget(RetainedReports.Dated dated) {
        return kind.equals("LETTER") ? null : HoldTarget.report(dated.scope().id());
    }
}
