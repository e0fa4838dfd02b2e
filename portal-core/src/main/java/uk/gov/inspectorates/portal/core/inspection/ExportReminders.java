package uk.gov.inspectorates.portal.core.inspection;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import uk.gov.inspectorates.portal.core.calendar.WorkingDayCalendar;
import uk.gov.inspectorates.portal.core.notification.Notice;
import uk.gov.inspectorates.portal.core.notification.NoticeKind;
import uk.gov.inspectorates.portal.core.notification.Recipients;
import uk.gov.inspectorates.portal.core.organisation.Inspectorate;
import uk.gov.inspectorates.portal.core.organisation.Role;
import uk.gov.inspectorates.portal.core.retention.RetentionCategory;
import uk.gov.inspectorates.portal.core.retention.RetentionPolicies;
import uk.gov.inspectorates.portal.core.retention.RetentionPolicy;

/**
 * Reminds each participating inspectorate that has not exported from a closed inspection, {@value #FIRST} working
 * days and again {@value #LAST} working day before its export window ends (the JTAI_AFTER_CLOSURE policy), each
 * reminder once (the outbox keeps the key). The removal does not wait for the export: this only warns.
 */
public final class ExportReminders {

    /** Where a reminder is queued at most once per key ({@code Notices::enqueueOnce}). */
    @FunctionalInterface
    public interface Outbox {
        boolean enqueueOnce(String onceKey, Notice notice);
    }

    static final int FIRST = 5;
    static final int LAST = 1;

    private final InspectionRepository inspections;
    private final ExportRecords records;
    private final RetentionPolicies policies;
    private final WorkingDayCalendar calendar;
    private final Outbox notices;
    private final Clock clock;

    public ExportReminders(InspectionRepository inspections, ExportRecords records, RetentionPolicies policies,
                           WorkingDayCalendar calendar, Outbox notices, Clock clock) {
        this.inspections = Objects.requireNonNull(inspections, "inspections");
        this.records = Objects.requireNonNull(records, "records");
        this.policies = Objects.requireNonNull(policies, "policies");
        this.calendar = Objects.requireNonNull(calendar, "calendar");
        this.notices = Objects.requireNonNull(notices, "notices");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** Queues the reminders due now; returns how many were queued for the first time. */
    public int queueDue() {
        Instant now = clock.instant();
        RetentionPolicy policy = policies.current(RetentionCategory.JTAI_AFTER_CLOSURE);
        int queued = 0;
        for (InspectionClosure closure : inspections.closures()) {
            Instant end = policy.endsAfter(closure.closedAt(), calendar);
            Optional<Inspection> inspection = inspections.find(closure.inspectionId());
            if (inspection.isEmpty() || !now.isBefore(end)) {
                continue;
            }
            Optional<Integer> due = reminderDue(now, end);
            if (due.isEmpty()) {
                continue;
            }
            List<ExportRecord> done = records.ofInspection(closure.inspectionId());
            for (Inspectorate inspectorate : inspection.get().participants()) {
                if (done.stream().noneMatch(r -> r.inspectorate() == inspectorate)
                        && remind(inspection.get(), inspectorate, due.get())) {
                    queued++;
                }
            }
        }
        return queued;
    }

    /** The reminder (working days before the end) whose time has come, the later one when both have. */
    Optional<Integer> reminderDue(Instant now, Instant end) {
        LocalDate endDate = LocalDate.ofInstant(end, WorkingDayCalendar.UK);
        for (int daysBefore : new int[] {LAST, FIRST}) {
            Instant from = calendar.plusWorkingDays(endDate, -daysBefore).atStartOfDay(WorkingDayCalendar.UK)
                    .toInstant();
            if (!now.isBefore(from)) {
                return Optional.of(daysBefore);
            }
        }
        return Optional.empty();
    }

    private boolean remind(Inspection inspection, Inspectorate inspectorate, int daysBefore) {
        List<Recipients> to = new ArrayList<>();
        String lead = inspection.leadInspectors().get(inspectorate);
        to.add(lead != null ? Recipients.person(lead)
                : Recipients.withRoles(inspectorate.organisationId(), Role.LEAD_INSPECTOR));
        to.add(Recipients.withRoles(inspectorate.organisationId(), Role.INSPECTION_SUPPORT));
        return notices.enqueueOnce(NoticeKind.EXPORT_WINDOW_ENDING + ":" + inspection.id() + ":"
                        + inspectorate.name() + ":" + daysBefore,
                new Notice(NoticeKind.EXPORT_WINDOW_ENDING, to, inspection.theme(),
                        "/inspections/" + inspection.id() + "/exports"));
    }
}
