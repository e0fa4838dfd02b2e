package uk.gov.inspectorates.portal.core.notification;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import uk.gov.inspectorates.portal.core.organisation.Role;

/**
 * Queues the reminders about what agencies owe: DUE_TOMORROW for items due on tomorrow's date (UK local time),
 * OVERDUE for items past their due time. Each item gets each kind at most once, however often this runs and on
 * however many nodes (the outbox keeps the key with the messages, in one step). They go to the agency's uploaders
 * and its chief officer; an item owed by someone else (an inspectorate's lead inspector acknowledging a challenge)
 * names its recipients and is reminded as DEADLINE_TOMORROW and DEADLINE_PASSED.
 */
public final class Reminders {

    /** What one run queued. */
    public record Result(int dueTomorrow, int overdue) {
    }

    private final DueItems items;
    private final Notices notices;
    private final Clock clock;
    private final ZoneId zone;

    public Reminders(DueItems items, Notices notices, Clock clock, ZoneId zone) {
        this.items = items;
        this.notices = notices;
        this.clock = clock;
        this.zone = zone;
    }

    public Result queueDue() {
        Instant now = clock.instant();
        LocalDate tomorrow = LocalDate.ofInstant(now, zone).plusDays(1);
        int dueTomorrow = 0;
        for (DueItems.DueItem item : items.dueBetween(tomorrow.atStartOfDay(zone).toInstant(),
                tomorrow.plusDays(1).atStartOfDay(zone).toInstant())) {
            dueTomorrow += remind(NoticeKind.DUE_TOMORROW, item) ? 1 : 0;
        }
        int overdue = 0;
        for (DueItems.DueItem item : items.overdueAt(now)) {
            overdue += remind(NoticeKind.OVERDUE, item) ? 1 : 0;
        }
        return new Result(dueTomorrow, overdue);
    }

    private boolean remind(NoticeKind kind, DueItems.DueItem item) {
        if (item.recipients() != null) {
            NoticeKind deadline = kind == NoticeKind.DUE_TOMORROW ? NoticeKind.DEADLINE_TOMORROW
                    : NoticeKind.DEADLINE_PASSED;
            return notices.enqueueOnce(deadline + ":" + item.itemId(), Notice.of(deadline, item.title(), item.link(),
                    item.recipients()));
        }
        return notices.enqueueOnce(kind + ":" + item.itemId(), Notice.of(kind, item.title(), item.link(),
                Recipients.withRoles(item.organisationId(), Role.AGENCY_UPLOADER, Role.AGENCY_CHIEF_OFFICER)));
    }
}
