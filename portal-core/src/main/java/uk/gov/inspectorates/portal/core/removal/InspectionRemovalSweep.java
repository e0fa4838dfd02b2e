package uk.gov.inspectorates.portal.core.removal;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import uk.gov.inspectorates.portal.core.calendar.WorkingDayCalendar;
import uk.gov.inspectorates.portal.core.document.KeyScope;
import uk.gov.inspectorates.portal.core.inspection.ExportRecords;
import uk.gov.inspectorates.portal.core.inspection.Inspection;
import uk.gov.inspectorates.portal.core.inspection.InspectionClosure;
import uk.gov.inspectorates.portal.core.inspection.InspectionRepository;
import uk.gov.inspectorates.portal.core.retention.HoldTarget;
import uk.gov.inspectorates.portal.core.retention.RemovalCandidate;
import uk.gov.inspectorates.portal.core.retention.Remover;
import uk.gov.inspectorates.portal.core.retention.RetentionCategory;
import uk.gov.inspectorates.portal.core.retention.RetentionPolicies;
import uk.gov.inspectorates.portal.core.retention.RetentionPolicy;
import uk.gov.inspectorates.portal.core.retention.RetentionSweep;

/**
 * JTAI data after closure: at the end of the export window the inspection's KEK is destroyed, then every object of its
 * key scope (whatever feature stored it), then the inspection with every row that refers to it; the removal is
 * certified (docs/adr/0030).
 */
public final class InspectionRemovalSweep implements RetentionSweep {

    static final String KIND = "INSPECTION";

    private final InspectionRepository inspections;
    private final ExportRecords exports;
    private final ScopeInventory inventory;
    private final RetentionPolicies policies;
    private final WorkingDayCalendar calendar;
    private final Removals removals;
    private final ProvableRemoval removal;

    public InspectionRemovalSweep(InspectionRepository inspections, ExportRecords exports, ScopeInventory inventory,
                                  RetentionPolicies policies, WorkingDayCalendar calendar, Removals removals,
                                  ProvableRemoval removal) {
        this.inspections = Objects.requireNonNull(inspections, "inspections");
        this.exports = Objects.requireNonNull(exports, "exports");
        this.inventory = Objects.requireNonNull(inventory, "inventory");
        this.policies = Objects.requireNonNull(policies, "policies");
        this.calendar = Objects.requireNonNull(calendar, "calendar");
        this.removals = Objects.requireNonNull(removals, "removals");
        this.removal = Objects.requireNonNull(removal, "removal");
    }

    @Override
    public RetentionCategory category() {
        return RetentionCategory.JTAI_AFTER_CLOSURE;
    }

    @Override
    public List<RemovalCandidate> candidates(RetentionPolicy policy, Instant now) {
        return inspections.closures().stream()
                .filter(closure -> removals.find(category(), KIND, closure.inspectionId())
                        .map(record -> !record.completed()).orElse(true))
                .map(closure -> new RemovalCandidate(category(), KIND, closure.inspectionId(),
                        "inspection closed " + closure.closedAt().atOffset(ZoneOffset.UTC).toLocalDate(),
                        policy.endsAfter(closure.closedAt(), calendar), HoldTarget.inspection(closure.inspectionId())))
                .sorted(Comparator.comparing(RemovalCandidate::dueAt))
                .toList();
    }

    @Override
    public void remove(RemovalCandidate candidate, Remover remover) {
        String id = candidate.id();
        removal.remove(candidate, policies.current(category()), remover, new RemovalPlan(KeyScope.inspection(id),
                () -> inventory.deleteInspectionRows(id), () -> tally(id)));
    }

    private InspectionTally tally(String inspectionId) {
        Inspection inspection = inspections.find(inspectionId).orElseThrow(() -> new IllegalStateException(
                "inspection " + inspectionId + " is gone before its removal was tallied"));
        InspectionClosure closure = inspections.closure(inspectionId).orElseThrow(() -> new IllegalStateException(
                "inspection " + inspectionId + " is not closed"));
        return new InspectionTally(closure.closedAt(), inspection.leadInspectorate(), inspection.participants(),
                inventory.requestsOf(inspectionId), exports.ofInspection(inspectionId));
    }
}
